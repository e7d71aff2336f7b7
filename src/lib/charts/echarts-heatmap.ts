/** The heatmap chart type alone, so pages that draw none do not load it (see registerFor in echarts.ts). */
export { HeatmapChart } from 'echarts/charts';
