/**
 * The overview's counts by category as its page carries them: each category's name once with its cells
 * (status × source × count), instead of once per cell: the city preset's whole-city overview counts 201
 * categories in 1 275 cells, and its HTML went from 372 KB to 246 KB.
 */
import type { Status, StatusSource } from './status';
import type { CategoryStatusCount } from '../types/overview';

export interface PackedCategoryCounts {
	category: string | null;
	position: number;
	cells: [status: Status, source: StatusSource, taskCount: number][];
}

/** Rows grouped by category, in the rows' order (report order: the order countTasksByCategoryStatus gives). */
export function packCategoryCounts(rows: readonly CategoryStatusCount[]): PackedCategoryCounts[] {
	const packed = new Map<string | null, PackedCategoryCounts>();
	for (const { category, position, status, statusSource, taskCount } of rows) {
		let entry = packed.get(category);
		if (!entry) packed.set(category, (entry = { category, position, cells: [] }));
		entry.cells.push([status, statusSource, taskCount]);
	}
	return [...packed.values()];
}

/** The rows again, as packCategoryCounts found them. */
export function unpackCategoryCounts(packed: readonly PackedCategoryCounts[]): CategoryStatusCount[] {
	return packed.flatMap(({ category, position, cells }) =>
		cells.map(([status, statusSource, taskCount]) => ({ category, position, status, statusSource, taskCount }))
	);
}
