/**
 * The one place ECharts is assembled: only the charts and components the app uses, so the
 * client bundle stays small (tree-shaken imports instead of the whole library). An option's
 * `aria.label.description` is read by the wrapper (EChart.svelte), which puts it on the chart's box itself:
 * ECharts' aria component would do only that here, for a few KB on every page.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type {
	AriaComponentOption,
	GridComponentOption,
	LegendComponentOption,
	TooltipComponentOption
} from 'echarts/components';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendPlainComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
	| BarSeriesOption
	| HeatmapSeriesOption
	| LineSeriesOption
	| PieSeriesOption
	| AriaComponentOption
	| GridComponentOption
	| LegendComponentOption
	| TooltipComponentOption
>;

export { echarts };

/**
 * Chart types most pages never draw, registered on first use: the heatmap (a scope's children × categories)
 * costs every page's bundle a few KB otherwise. Resolves once the option's series types can be drawn.
 */
export async function registerFor(option: ChartOption): Promise<void> {
	const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
	if (series.some((s) => s.type === 'heatmap')) echarts.use((await import('./echarts-heatmap')).HeatmapChart);
}

let tooltip: Promise<void> | undefined;
let tooltipLoaded = false;

/**
 * The tooltip shows on hover, never in a chart's first frame, so it is not in the first load (its chunk,
 * 7.6 KB gzip, was in every chart page's JS): EChart.svelte loads it once the page's first chart is drawn.
 * Until then an option is drawn without its tooltip (`drawable`), which ECharts would otherwise report as a
 * component not imported.
 */
export function loadTooltip(): Promise<void> {
	tooltip ??= import('./echarts-tooltip').then(({ TooltipComponent }) => {
		echarts.use(TooltipComponent);
		tooltipLoaded = true;
	});
	return tooltip;
}

/** `option` as ECharts can draw it now: without its tooltip until loadTooltip has registered it. */
export function drawable(option: ChartOption): ChartOption {
	if (tooltipLoaded || !option.tooltip) return option;
	const { tooltip: _, ...rest } = option;
	return rest;
}
