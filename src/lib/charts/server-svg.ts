/**
 * A chart's first frame drawn on the server: ECharts' own SVG renderer, from the same option the
 * browser draws, so the chart is in the HTML and paints with the page instead of after the
 * scripts. Only EChart.svelte calls this, and only during server rendering: nothing here runs
 * at import time, so the client build drops the module and the SVG renderer with it.
 */
import { SVGRenderer } from 'echarts/renderers';
import { echarts, type ChartOption } from './echarts';
import type { Lang } from '$lib/i18n';

export interface ChartSize {
	width: number;
	height: number;
}

/**
 * The width a dashboard chart is drawn at when only its height is known: a chart's column in the
 * overview's grid at a 1920 px wide window (579 px; 574 at 1280, 617 at 1366, 451 at 1536). The browser's chart
 * then takes the box's real width; until then the SVG scales to fit the box.
 */
export const DEFAULT_WIDTH = 579;

let installed = false;

/** The option's first frame as an SVG document fragment; its text is escaped by ECharts. */
export function renderChartSvg(option: ChartOption, size: ChartSize, lang: Lang): string {
	if (!installed) {
		echarts.use([SVGRenderer]);
		installed = true;
	}
	const chart = echarts.init(null, null, {
		renderer: 'svg',
		ssr: true,
		width: size.width,
		height: size.height,
		locale: lang === 'zh' ? 'ZH' : 'EN'
	});
	try {
		// The last frame of the entrance, not its first: a server frame never animates. No aria:
		// it labels a DOM the server has not got (the box carries the label), and halves the time.
		chart.setOption({ ...option, animation: false, aria: { enabled: false } }, { notMerge: true });
		return chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
}

/** A CSS height in px ("320px") as a number; other units have no size the server could know. */
export function pixels(height: string): number | null {
	const match = /^(\d+(?:\.\d+)?)px$/.exec(height.trim());
	return match ? Number(match[1]) : null;
}
