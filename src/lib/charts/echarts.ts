/**
 * The one place ECharts is assembled: only the charts and components the app uses, so the
 * client bundle stays small (tree-shaken imports instead of the whole library). An option's
 * `aria.label.description` is read by the wrapper (EChart.svelte), which puts it on the chart's box itself:
 * ECharts' aria component would do only that here, for a few KB on every page.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, TooltipComponent } from 'echarts/components';
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

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendPlainComponent, TooltipComponent, CanvasRenderer]);

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
