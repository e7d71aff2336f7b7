/**
 * The order themes are shown in, on the overview's chart and on the theme slide alike: most tasks
 * first, so the reader meets the themes that carry the plan before the small ones; ties by name (code
 * point order, as the server sorts names, so the page and its hydration agree in every locale).
 */

interface ThemeCount {
	theme: string;
	taskCount: number;
}

/** Theme names by task count (summed over statuses and sources), largest first; ties by name. */
export function rankThemes(rows: ThemeCount[]): string[] {
	const totals = new Map<string, number>();
	for (const r of rows) totals.set(r.theme, (totals.get(r.theme) ?? 0) + r.taskCount);
	return [...totals].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).map(([theme]) => theme);
}
