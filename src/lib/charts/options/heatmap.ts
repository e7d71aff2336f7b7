/**
 * Children × categories (or themes) coloured by the share of tasks behind: one grid model that the chart
 * and its table both read, so they show the same numbers, and the ECharts option built from it.
 */
import type { ChartOption } from '../echarts';
import { STATUS_COLOR } from '../../domain/status';
import { fill, messages, type Lang } from '../../i18n';
import { OTHER_KEY, type HeatmapData, type OrganizationRef } from '../../types/comparison';
import { escapeHtml } from './status-style';

export interface HeatmapCellView {
	row: number;
	column: number;
	tasks: number;
	behind: number;
	/** behind ÷ tasks, 0–1. */
	share: number;
}

export interface HeatmapGrid {
	/** The compared organizations, in the ranking's order. */
	rows: OrganizationRef[];
	/** The largest keys, then the bucket of the rest; only real keys can be listed by a filter. */
	columns: { key: string; label: string; drillable: boolean }[];
	cells: HeatmapCellView[];
	/** The largest share in the grid (the colour scale's top is at least 10%). */
	maxShare: number;
}

/** The grid of a heatmap's data for these rows, labelled in `lang`. */
export function heatmapGrid(data: HeatmapData, rows: OrganizationRef[], lang: Lang): HeatmapGrid {
	const t = messages[lang];
	const columns = data.keys.map((k) => ({
		key: k.key,
		label: lang === 'en' ? (k.labelEn ?? k.label) : k.label,
		drillable: true
	}));
	if (data.otherCount > 0)
		columns.push({ key: OTHER_KEY, label: fill(t.heatmapOther, { n: data.otherCount }), drillable: false });
	const rowOf = new Map(rows.map((r, i) => [r.id, i]));
	const columnOf = new Map(columns.map((c, i) => [c.key, i]));
	const cells = data.cells.flatMap((c) => {
		const row = rowOf.get(c.childId);
		const column = columnOf.get(c.key);
		if (row === undefined || column === undefined) return [];
		return [{ row, column, tasks: c.tasks, behind: c.behind, share: c.behind / c.tasks }];
	});
	return { rows, columns, cells, maxShare: Math.max(0, ...cells.map((c) => c.share)) };
}

/** The cell a chart click landed on (the series' data are the grid's cells, in order). */
export function cellAt(grid: HeatmapGrid, click: { dataIndex: number }): HeatmapCellView | null {
	return grid.cells[click.dataIndex] ?? null;
}

/** The share the colour scale tops out at: the grid's largest, rounded up to 10%, at least 10%. */
export function scaleTop(grid: Pick<HeatmapGrid, 'maxShare'>): number {
	return Math.max(0.1, Math.ceil(grid.maxShare * 10) / 10);
}

/** No task behind: a pale grey, apart from the white of a cell without tasks. */
const LOW = [0xe6, 0xea, 0xef];
/** The colour of 欠进度 (#rrggbb) as its three channels. */
const HIGH = [1, 3, 5].map((i) => parseInt(STATUS_COLOR.behind.slice(i, i + 2), 16));

/**
 * A share's colour from pale grey (none behind) to the status colour of 欠进度 at `top`. Coloured here,
 * not by ECharts' visualMap component, which would cost the page's script budget ~10 KB; the page draws
 * the scale's legend itself.
 */
export function shareColor(share: number, top: number): string {
	const f = Math.min(1, Math.max(0, share / top));
	return `rgb(${LOW.map((low, i) => Math.round(low + (HIGH[i] - low) * f)).join(', ')})`;
}

export const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** Columns stand for the children (short names), rows for the keys (long names get the left margin). */
export function heatmapOption(grid: HeatmapGrid, options: { lang: Lang; title: string }): ChartOption {
	const t = messages[options.lang];
	const top = scaleTop(grid);
	const many = grid.rows.length > 12;
	return {
		aria: { label: { description: options.title } },
		animation: false,
		grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
		tooltip: {
			formatter: (p: unknown) => {
				const cell = grid.cells[(p as { dataIndex: number }).dataIndex];
				if (!cell) return '';
				const name = `${escapeHtml(grid.rows[cell.row].name)} · ${escapeHtml(grid.columns[cell.column].label)}`;
				return `${name}<br>${fill(t.heatmapCell, { behind: cell.behind, tasks: cell.tasks })} (${percent(cell.share)})`;
			}
		},
		xAxis: {
			type: 'category',
			data: grid.rows.map((r) => r.name),
			// Every unit named where there is room; on a phone only some fit, and the table names them all.
			axisLabel: { interval: 'auto', rotate: many ? 45 : 0, hideOverlap: true },
			splitArea: { show: false }
		},
		yAxis: {
			type: 'category',
			data: grid.columns.map((c) => c.label),
			inverse: true,
			axisLabel: { width: 150, overflow: 'truncate' },
			splitArea: { show: false }
		},
		series: [
			{
				type: 'heatmap',
				name: t.heatmapShare,
				data: grid.cells.map((c) => ({
					value: [c.row, c.column, c.share],
					itemStyle: { color: shareColor(c.share, top), borderColor: '#ffffff', borderWidth: 1 }
				})),
				label: { show: !many, formatter: (p: unknown) => percent((p as { value: number[] }).value[2]), fontSize: 10 },
				emphasis: { itemStyle: { borderColor: '#1f2328', borderWidth: 1 } }
			}
		]
	};
}
