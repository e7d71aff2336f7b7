/**
 * The SVG renderer, registered on the server only (hooks.server.ts; the printed handout imports it too), where
 * the handout's charts and the pages' first charts are drawn as SVG: imported from there and not from echarts.ts,
 * so `/` does not carry it within its JS budget.
 */
import { SVGRenderer } from 'echarts/renderers';
import { echarts } from './echarts';
import { HeatmapChart } from './echarts-heatmap';

// Drawn at once on the server: the heatmap, which the browser loads on demand, is registered here too.
echarts.use([SVGRenderer, HeatmapChart]);
