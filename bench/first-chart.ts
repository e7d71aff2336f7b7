/**
 * When a page's first chart is drawn, as a person sees it: the first frame with a chart in it, whether the
 * server's SVG (in the HTML, EChart.svelte) or the browser's canvas (EChart's `jindu:first-chart` mark, set
 * when its first render has finished), beside the first contentful paint and the interactive chart.
 */
import type { Page } from '@playwright/test';

/**
 * Runs in the page before its HTML is parsed: the first server-drawn SVG to enter the document is marked at
 * the next animation frame (the frame that paints it), with how much of it lies in the viewport.
 */
function watchServerSvg() {
	new MutationObserver((_, observer) => {
		const svg = document.querySelector('.server-drawn svg');
		if (!svg) return;
		observer.disconnect();
		requestAnimationFrame((frame) => {
			const box = svg.getBoundingClientRect();
			const visible = box.width > 0 ? Math.max(0, Math.min(box.bottom, innerHeight) - Math.max(box.top, 0)) : 0;
			performance.mark('jindu:first-chart-svg', { startTime: frame, detail: { visible } });
		});
	}).observe(document, { childList: true, subtree: true });
}

export interface FirstChart {
	/** The first frame with a chart in it (ms since navigation): the server's SVG, else the interactive chart. */
	drawn: number;
	/** Whether that chart was the server's SVG, and how much of its height (px) lay in the viewport. */
	svg: { visible: number } | null;
	/** The interactive chart's first finished render. */
	interactive: number;
	firstContentfulPaint: number;
}

export async function watchFirstChart(page: Page): Promise<void> {
	await page.addInitScript(watchServerSvg);
}

/** The figures of a page opened after watchFirstChart, once its interactive chart is drawn. */
export async function readFirstChart(page: Page): Promise<FirstChart> {
	await page.waitForFunction(() => performance.getEntriesByName('jindu:first-chart').length > 0, null, {
		timeout: 15_000
	});
	return page.evaluate(() => {
		const interactive = performance.getEntriesByName('jindu:first-chart')[0].startTime;
		const svg = performance.getEntriesByName('jindu:first-chart-svg')[0] as PerformanceMark | undefined;
		const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
		// Nothing is seen before the first contentful paint, though a frame may be begun before it.
		const svgDrawn = svg ? Math.max(svg.startTime, paint) : Infinity;
		return {
			drawn: Math.min(svgDrawn, interactive),
			svg: svg ? { visible: Number(svg.detail?.visible ?? 0) } : null,
			interactive,
			firstContentfulPaint: paint
		};
	});
}
