/**
 * The order categories are shown in, on the overview and on the slides alike: most tasks first. A scope
 * over many organizations holds hundreds of categories; the chart draws the largest and one 其他 bar for
 * the rest, so its bars add up to the tiles' total.
 */

/** Bars the category chart draws before the rest become one 其他 bar (and slides the deck shows). */
export const CATEGORY_CHART_LIMIT = 15;

/** The 其他 bar's key: no category has it (category keys are trimmed text). */
export const OTHER_CATEGORIES_KEY = '\u0000other';

interface CategoryCount {
	category: string | null;
	position: number;
	taskCount: number;
}

/** Category keys ('' for none) by task count, largest first; ties in report order, then by key. */
export function rankCategories(rows: CategoryCount[]): string[] {
	const totals = new Map<string, { total: number; position: number }>();
	for (const r of rows) {
		const key = r.category ?? '';
		const seen = totals.get(key) ?? { total: 0, position: r.position };
		totals.set(key, { total: seen.total + r.taskCount, position: Math.min(seen.position, r.position) });
	}
	return [...totals]
		.sort(([a, x], [b, y]) => y.total - x.total || x.position - y.position || (a < b ? -1 : a > b ? 1 : 0))
		.map(([key]) => key);
}
