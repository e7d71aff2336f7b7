import { describe, expect, it } from 'vitest';
import {
	CATEGORY_LIST,
	bodyHeight,
	categoryRows,
	headingLines,
	kpiChartBox,
	kpiTextWidth,
	rowsThatFit
} from './layout';

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

describe('headingLines', () => {
	it.each([
		['扩大有效投资', 1],
		// 25 characters at 60 units: 1500 of the 1555 a line is trusted with.
		['坚持共建共享，补齐民生短板，不断提高群众满意', 1],
		['坚持共建共享，补齐民生短板，不断提高群众满意率（续）', 2],
		['Business environment (cont.)', 1],
		['Improve the business environment for private firms and foreign investors alike', 2],
		['很长'.repeat(60), 2]
	])('%s: %i', (title, lines) => {
		expect(headingLines(title)).toBe(lines);
	});
});

describe('categoryRows', () => {
	it.each([1, 2])('fills the body under a heading of %i lines, and no more', (lines) => {
		const rows = categoryRows(bodyHeight(lines));
		const { tally, gap, more, row, rowGap } = CATEGORY_LIST;
		const used = tally + gap + more + rows * row + (rows - 1) * rowGap;
		expect(used).toBeLessThanOrEqual(bodyHeight(lines));
		expect(used + row + rowGap).toBeGreaterThan(bodyHeight(lines));
	});

	it('a one-line heading leaves room for more rows than a two-line one', () => {
		expect(categoryRows(bodyHeight(1))).toBeGreaterThan(categoryRows(bodyHeight(2)));
	});
});

describe('the KPI slide', () => {
	// Measured in Chromium at 1920 × 1080 on the city's deck: the status mix's box 641.4 × 759.7, a tile's text 281 wide.
	it('sizes the chart the server draws as the browser lays out its box', () => {
		const box = kpiChartBox(headingLines('总体情况'));
		expect(box.width).toBeCloseTo(641.4, 0);
		expect(Math.abs(box.height - 759.7)).toBeLessThan(1);
	});

	it('gives the tiles the text width the browser gives them', () => {
		expect(Math.abs(kpiTextWidth() - 281)).toBeLessThan(1);
	});
});
