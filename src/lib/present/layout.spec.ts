import { describe, expect, it } from 'vitest';
import {
	CATEGORY_LIST,
	KPI_LEGEND,
	bodyHeight,
	categoryRows,
	headingLines,
	kpiChartBox,
	kpiLegendHeight,
	kpiTextWidth,
	rowsThatFit
} from './layout';
import { STATUS_LABEL } from '../domain/status';
import { textWidth } from '../charts/options/look';

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
	// Measured in Chromium at 1920 × 1080 on the city's deck: the status mix's column 641.4 × 759.7, a tile's text 281 wide.
	it('sizes the ring the server draws as the browser lays out its box: the column less the legend under it', () => {
		const box = kpiChartBox(headingLines('总体情况'));
		expect(box.width).toBeCloseTo(641.4, 0);
		expect(Math.abs(box.height + kpiLegendHeight() - 759.7)).toBeLessThan(1);
		// Six lines of 28-unit type and the gaps: the ring keeps two thirds of the column.
		expect(kpiLegendHeight()).toBeCloseTo(16 + 6 * 28 * 1.25 + 5 * 4, 5);
		expect(box.height).toBeGreaterThan((2 / 3) * (box.height + kpiLegendHeight()));
	});

	it('fits the widest legend entry in its column: an English status with a six-digit count', () => {
		const widest = Math.max(
			...Object.values(STATUS_LABEL.en).map((label) => textWidth(`${label} 123456`, KPI_LEGEND.size))
		);
		// The swatch (1 em) and its margin (0.3 em) before the words; the legend is as wide as the ring's column.
		expect(widest + 1.3 * KPI_LEGEND.size).toBeLessThanOrEqual(kpiChartBox(1).width);
	});

	it('gives the tiles the text width the browser gives them', () => {
		expect(Math.abs(kpiTextWidth() - 281)).toBeLessThan(1);
	});
});
