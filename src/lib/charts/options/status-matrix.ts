/**
 * Status counts pivoted into chart rows (one per category, theme or period), and the option
 * builders that draw them as stacked bars. Each bar segment is one status × status source, so
 * a click maps to exactly the rows a table would list for it.
 */
import { sum } from 'd3-array';
import { STATUSES, STATUS_LABEL, STATUS_SOURCES, type Status, type StatusSource } from '$lib/domain/status';
import { fill, messages, type Lang } from '$lib/i18n';
import type { ChartOption } from '../echarts';
import { escapeHtml, statusItemStyle } from './status-style';
import { applyLook, inkColor, progressColor, type ChartLook } from './look';
import { wrapLabel } from './wrap-label';

/** How long a dashboard chart takes to draw itself in, in ms. */
const ENTRANCE_MS = 300;

export interface StatusCount {
	status: Status;
	statusSource: StatusSource;
	taskCount: number;
}

export interface MatrixRow {
	/** What a drill-down filters on: a category or theme name, or a period id. */
	key: string;
	label: string;
	/** count[status][source] */
	counts: Map<Status, Map<StatusSource, number>>;
	total: number;
}

/**
 * Pivots flat counts into rows, in the order of `rowOrder` (keys); counts are summed per cell. One pass with
 * plain maps: d3's nested `rollup` (a group, then a map, per level) took 2.5 ms for a whole city's 1 300
 * category cells against 0.1–0.2 ms, on the server for every overview and again in the browser as it hydrates.
 */
export function pivotStatusCounts<T extends StatusCount>(
	rows: T[],
	keyOf: (row: T) => string,
	labelOf: (key: string) => string,
	rowOrder: string[]
): MatrixRow[] {
	const byKey = new Map<string, Pick<MatrixRow, 'counts' | 'total'>>();
	for (const row of rows) {
		const key = keyOf(row);
		let cells = byKey.get(key);
		if (!cells) byKey.set(key, (cells = { counts: new Map(), total: 0 }));
		let bySource = cells.counts.get(row.status);
		if (!bySource) cells.counts.set(row.status, (bySource = new Map()));
		bySource.set(row.statusSource, (bySource.get(row.statusSource) ?? 0) + row.taskCount);
		cells.total += row.taskCount;
	}
	return rowOrder.map((key) => {
		const cells = byKey.get(key);
		return { key, label: labelOf(key), counts: cells?.counts ?? new Map(), total: cells?.total ?? 0 };
	});
}

export function countOf(row: MatrixRow, status: Status, source?: StatusSource): number {
	const bySource = row.counts.get(status);
	if (!bySource) return 0;
	return source ? (bySource.get(source) ?? 0) : sum(bySource.values());
}

/** The segment a click on a stacked bar stands for. */
export interface Segment {
	key: string;
	status: Status;
	source: StatusSource;
}

export function segmentAt(rows: MatrixRow[], click: { seriesId?: string; dataIndex: number }): Segment | null {
	const [status, source] = (click.seriesId ?? '').split('|');
	const row = rows[click.dataIndex];
	if (!row || !STATUSES.includes(status as Status) || !STATUS_SOURCES.includes(source as StatusSource)) return null;
	return { key: row.key, status: status as Status, source: source as StatusSource };
}

function sourceSuffix(lang: Lang, source: StatusSource): string {
	return source === 'reported' ? '' : `（${messages[lang][source]}）`;
}

/** One sentence per row for screen readers: "坚持…: 已完成 2, 达进度 1". */
export function describeRows(rows: MatrixRow[], lang: Lang, title: string): string {
	const parts = rows.map((row) => {
		const cells = STATUSES.filter((s) => countOf(row, s) > 0).map((s) => `${STATUS_LABEL[lang][s]} ${countOf(row, s)}`);
		return `${row.label}: ${cells.join(', ') || '0'}`;
	});
	return `${title}. ${parts.join('; ')}.`;
}

/**
 * Stacked bars of task counts per row. Horizontal bars keep long category names readable;
 * `share` draws each row as percentages of its total (for comparing periods of different size).
 */
export function statusBarsOption(rows: MatrixRow[], options: BarsOptions): ChartOption {
	const option = statusBars(rows, options);
	return options.look ? applyLook(option, options.look) : option;
}

interface BarsOptions {
	lang: Lang;
	title: string;
	horizontal?: boolean;
	share?: boolean;
	look?: ChartLook;
	/** Width of a horizontal chart's row labels in px (narrower on a phone); 260 by default. */
	labelWidth?: number;
	/**
	 * The count axis ends here: a longer bar (the 其他 bar of hundreds of categories) is cut at the edge and
	 * writes its total, instead of shrinking every other bar to a sliver.
	 */
	valueMax?: number;
	/** A phone's width: the legend takes two rows, so the bars start lower. */
	narrow?: boolean;
}

/** Default width of a horizontal chart's row labels, px. */
export const LABEL_WIDTH = 260;

/** A horizontal chart's row labels as drawn: wrapped between words to the label width. */
export function rowLabelLines(rows: MatrixRow[], labelWidth = LABEL_WIDTH): string[][] {
	return rows.map((row) => wrapLabel(row.label, labelWidth).split('\n'));
}

type BarDatum = number | null | { value: number; label: object };

/** One stacked series per status × source that has a count, each bar segment a count (or a share). */
function statusSeries(rows: MatrixRow[], lang: Lang, share: boolean, look: ChartLook | undefined) {
	return STATUSES.flatMap((status) =>
		STATUS_SOURCES.filter((source) => rows.some((row) => countOf(row, status, source) > 0)).map((source) => ({
			id: `${status}|${source}`,
			// Series of one status share a name, so the legend shows and toggles a status once.
			name: STATUS_LABEL[lang][status],
			type: 'bar' as const,
			stack: 'tasks',
			barMaxWidth: 36,
			itemStyle: statusItemStyle(status, source, look),
			emphasis: { focus: 'series' as const },
			data: rows.map((row): BarDatum => {
				const count = countOf(row, status, source);
				if (count === 0) return null;
				return share ? Math.round((count / row.total) * 1000) / 10 : count;
			})
		}))
	);
}

/** A bar longer than the axis writes its total on its first segment, at the axis start where it shows. */
function markCutBars(series: { data: BarDatum[] }[], rows: MatrixRow[], valueMax: number, lang: Lang) {
	rows.forEach((row, i) => {
		if (row.total <= valueMax) return;
		const first = series.find((s) => s.data[i] !== null);
		if (!first) return;
		first.data[i] = {
			value: first.data[i] as number,
			label: {
				show: true,
				position: 'insideLeft',
				formatter: fill(messages[lang].barBeyondAxis, { total: row.total }),
				color: '#1f2328',
				backgroundColor: 'rgba(255,255,255,0.9)',
				padding: [2, 4],
				borderRadius: 2
			}
		};
	});
}

/** The bars before a look restyles type and strokes (trendOption adds its lines first). */
function statusBars(rows: MatrixRow[], options: BarsOptions): ChartOption {
	const { lang, horizontal = true, share = false, look, labelWidth = LABEL_WIDTH, valueMax, narrow } = options;
	const labels = rows.map((r) => r.label);
	const series = statusSeries(rows, lang, share, look);
	if (valueMax !== undefined) markCutBars(series, rows, valueMax, lang);
	const categoryAxis = {
		type: 'category' as const,
		data: labels,
		inverse: horizontal,
		// Horizontal labels wrap between words (wrap-label.ts); ECharts' own break would orphan characters.
		axisLabel: horizontal
			? {
					width: labelWidth,
					// Room between a wrapped label's lines (12 px type).
					lineHeight: 16,
					overflow: 'truncate' as const,
					interval: 0,
					formatter: (value: string) => wrapLabel(value, labelWidth)
				}
			: { width: 90, overflow: 'break' as const, interval: 0 }
	};
	const valueAxis = {
		type: 'value' as const,
		minInterval: 1,
		max: share ? 100 : valueMax,
		axisLabel: { formatter: share ? '{value}%' : '{value}' }
	};
	return {
		// A short entrance: ECharts' default second-long animation delayed the first finished chart.
		animationDuration: ENTRANCE_MS,
		aria: { label: { description: describeRows(rows, lang, options.title) } },
		legend: { top: 0 },
		grid: { left: 8, right: 16, top: narrow ? 60 : 36, bottom: 8, containLabel: true },
		tooltip: {
			trigger: 'item',
			formatter: (params: unknown) => {
				const p = params as { seriesId: string; seriesName: string; dataIndex: number; value: number };
				const [status, source] = p.seriesId.split('|') as [Status, StatusSource];
				if (!STATUSES.includes(status))
					return `${escapeHtml(labels[p.dataIndex] ?? '')}<br/>${escapeHtml(p.seriesName)}: ${p.value}%`;
				const row = rows[p.dataIndex];
				const count = countOf(row, status, source);
				return `${escapeHtml(row.label)}<br/>${STATUS_LABEL[lang][status]}${sourceSuffix(lang, source)}: ${count} / ${row.total}`;
			}
		},
		xAxis: horizontal ? valueAxis : categoryAxis,
		yAxis: horizontal ? categoryAxis : valueAxis,
		series
	};
}

/** Degrees below which a donut slice gets no label of its own. */
export const MIN_LABEL_ANGLE = 12;

/**
 * A donut of the status mix; slices sum every source. `alone` (the default with a `look`: a slide, paper, a
 * saved image): the drawing names the statuses itself, a legend with each count and a label beside each slice
 * wide enough for one. Otherwise the ring only: the page lists the statuses beside it (StatusMixChart's
 * legend, whose entries are links), and ECharts draws half as much — the legend and the labels were half
 * of what the server spent drawing the overview's donut.
 */
export function statusMixOption(
	row: MatrixRow,
	options: { lang: Lang; title: string; look?: ChartLook; alone?: boolean }
): ChartOption {
	const { lang, look, alone = look !== undefined } = options;
	const data = STATUSES.filter((s) => countOf(row, s) > 0).map((status) => ({
		name: STATUS_LABEL[lang][status],
		value: countOf(row, status),
		id: status,
		itemStyle: statusItemStyle(status, 'reported', look)
	}));
	const option: ChartOption = {
		animationDuration: ENTRANCE_MS,
		aria: { label: { description: describeRows([row], lang, options.title) } },
		// A thin slice's label is left out rather than drawn over its neighbour's: the legend names it.
		...(alone && {
			legend: { bottom: 0, formatter: (name: string) => `${name} ${data.find((d) => d.name === name)?.value ?? 0}` }
		}),
		tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
		series: [
			{
				type: 'pie',
				radius: alone ? ['45%', '72%'] : ['52%', '86%'],
				center: ['50%', alone ? '45%' : '50%'],
				avoidLabelOverlap: true,
				// Slices under this angle (about 3 %) crowd their neighbours' labels: the legend names them.
				minShowLabelAngle: MIN_LABEL_ANGLE,
				label: alone ? { formatter: '{b}\n{c}' } : { show: false },
				data
			}
		]
	};
	return look ? applyLook(option, look) : option;
}

/** The status a donut slice stands for. */
export function sliceStatus(click: { dataIndex: number }, row: MatrixRow): Status | null {
	return STATUSES.filter((s) => countOf(row, s) > 0)[click.dataIndex] ?? null;
}

/**
 * Status shares per period as stacked bars, with 序时进度 (expected share of the year) and the
 * mean completion of tasks with numeric targets as lines on the same percent axis (the latter
 * only where some period has a value).
 */
export function trendOption(
	rows: MatrixRow[],
	progress: { expected: number[]; actual: (number | null)[] } | null,
	options: { lang: Lang; title: string; look?: ChartLook }
): ChartOption {
	const t = messages[options.lang];
	const { look } = options;
	// The look is applied once, after the lines are added, so their widths scale with the bars'.
	const bars = statusBars(rows, { ...options, horizontal: false, share: true });
	const lines = progress
		? [
				{
					id: 'schedule',
					name: t.scheduleLine,
					type: 'line' as const,
					data: progress.expected.map((v) => Math.round(v * 1000) / 10),
					lineStyle: { type: 'dashed' as const, width: 2, color: inkColor(look) },
					itemStyle: { color: inkColor(look) },
					symbol: 'diamond',
					z: 5
				},
				{
					id: 'progress',
					name: t.progressLine,
					type: 'line' as const,
					data: progress.actual.map((v) => (v === null ? null : Math.round(v * 1000) / 10)),
					lineStyle: { width: 3, color: progressColor(look) },
					itemStyle: { color: progressColor(look) },
					connectNulls: true,
					z: 6
				}
			].filter((line) => line.id === 'schedule' || line.data.some((v) => v !== null))
		: [];
	const option = {
		...bars,
		yAxis: { ...(bars.yAxis as object), max: percentAxisMax(lines.flatMap((line) => line.data)) },
		series: [...(bars.series as object[]), ...lines]
	} as ChartOption;
	return look ? applyLook(option, look) : withLegendsApart(option, bars, lines);
}

/**
 * The top of the trend's percent axis: 100, or the highest line value rounded up to a ten, since mean
 * completion above 100% is normal (109.5%) and must not vanish off the top.
 */
export function percentAxisMax(values: (number | null)[]): number {
	const highest = Math.max(100, ...values.filter((v): v is number => v !== null));
	return Math.ceil(highest / 10) * 10;
}

/**
 * On the dashboard the statuses' legend keeps the top (room for two rows, which six English names need in
 * a half-width panel) and the lines' legend sits under the axis, so no legend row covers an axis label.
 * Slides (a look) lay their one legend out as a column instead (look.ts).
 */
function withLegendsApart(option: ChartOption, bars: ChartOption, lines: { name: string }[]): ChartOption {
	if (lines.length === 0) return option;
	const statusNames = [...new Set((bars.series as { name: string }[]).map((s) => s.name))];
	return {
		...option,
		legend: [
			{ top: 0, data: statusNames },
			{ bottom: 0, data: lines.map((line) => line.name) }
		],
		grid: { ...(option.grid as object), top: 60, bottom: 32 }
	} as ChartOption;
}
