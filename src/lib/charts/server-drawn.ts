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
