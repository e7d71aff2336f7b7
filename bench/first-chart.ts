/**
 * When a page's first chart is drawn, as a person sees it: the first frame with a chart in the viewport, at a
 * size and not hidden, whether the server's SVG (in the HTML, EChart.svelte) or the browser's canvas (once its
 * first render has finished), beside the first contentful paint and the interactive chart's `jindu:first-chart`.
 */
import type { Page } from '@playwright/test';

/**
 * Runs in the page before its HTML is parsed: looks for a server-drawn SVG or a drawn canvas that is visible
 * (not in a hidden slide) and lies partly in the viewport, and marks when it first finds one, with what it was
 * and how much of it is in view. It looks in every frame, and as soon as a chart says it has drawn
 * (`data-rendered`, set while the frame that draws it runs, before that frame is painted). The mark's time is
 * when it looked, not a frame's own timestamp: that is when the frame began, which after a long task
 * (hydrating, drawing the chart) is before the task, so a canvas was measured ≈ 100–150 ms earlier than it
 * could be seen; and a look one frame later would wait for whatever runs after the chart's first frame.
 * Source text, not a function: a compiler running this file (tsx) would add its own helpers to a function's
 * text, which the page does not have.
 */
const WATCH_VISIBLE_CHART = `(() => {
	let found = false;
	function inView(element) {
		if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return null;
		const box = element.getBoundingClientRect();
		const height = Math.min(box.bottom, innerHeight) - Math.max(box.top, 0);
		const width = Math.min(box.right, innerWidth) - Math.max(box.left, 0);
		return height > 0 && width > 0 ? { height, of: box.height } : null;
	}
	function look() {
		if (found) return;
		const candidates = [
			...[...document.querySelectorAll('.server-drawn svg')].map((element) => [element, 'svg']),
			...[...document.querySelectorAll('.echart[data-rendered="true"] canvas')].map((element) => [element, 'canvas'])
		];
		for (const [element, kind] of candidates) {
			const seen = inView(element);
			if (!seen) continue;
			found = true;
			observer.disconnect();
			return void performance.mark('jindu:chart-seen', { detail: { kind, ...seen } });
		}
	}
	const observer = new MutationObserver(look);
	observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-rendered'] });
	function frame() {
		look();
		if (!found) requestAnimationFrame(frame);
	}
	requestAnimationFrame(frame);
})();`;

export interface FirstChart {
	/** The first frame with a chart in view (ms since navigation), not before the first contentful paint. */
	drawn: number;
	/** What that chart was, and how much of its height (px) lay in the viewport. */
	seen: { kind: 'svg' | 'canvas'; height: number; of: number };
	/** The interactive chart's first finished render (the page's first chart, seen or not). */
	interactive: number;
	firstContentfulPaint: number;
}

export async function watchFirstChart(page: Page): Promise<void> {
	await page.addInitScript({ content: WATCH_VISIBLE_CHART });
}

/** The figures of a page opened after watchFirstChart, once a chart is in view and the interactive one drawn. */
export async function readFirstChart(page: Page): Promise<FirstChart> {
	// The paint entry too: Chromium reports it once the frame is shown, which can be after both marks; a load
	// that read none made the deck's row NaN (a run at 21:54 on 2026-11-30).
	await page.waitForFunction(
		() =>
			performance.getEntriesByName('jindu:first-chart').length > 0 &&
			performance.getEntriesByName('jindu:chart-seen').length > 0 &&
			performance.getEntriesByName('first-contentful-paint').length > 0,
		null,
		{ timeout: 15_000 }
	);
	return page.evaluate(() => {
		const interactive = performance.getEntriesByName('jindu:first-chart')[0].startTime;
		const seen = performance.getEntriesByName('jindu:chart-seen')[0] as PerformanceMark;
		const paint = performance.getEntriesByName('first-contentful-paint')[0].startTime;
		// Nothing is seen before the first contentful paint, though a frame may be begun before it.
		return {
			drawn: Math.max(seen.startTime, paint),
			seen: seen.detail,
			interactive,
			firstContentfulPaint: paint
		};
	});
}
