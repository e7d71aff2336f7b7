/** The tooltip component alone, registered after a page's first chart is drawn (see loadTooltip in echarts.ts). */
export { TooltipComponent } from 'echarts/components';
