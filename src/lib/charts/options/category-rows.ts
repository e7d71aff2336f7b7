/**
 * The category chart's rows: the largest categories, then one 其他 row with the counts of the rest, so the
 * bars add up to every task in scope. The table beside the chart lists every category instead.
 */
import { OTHER_CATEGORIES_KEY } from '$lib/domain/category-ranking';
import type { Status, StatusSource } from '$lib/domain/status';
import type { MatrixRow } from './status-matrix';

/** `rows` (already in display order) cut to `limit`, the rest summed into a row labelled `otherLabel(n)`. */
export function withOtherRow(rows: MatrixRow[], limit: number, otherLabel: (n: number) => string): MatrixRow[] {
	if (rows.length <= limit) return rows;
	const rest = rows.slice(limit);
	const counts = new Map<Status, Map<StatusSource, number>>();
	for (const row of rest) {
		for (const [status, bySource] of row.counts) {
			const into = counts.get(status) ?? new Map<StatusSource, number>();
			for (const [source, n] of bySource) into.set(source, (into.get(source) ?? 0) + n);
			counts.set(status, into);
		}
	}
	const total = rest.reduce((n, row) => n + row.total, 0);
	return [...rows.slice(0, limit), { key: OTHER_CATEGORIES_KEY, label: otherLabel(rest.length), counts, total }];
}

/**
 * Where the count axis ends when the 其他 bar (hundreds of categories) is more than twice the largest
 * category: a little past the largest, rounded, so the named categories stay readable and the 其他 bar is
 * cut and writes its total. Undefined when every bar fits a shared axis.
 */
export function cutAxisMax(rows: MatrixRow[]): number | undefined {
	const other = rows.find((row) => row.key === OTHER_CATEGORIES_KEY);
	const largest = Math.max(0, ...rows.filter((row) => row !== other).map((row) => row.total));
	if (!other || largest === 0 || other.total <= 2 * largest) return undefined;
	const target = largest * 1.15;
	const step = 10 ** Math.floor(Math.log10(target)) / 2;
	return Math.ceil(target / step) * step;
}
