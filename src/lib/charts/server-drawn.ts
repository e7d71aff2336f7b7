/**
 * Which charts of a page come drawn in its HTML (ECharts' SVG, made on the server) so the first screen
 * shows them at the first paint, before the script has run. Only the first few: each costs the server
 * a few milliseconds, and a chart further down is drawn by the browser before anyone scrolls to it.
 */
import { getContext, setContext } from 'svelte';

const TURNS = Symbol('charts drawn on the server');

/** The page's first `count` charts, in document order, are drawn on the server. Call while the page is created. */
export function drawFirstChartsOnServer(count: number): void {
	setContext(TURNS, { left: count });
}

/**
 * Whether the chart being created is one of them, asked once by each chart as it is created. Charts are
 * created in document order on the server and again while the browser hydrates the page, so both sides
 * agree on which charts have SVG in the HTML.
 */
export function takeServerTurn(): boolean {
	const turns = getContext<{ left: number } | undefined>(TURNS);
	if (!turns || turns.left <= 0) return false;
	turns.left--;
	return true;
}

/**
 * `value` kept under `key` as the most recently used entry of `map`; past `limit` entries the least recently used
 * are taken out and returned (what the map held them for may need letting go).
 */
function keepRecent<T>(map: Map<string, T>, key: string, value: T, limit: number): T[] {
	map.delete(key);
	map.set(key, value);
	const dropped: T[] = [];
	for (const [oldest, old] of map) {
		if (map.size <= limit) break;
		map.delete(oldest);
		dropped.push(old);
	}
	return dropped;
}

/**
 * Recently drawn SVGs by what they draw, the least recently used dropped first (the overview's donut: ~17 KB, its
 * key a few KB more: ≈ 6 MB for 256). One server over 3 500 distinct city URLs of the benchmark's mix found 2.3%
 * of its drawings here when it kept 32, 11.9% with 256, 15.5% with 1 024.
 */
const recent = new Map<string, string>();
export const RECENT_LIMIT = 256;

/**
 * The SVG `draw` makes of a chart, kept by the chart's content: pages under other filters (status, language
 * of another part, a task's page and back) often draw the same first chart, which costs the server ≈ 5 ms (the overview's donut).
 * The key is the option itself, data and labels included, so new data is a new key (no data version needed).
 */
export function drawnBefore(content: unknown, draw: () => string): string {
	const key = JSON.stringify(content, (_, value) => (typeof value === 'function' ? String(value) : value));
	const svg = recent.get(key) ?? draw();
	keepRecent(recent, key, svg, RECENT_LIMIT);
	return svg;
}

/** A chart instance that draws SVG strings: what `drawOnServer` keeps of ECharts between draws. */
interface SvgPainter {
	setOption(option: object, options: { notMerge: boolean }): void;
	renderToSVGString(): string;
	getZr(): { animation: { stop(): void } };
	dispose(): void;
}

/**
 * One painter per size and locale (a page's donut, a slide's chart, the handout's two sizes), kept for the next
 * chart of that size; past `PAINTER_LIMIT` sizes the least recently used is disposed of.
 */
const painters = new Map<string, SvgPainter>();
const PAINTER_LIMIT = 8;

/**
 * The SVG of `option`, drawn by the painter kept for `key` (made by `make` the first time): a new ECharts instance
 * for each chart cost the server a third of drawing the overview's donut. `notMerge` replaces the last chart's
 * whole model, so nothing of one page's chart stays in the next. Drawing is synchronous: no two draws interleave.
 * Each draw ends by stopping the instance's frame loop (setOption draws at once; renderToSVGString reads what
 * it drew): a kept instance would otherwise wake the server sixty times a second for nothing.
 */
export function drawOnServer(key: string, option: object, make: () => SvgPainter): string {
	const painter = painters.get(key) ?? make();
	for (const dropped of keepRecent(painters, key, painter, PAINTER_LIMIT)) dropped.dispose();
	try {
		painter.setOption(option, { notMerge: true });
		return painter.renderToSVGString();
	} finally {
		painter.getZr().animation.stop();
	}
}
