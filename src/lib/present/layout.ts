/**
 * How many task rows a category slide holds, from the slide's geometry rather than by guess: every size
 * on a slide is in units of 1/1920 of its width (SlideView.svelte's --u), so one slide fits the same rows
 * at 1366×768, 1920×1080 and on A4. CategoryBody.svelte draws its rows with these same numbers.
 */

/** A slide in units: 1920 × 1080. */
export const SLIDE = { width: 1920, height: 1080 } as const;

/**
 * The slide's frame around its body and heading (SlideView.svelte): padding 56 above and 36 below, an
 * eyebrow line (30 × 1.35 + 8), two gaps of 28 and the footer (28 × 1.35 + 12 + 2).
 */
export const FRAME = { top: 56, bottom: 36, eyebrow: 48.5, gaps: 56, footer: 52 } as const;

/** The heading: 60 units bold, lines 1.2 high, at most two, across the slide less its side padding of 96. */
export const HEADING = { size: 60, lineHeight: 1.2, width: SLIDE.width - 2 * 96, maxLines: 2 } as const;

/**
 * A category slide's list (CategoryBody.svelte): the tally above it (two lines at most), each row one
 * line, and room below for the line that counts what no slide lists.
 */
export const CATEGORY_LIST = { tally: 2 * 32 * 1.35 + 8, gap: 12, row: 56, rowGap: 6, more: 48 } as const;

/**
 * Lines a heading takes, estimated on the safe side: a Chinese character (or full-width mark) is one em
 * wide, anything else counted at 0.65 em (wider than the average Latin letter), and a line is taken as
 * full at 90 % of its width. A heading estimated at one line that wraps would push the list off the slide.
 */
export function headingLines(title: string): number {
	let ems = 0;
	for (const char of title) ems += /[\u2E80-\uFFEF]/.test(char) ? 1 : 0.65;
	const lines = Math.ceil((ems * HEADING.size) / (HEADING.width * 0.9));
	return Math.min(HEADING.maxLines, Math.max(1, lines));
}

/** The body's height in units under a heading of `lines` lines: what the frame leaves of the slide. */
export function bodyHeight(lines: number = HEADING.maxLines, frame: Record<string, number> = FRAME): number {
	const heading = lines * HEADING.size * HEADING.lineHeight;
	return SLIDE.height - heading - Object.values(frame).reduce((a, b) => a + b, 0);
}

/** Rows of `row` units with `rowGap` between them that fit in `height` units; never fewer than one. */
export function rowsThatFit(height: number, row: number, rowGap: number): number {
	return Math.max(1, Math.floor((height + rowGap) / (row + rowGap)));
}

/** Task rows on a category slide whose body is `height` units high. */
export function categoryRows(
	height = bodyHeight(),
	list: Record<keyof typeof CATEGORY_LIST, number> = CATEGORY_LIST
): number {
	return rowsThatFit(height - list.tally - list.gap - list.more, list.row, list.rowGap);
}

/**
 * The KPI slide's body (KpiBody.svelte): the tiles and the status mix side by side, 62 : 38, 40 units apart; the
 * tiles three across, 24 apart, each with 24 of padding and a border of 2 at either side.
 */
export const KPI_BODY = { tiles: 62, chart: 38, gap: 40, tileGap: 24, tilePadding: 24, tileBorder: 2 } as const;

/** The widths in units of the KPI body's two columns: the slide less its side padding (as a heading's) and the gap. */
function kpiColumns(): { tiles: number; chart: number } {
	const share = (HEADING.width - KPI_BODY.gap) / (KPI_BODY.tiles + KPI_BODY.chart);
	return { tiles: share * KPI_BODY.tiles, chart: share * KPI_BODY.chart };
}

/** The width in units a KPI tile leaves its text. */
export function kpiTextWidth(): number {
	return (kpiColumns().tiles - 2 * KPI_BODY.tileGap) / 3 - 2 * (KPI_BODY.tilePadding + KPI_BODY.tileBorder);
}

/**
 * The legend under the KPI slide's ring (KpiBody.svelte): each status with its swatch and count, one to a line,
 * six lines kept whatever the count so the ring's box is known in advance. Type 28 units (the least a slide
 * sets), lines 1.25 high, 4 between them, 16 above. One column: an English status with a six-digit count is
 * wider than half the column.
 */
export const KPI_LEGEND = { size: 28, lineHeight: 1.25, rows: 6, rowGap: 4, gap: 16 } as const;

/** The legend's height in units, the gap above it included. */
export function kpiLegendHeight(): number {
	const { gap, rows, size, lineHeight, rowGap } = KPI_LEGEND;
	return gap + rows * size * lineHeight + (rows - 1) * rowGap;
}

/**
 * The KPI slide's ring in units, under a heading of `lines` lines: the column beside the tiles less the legend
 * under it. The server draws the ring at this size (the deck's first chart comes drawn in the page), which its
 * box has at any window size, scaled.
 */
export function kpiChartBox(lines: number): { width: number; height: number } {
	return { width: kpiColumns().chart, height: bodyHeight(lines) - kpiLegendHeight() };
}
