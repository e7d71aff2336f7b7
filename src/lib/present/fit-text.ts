/**
 * Type that shrinks until it fits its box, measured in the page: a KPI tile's count, share and notes
 * depend on the data (a city counts in thousands) and on the language ("of which inferred"), so no
 * fixed size suits every slide. The element's `--fit` (1 = as designed) scales the type of its boxes.
 */
import type { Attachment } from 'svelte/attachments';

/** The smallest scale: below it a tile is unreadable anyway, and the loop must end. */
export const MIN_FIT = 0.4;

interface Measure {
	scrollWidth: number;
	clientWidth: number;
	scrollHeight: number;
	clientHeight: number;
}

/**
 * The next scale to try from the current one and what the boxes measure at it: the worst box's share
 * of its content that fits, a little less (text does not scale exactly linearly), never below MIN_FIT;
 * the current scale when every box fits.
 */
export function nextFit(current: number, boxes: Measure[]): number {
	// A box not laid out (hidden, not yet sized) measures 0: nothing to fit yet.
	const shown = boxes.filter((b) => b.clientWidth > 0 && b.clientHeight > 0);
	const ratio = Math.min(
		1,
		...shown.map((b) => Math.min(b.clientWidth / b.scrollWidth, b.clientHeight / b.scrollHeight))
	);
	if (ratio >= 1) return current;
	return Math.max(MIN_FIT, Math.floor(current * ratio * 0.98 * 100) / 100);
}

/**
 * Sets `--fit` on the element so every box `boxes` finds in it shows all its content, across and down,
 * and every line `lines` finds is no wider than its box: at 1, then smaller until all fit; again whenever
 * the element's size or the fonts change. Lines are measured across only: a large number's glyphs reach
 * above its line box whatever the scale, and they are the tile's own to hold.
 */
export function fitText(selectors: { boxes: string; lines?: string }): Attachment<HTMLElement> {
	return (element) => {
		const measure = (): Measure[] => [
			...[...element.querySelectorAll<HTMLElement>(selectors.boxes)],
			...(selectors.lines ? [...element.querySelectorAll<HTMLElement>(selectors.lines)] : []).map((line) => ({
				scrollWidth: line.scrollWidth,
				clientWidth: line.clientWidth,
				scrollHeight: 1,
				clientHeight: 1
			}))
		];
		const fit = () => {
			let scale = 1;
			element.style.setProperty('--fit', '1');
			for (let step = 0; step < 6; step++) {
				const next = nextFit(scale, measure());
				if (next === scale) break;
				scale = next;
				element.style.setProperty('--fit', String(scale));
			}
			element.dataset.fit = String(scale);
		};
		const observer = new ResizeObserver(fit);
		observer.observe(element);
		document.fonts?.ready.then(fit);
		return () => observer.disconnect();
	};
}
