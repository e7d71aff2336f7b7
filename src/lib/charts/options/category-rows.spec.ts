import { describe, expect, it } from 'vitest';
import { OTHER_CATEGORIES_KEY } from '$lib/domain/category-ranking';
import { countOf, pivotStatusCounts } from './status-matrix';
import { cutAxisMax, withOtherRow } from './category-rows';

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

	it('cuts the axis a little past the largest category when 其他 is more than twice it', () => {
		const many = pivotStatusCounts(
			Array.from(
				{ length: 40 },
				(_, i) => ({ category: `类${i}`, status: 'completed', statusSource: 'reported', taskCount: 120 - i }) as const
			),
			(r) => r.category,
			(k) => k,
			Array.from({ length: 40 }, (_, i) => `类${i}`)
		);
		const out = withOtherRow(many, 15, () => '其他');
		// 120 × 1.15 = 138, rounded up to a multiple of 50.
		expect(cutAxisMax(out)).toBe(150);
		expect(out[15].total).toBeGreaterThan(150);
		expect(cutAxisMax(withOtherRow(many, 39, () => '其他'))).toBeUndefined();
		expect(cutAxisMax(many)).toBeUndefined();
	});

	it('adds no row when every category fits', () => {
		expect(withOtherRow(rows, 4, () => '其他')).toBe(rows);
	});
});
