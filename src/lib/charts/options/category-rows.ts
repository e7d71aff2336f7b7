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
