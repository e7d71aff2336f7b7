/**
 * The one place ECharts is assembled: only the charts and components the app uses, so the
 * client bundle stays small (tree-shaken imports instead of the whole library).
 */
import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendPlainComponent, TooltipComponent } from 'echarts/components';
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

echarts.use([
	BarChart,
	HeatmapChart,
	LineChart,
	PieChart,
	AriaComponent,
	GridComponent,
	LegendPlainComponent,
	TooltipComponent,
	CanvasRenderer
]);

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
