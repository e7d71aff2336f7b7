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

/** A run of text on one line: its type size in units, and how wide its digits and letters are (em; bold is wider). */
export interface TextRun {
	text: string;
	size: number;
	digit?: number;
	letter?: number;
}

/**
 * A run's width in units, near enough for a guess: the app's type (Noto Sans CJK) measured at 1920 × 1080 gives a
 * Chinese character or a ▲ one em, a regular digit 0.555 em and letter 0.5 on average, a space 0.22, "%" 0.92.
 */
function runWidth({ text, size, digit = 0.555, letter = 0.5 }: TextRun): number {
	let ems = 0;
	for (const char of text) {
		if (/[\u2E80-\uFFEF\u25A0-\u25FF]/.test(char)) ems += 1;
		else if (/\d/.test(char)) ems += digit;
		else ems += char === ' ' ? 0.22 : char === '%' ? 0.92 : letter;
	}
	return ems * size;
}

/**
 * The scale `fitText` will likely settle on, guessed on the server from the text alone: the widest line (its runs
 * and the gaps between them, in units) against the boxes' width. The page shows its type at this scale before
 * the script measures it, so text is neither cut at full size nor seen shrinking a moment later.
 */
export function guessFit(lines: { runs: TextRun[]; gap?: number }[], width: number): number {
	const widest = Math.max(
		0,
		...lines.map(({ runs, gap = 0 }) => runs.reduce((sum, run) => sum + runWidth(run), 0) + gap * (runs.length - 1))
	);
	if (widest <= width) return 1;
	return Math.max(MIN_FIT, Math.floor((width / widest) * 0.98 * 100) / 100);
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
