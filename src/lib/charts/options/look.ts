/**
 * How a chart looks somewhere other than the dashboard: on a presentation slide (type sized for
 * the back of a meeting room, a dark projector theme, no animation so a slide change is
 * instant) or on a printed handout. The builders take an optional `look`; without one their
 * option is exactly the dashboard's.
 */
import type { ChartOption } from '../echarts';

export interface ChartLook {
	/**
	 * Rendered width of the 16:9 stage over 1920: slide type and strokes are designed for a
	 * 1920×1080 slide and scaled, so the chart reads the same at 1280×720 and at 3840×2160.
	 */
	scale: number;
	dark: boolean;
	/** Off on the stage (the next slide must be there at once) and in print (canvases print as painted). */
	animation: boolean;
}

/** Chart type on a 1080p slide, in px: the stage's body text size. */
export const STAGE_TEXT = 28;
/** ECharts' own default, which the dashboard's options were sized against. */
const DEFAULT_TEXT = 12;

/** The app's font stack (src/app.css): Chinese must render with the CJK font installed, never a web font. */
export const CHART_FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif";

const PALETTE = {
	light: { text: '#1f2328', axis: '#8c959f', split: '#d1d9e0', ink: '#24292f', progress: '#8250df' },
	dark: { text: '#f0f6fc', axis: '#9198a1', split: '#3d444d', ink: '#f0f6fc', progress: '#bc8cff' }
};

/** The colour of reference lines (序时进度): near-black on light, near-white on dark. */
export function inkColor(look?: ChartLook): string {
	return PALETTE[look?.dark ? 'dark' : 'light'].ink;
}

/** The colour of the mean-completion line. */
export function progressColor(look?: ChartLook): string {
	return PALETTE[look?.dark ? 'dark' : 'light'].progress;
}

// Options are deeply optional unions; the adjustments below only read and copy plain objects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- ECharts' option types are too deep to narrow here
type Obj = Record<string, any>;

/** Rough rendered width of a label: Chinese characters are square, Latin about 0.6 of the size. */
export function textWidth(text: string, fontSize: number): number {
	let em = 0;
	for (const ch of text) em += ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.6;
	return em * fontSize;
}

/** The dashboard's option restyled for a look: type, strokes and spacing scaled, colours for the background. */
export function applyLook(option: ChartOption, look: ChartLook): ChartOption {
	const o = option as Obj;
	const colors = PALETTE[look.dark ? 'dark' : 'light'];
	const fontSize = Math.round(STAGE_TEXT * look.scale * 10) / 10;
	/** How much bigger than on the dashboard. */
	const grow = fontSize / DEFAULT_TEXT;
	const scaled = (value: unknown) => (typeof value === 'number' ? Math.round(value * grow * 10) / 10 : value);

	const axis = (a: Obj): Obj => ({
		...a,
		axisLabel: {
			...a.axisLabel,
			fontSize,
			color: colors.text,
			...(typeof a.axisLabel?.width === 'number' ? { width: scaled(a.axisLabel.width) } : {}),
			...(typeof a.axisLabel?.lineHeight === 'number' ? { lineHeight: scaled(a.axisLabel.lineHeight) } : {})
		},
		axisLine: {
			...a.axisLine,
			lineStyle: { ...a.axisLine?.lineStyle, color: colors.axis, width: Math.max(1, 2 * look.scale) }
		},
		axisTick: { ...a.axisTick, lineStyle: { ...a.axisTick?.lineStyle, color: colors.axis } },
		splitLine: {
			...a.splitLine,
			lineStyle: { ...a.splitLine?.lineStyle, color: colors.split, width: Math.max(1, 2 * look.scale) }
		}
	});
	const axes = (a: unknown) => (a === undefined ? undefined : Array.isArray(a) ? a.map(axis) : axis(a as Obj));

	const series = ((Array.isArray(o.series) ? o.series : o.series ? [o.series] : []) as Obj[]).map((s) => {
		if (s.type === 'bar') return { ...s, barMaxWidth: scaled(s.barMaxWidth ?? 36) };
		if (s.type === 'line') {
			return { ...s, symbolSize: scaled(6), lineStyle: { ...s.lineStyle, width: scaled(s.lineStyle?.width ?? 2) } };
		}
		if (s.type === 'pie') {
			// Names outside a donut need room a slide's half does not have at this size (ECharts cuts
			// them to "无…"): the legend names the slices, the count sits in the ring, outlined to read on any colour.
			return {
				...s,
				label: {
					...s.label,
					position: 'inside',
					formatter: '{c}',
					fontSize: Math.round(fontSize * 1.3 * 10) / 10,
					fontWeight: 'bold',
					color: '#ffffff',
					textBorderColor: 'rgba(0, 0, 0, 0.8)',
					textBorderWidth: Math.max(2, 4 * look.scale)
				},
				labelLine: { ...s.labelLine, show: false }
			};
		}
		return s;
	});

	const grid = o.grid as Obj | undefined;
	const legend = o.legend as Obj | undefined;
	// At slide type sizes a row of legend items wraps, and ECharts does not move the plot for a
	// wrapped legend. Beside a cartesian plot the legend becomes a column on the right, with the
	// grid's right margin made as wide as its longest name.
	const cartesian = o.xAxis !== undefined && legend !== undefined && grid !== undefined;
	const names = [...new Set(series.map((s) => s.name).filter((name): name is string => typeof name === 'string'))];
	const legendWidth =
		Math.max(0, ...names.map((name) => textWidth(name, fontSize))) + (scaled(25) as number) + (scaled(5) as number);
	return {
		...o,
		backgroundColor: 'transparent',
		animation: look.animation,
		textStyle: { ...o.textStyle, fontSize, color: colors.text, fontFamily: CHART_FONT },
		...(legend && {
			legend: {
				...legend,
				...(cartesian && { orient: 'vertical', top: 'middle', right: 0, bottom: undefined, left: undefined }),
				textStyle: { ...legend.textStyle, fontSize, color: colors.text },
				itemWidth: scaled(25),
				itemHeight: scaled(14),
				itemGap: scaled(10)
			}
		}),
		...(grid && {
			grid: cartesian
				? {
						...grid,
						left: scaled(grid.left),
						right: Math.round(legendWidth + fontSize),
						top: Math.round(fontSize * 0.75),
						bottom: scaled(grid.bottom)
					}
				: {
						...grid,
						left: scaled(grid.left),
						right: scaled(grid.right),
						top: scaled(grid.top),
						bottom: scaled(grid.bottom)
					}
		}),
		...(o.tooltip && { tooltip: { ...o.tooltip, textStyle: { ...o.tooltip.textStyle, fontSize } } }),
		...(o.xAxis && { xAxis: axes(o.xAxis) }),
		...(o.yAxis && { yAxis: axes(o.yAxis) }),
		series
	} as ChartOption;
}
