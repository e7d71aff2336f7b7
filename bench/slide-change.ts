/**
 * How long a slide change takes as the room sees it: from the key's `keydown` to the first moment the slide
 * shown has every chart finished (`data-rendered`, set by the chart's first ECharts `finished`). A → goes to a
 * neighbour drawn ahead (Player.svelte), so it should be ready on the first frame; a jump to a slide far away
 * (a number, then Enter) draws that slide on demand.
 */
import type { Page } from '@playwright/test';

export interface SlideChanges {
	/** ms for each → from the first slide on, at most MOVES of them. */
	next: number[];
	/** ms for each jump to a far slide (7, 4, then the last but two). */
	jump: number[];
}

/**
 * Run in the page before each key: arms `__ready`, which resolves with the ms from the next keydown to the first
 * moment the slide shown is another one with every chart finished. A chart drawn on demand says so
 * (data-rendered) after the key; a neighbour drawn beforehand is ready on the first frame after it. Source text,
 * not a function: a compiler running this file (tsx) would add its own helpers to a function's text, which the
 * page does not have.
 */
const ARM = `(() => {
	window.__pressed = 0;
	const before = document.querySelector('[data-testid="current-slide"] article')?.getAttribute('data-slide');
	window.__ready = new Promise((resolve) => {
		addEventListener('keydown', (e) => (window.__pressed = e.timeStamp), { capture: true, once: true });
		const ready = () => {
			const slot = document.querySelector('[data-testid="current-slide"]');
			if (!window.__pressed || !slot || slot.querySelector('article')?.getAttribute('data-slide') === before) return false;
			return [...slot.querySelectorAll('.echart')].every((c) => c.getAttribute('data-rendered') === 'true');
		};
		const done = () => {
			observer.disconnect();
			resolve(performance.now() - window.__pressed);
		};
		const observer = new MutationObserver(() => ready() && done());
		observer.observe(document.body, {
			subtree: true,
			attributes: true,
			childList: true,
			attributeFilter: ['data-rendered', 'class']
		});
		const frame = () => (ready() ? done() : requestAnimationFrame(frame));
		requestAnimationFrame(frame);
	});
})()`;

/** Presses `key` and returns the ms from its keydown to the slide shown having every chart finished. */
async function timed(page: Page, key: string): Promise<number> {
	await page.evaluate(ARM);
	await page.keyboard.press(key);
	return page.evaluate('window.__ready');
}

/** Moves measured: a province's deck has 62 slides, and each move waits 400 ms. */
const MOVES = 20;

/** Steps through the deck open on `page` (its first slide shown, drawn), then jumps three times. */
export async function measureSlideChanges(page: Page, count: number): Promise<SlideChanges> {
	// A presenter reads each slide before pressing again; 400 ms is already quicker than anyone speaks.
	const next: number[] = [];
	for (let n = 1; n < Math.min(count, MOVES + 1); n++) {
		next.push(await timed(page, 'ArrowRight'));
		await page.waitForTimeout(400);
	}
	const jump: number[] = [];
	for (const target of [Math.min(7, count), Math.min(4, count), count - 2]) {
		await page.keyboard.press('Home');
		await page.waitForTimeout(300);
		for (const digit of String(target)) await page.keyboard.press(digit);
		jump.push(await timed(page, 'Enter'));
		await page.waitForTimeout(200);
	}
	return { next, jump };
}
