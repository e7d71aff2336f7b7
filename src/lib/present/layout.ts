/**
 * How many task rows a category slide holds, from the slide's geometry rather than by guess: every size
 * on a slide is in units of 1/1920 of its width (SlideView.svelte's --u), so one slide fits the same rows
 * at 1366×768, 1920×1080 and on A4. CategoryBody.svelte draws its rows with these same numbers.
 */

/** A slide in units: 1920 × 1080. */
export const SLIDE = { width: 1920, height: 1080 } as const;

/**
 * The slide's frame around its body (SlideView.svelte): padding 56 above and 36 below, an eyebrow
 * line (30 × 1.35 + 8), a heading of at most two lines (2 × 60 × 1.2), two gaps of 28 and the footer
 * (28 × 1.35 + 12 + 2).
 */
export const FRAME = { top: 56, bottom: 36, eyebrow: 48.5, heading: 144, gaps: 56, footer: 52 } as const;

/**
 * A category slide's list (CategoryBody.svelte): the tally above it (two lines at most), each row one
 * line, and room below for the line that counts what no slide lists.
 */
export const CATEGORY_LIST = { tally: 2 * 32 * 1.35 + 8, gap: 12, row: 56, rowGap: 6, more: 48 } as const;

/** The body's height in units: what the frame leaves of the slide. */
export function bodyHeight(frame: Record<string, number> = FRAME, slide = SLIDE): number {
	return slide.height - Object.values(frame).reduce((a, b) => a + b, 0);
}

/** Rows of `row` units with `rowGap` between them that fit in `height` units; never fewer than one. */
export function rowsThatFit(height: number, row: number, rowGap: number): number {
	return Math.max(1, Math.floor((height + rowGap) / (row + rowGap)));
}

/** Task rows on one category slide. */
export function categoryRows(
	list: Record<keyof typeof CATEGORY_LIST, number> = CATEGORY_LIST,
	height = bodyHeight()
): number {
	return rowsThatFit(height - list.tally - list.gap - list.more, list.row, list.rowGap);
}
