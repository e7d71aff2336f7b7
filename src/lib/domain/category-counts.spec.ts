import { describe, expect, it } from 'vitest';
import { packCategoryCounts, unpackCategoryCounts } from './category-counts';
import type { CategoryStatusCount } from '../types/overview';
import { STATUSES, STATUS_SOURCES } from './status';

const row = (category: string | null, position: number, status: CategoryStatusCount['status'], taskCount: number) =>
	({ category, position, status, statusSource: 'reported', taskCount }) as const;

describe('the counts by category as the overview page carries them', () => {
	// Report order: two units' first categories share position 1; tasks without a category last.
	const rows: CategoryStatusCount[] = [
		row('产业发展', 1, 'behind', 2),
		row('产业发展', 1, 'completed', 5),
		{ ...row('产业发展', 1, 'completed', 1), statusSource: 'inferred' },
		row('民生保障', 1, 'on_track', 3),
		row('城市建设', 2, 'not_started', 1),
		row(null, 9, 'unknown', 4)
	];

	it('names each category once, its cells in order', () => {
		const packed = packCategoryCounts(rows);
		expect(packed.map((p) => p.category)).toEqual(['产业发展', '民生保障', '城市建设', null]);
		// behind is the fourth status, completed the first; reported the first source, inferred the second.
		expect(packed[0].cells).toEqual([3 * 3 + 0, 2, 0 * 3 + 0, 5, 0 * 3 + 1, 1]);
	});

	it('gives back the very rows it packed', () => {
		expect(unpackCategoryCounts(packCategoryCounts(rows))).toEqual(rows);
		// Every status with every source.
		const every = STATUSES.flatMap((status, i) =>
			STATUS_SOURCES.map((statusSource, j) => ({ ...row('甲', 1, status, i * 10 + j), statusSource }))
		);
		expect(unpackCategoryCounts(packCategoryCounts(every))).toEqual(every);
		expect(unpackCategoryCounts(packCategoryCounts([]))).toEqual([]);
	});
});
