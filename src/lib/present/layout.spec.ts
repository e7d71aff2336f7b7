import { describe, expect, it } from 'vitest';
import { CATEGORY_LIST, FRAME, bodyHeight, categoryRows, rowsThatFit } from './layout';

describe('rowsThatFit', () => {
	it.each([
		// height, row, gap, rows
		[100, 50, 0, 2],
		[99, 50, 0, 1],
		[110, 50, 10, 2],
		[109, 50, 10, 1],
		[170, 50, 10, 3],
		[10, 50, 10, 1]
	])('%i units of rows %i apart by %i: %i', (height, row, gap, rows) => {
		expect(rowsThatFit(height, row, gap)).toBe(rows);
	});
});

describe('categoryRows', () => {
	it('fills the body the frame leaves, and no more', () => {
		const rows = categoryRows();
		const used =
			CATEGORY_LIST.tally +
			CATEGORY_LIST.gap +
			CATEGORY_LIST.more +
			rows * CATEGORY_LIST.row +
			(rows - 1) * CATEGORY_LIST.rowGap;
		expect(used).toBeLessThanOrEqual(bodyHeight());
		expect(used + CATEGORY_LIST.row + CATEGORY_LIST.rowGap).toBeGreaterThan(bodyHeight());
	});

	it('a taller heading leaves fewer rows', () => {
		expect(categoryRows(CATEGORY_LIST, bodyHeight({ ...FRAME, heading: FRAME.heading + 200 }))).toBeLessThan(
			categoryRows()
		);
	});
});
