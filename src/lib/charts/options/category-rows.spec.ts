import { describe, expect, it } from 'vitest';
import { OTHER_CATEGORIES_KEY } from '$lib/domain/category-ranking';
import { countOf, pivotStatusCounts } from './status-matrix';
import { withOtherRow } from './category-rows';

const counts = [
	{ category: '甲', status: 'completed', statusSource: 'reported', taskCount: 5 },
	{ category: '乙', status: 'behind', statusSource: 'reported', taskCount: 3 },
	{ category: '丙', status: 'behind', statusSource: 'inferred', taskCount: 2 },
	{ category: '丙', status: 'completed', statusSource: 'reported', taskCount: 1 },
	{ category: '丁', status: 'behind', statusSource: 'reported', taskCount: 1 }
] as const;
const rows = pivotStatusCounts(
	[...counts],
	(r) => r.category,
	(k) => k,
	['甲', '乙', '丙', '丁']
);

describe('withOtherRow', () => {
	it('keeps the first rows and sums the rest per status and source, so the total is every task', () => {
		const out = withOtherRow(rows, 2, (n) => `其他（${n} 类）`);
		expect(out.map((r) => r.label)).toEqual(['甲', '乙', '其他（2 类）']);
		const other = out[2];
		expect(other.key).toBe(OTHER_CATEGORIES_KEY);
		expect(other.total).toBe(4);
		expect(countOf(other, 'behind', 'inferred')).toBe(2);
		expect(countOf(other, 'behind', 'reported')).toBe(1);
		expect(countOf(other, 'completed')).toBe(1);
		expect(out.reduce((n, r) => n + r.total, 0)).toBe(rows.reduce((n, r) => n + r.total, 0));
	});

	it('adds no row when every category fits', () => {
		expect(withOtherRow(rows, 4, () => '其他')).toBe(rows);
	});
});
