import { describe, expect, it } from 'vitest';
import { cellAt, heatmapGrid, heatmapOption, scaleTop, shareColor } from './heatmap';
import { OTHER_KEY, type HeatmapData } from '../../types/comparison';

const data: HeatmapData = {
	keys: [
		{ key: '民生', label: '民生', labelEn: 'Livelihood' },
		{ key: '交通', label: '交通', labelEn: null }
	],
	otherCount: 3,
	cells: [
		{ childId: 7, key: '交通', tasks: 4, behind: 1 },
		{ childId: 9, key: '民生', tasks: 2, behind: 2 },
		{ childId: 7, key: OTHER_KEY, tasks: 5, behind: 0 },
		// A unit not in the rows is left out.
		{ childId: 8, key: '民生', tasks: 1, behind: 1 }
	]
};
const rows = [
	{ id: 9, name: '乙区' },
	{ id: 7, name: '甲区' }
];

describe('heatmapGrid', () => {
	it('places each cell at its unit and column, the bucket last and not drillable, labels in the language', () => {
		const grid = heatmapGrid(data, rows, 'en');
		expect(grid.columns).toEqual([
			{ key: '民生', label: 'Livelihood', drillable: true },
			{ key: '交通', label: '交通', drillable: true },
			{ key: OTHER_KEY, label: '3 others', drillable: false }
		]);
		expect(grid.cells).toEqual([
			{ row: 1, column: 1, tasks: 4, behind: 1, share: 0.25 },
			{ row: 0, column: 0, tasks: 2, behind: 2, share: 1 },
			{ row: 1, column: 2, tasks: 5, behind: 0, share: 0 }
		]);
		expect(grid.maxShare).toBe(1);
		expect(heatmapGrid(data, rows, 'zh').columns[2].label).toBe('其他 3 个');
	});

	it('hands a click on the n-th data item back as the n-th cell', () => {
		const grid = heatmapGrid(data, rows, 'zh');
		const option = heatmapOption(grid, { lang: 'zh', title: 't' });
		const series = (option.series as { data: { value: number[] }[] }[])[0];
		expect(series.data.map((d) => d.value)).toEqual(grid.cells.map((c) => [c.row, c.column, c.share]));
		expect(cellAt(grid, { dataIndex: 1 })).toBe(grid.cells[1]);
		expect(cellAt(grid, { dataIndex: 9 })).toBeNull();
	});
});

describe('the colour scale', () => {
	it.each([
		[0, 0.1],
		[0.04, 0.1],
		[0.31, 0.4],
		[1, 1]
	])('tops out at %s → %s', (maxShare, top) => expect(scaleTop({ maxShare })).toBe(top));

	it('runs from pale grey to the colour of 欠进度, clamped', () => {
		expect(shareColor(0, 0.5)).toBe('rgb(230, 234, 239)');
		expect(shareColor(0.5, 0.5)).toBe('rgb(209, 36, 47)');
		expect(shareColor(0.9, 0.5)).toBe('rgb(209, 36, 47)');
	});
});
