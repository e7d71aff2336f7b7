/**
 * A chart as a PNG file with its title and scope above it, drawn from ECharts' own image export
 * (`getDataURL`, what the toolbox's saveAsImage does), on white as a document expects. The title is
 * drawn on a canvas above the chart rather than set as an ECharts title option: that would need
 * TitleComponent on `/` (over its JS budget) and room made in every chart's grid.
 */
import { CHART_FONT } from './options/look';

/** The chart instance's part this module uses. */
interface ImageSource {
	getDataURL(options: { type: 'png'; pixelRatio: number; backgroundColor: string }): string;
}

/** A file name without the characters file systems refuse (the browser shortens a long one). */
export function imageFileName(title: string, scope: string): string {
	return `${title}-${scope}.png`.replace(/[\\/:*?"<>|]/g, '_');
}

/** Saves the chart as `<title>-<scope>.png` at twice its size on screen, so it stays sharp in a document. */
export async function saveChartImage(chart: ImageSource, title: string, scope: string) {
	const image = new Image();
	image.src = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
	await image.decode();
	const canvas = document.createElement('canvas');
	canvas.width = image.width;
	canvas.height = image.height + 112;
	const ctx = canvas.getContext('2d')!;
	ctx.fillStyle = '#fff';
	ctx.fillRect(0, 0, canvas.width, canvas.height);
	ctx.fillStyle = '#1f2328';
	ctx.font = `bold 32px ${CHART_FONT}`;
	ctx.fillText(title, 32, 48);
	ctx.font = `24px ${CHART_FONT}`;
	ctx.fillText(scope, 32, 88);
	ctx.drawImage(image, 0, 112);
	const link = document.createElement('a');
	link.href = canvas.toDataURL('image/png');
	link.download = imageFileName(title, scope);
	link.click();
}
