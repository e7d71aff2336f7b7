import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
// The server registers ECharts' SVG renderer (hooks.server.ts); so does this test.
import './echarts-svg';
import TwoCharts from './fixtures/TwoCharts.svelte';
import { RECENT_LIMIT, drawnBefore, drawOnServer } from './server-drawn';
import { echarts } from './echarts';
import { pivotStatusCounts } from './options/status-matrix';

const rows = pivotStatusCounts(
	[
		{
			category: '<script>alert(1)</script>',
			status: 'behind' as const,
			statusSource: 'reported' as const,
			taskCount: 3
		},
		{ category: '数字经济', status: 'completed' as const, statusSource: 'reported' as const, taskCount: 5 }
	],
	(r) => r.category,
	(key) => key,
	['<script>alert(1)</script>', '数字经济']
);

/** The server HTML of each chart's section. */
function sections(drawn?: number, firstHeight?: string): { first: string; second: string } {
	const { body } = render(TwoCharts, { props: { rows, drawn, firstHeight } });
	const [, first, second] = body.split(/<section id="(?:first|second)">/);
	return { first, second };
}

describe('charts drawn on the server', () => {
	it("puts ECharts' SVG of the page's first charts in the HTML, over the chart's box, and no more", () => {
		const { first, second } = sections(1);
		expect(first).toMatch(/<div class="server-drawn[^"]*" aria-hidden="true">(<!--\w*-->)?<svg /);
		expect(first).toContain('数字经济');
		expect(second).not.toContain('<svg');
		expect(second).not.toContain('server-drawn');
		expect(sections(2).second).toContain('<svg');
	});

	it('passes over a chart sized by a share of its box, whose size the server cannot know', () => {
		const { first, second } = sections(1, '100%');
		expect(first).not.toContain('<svg');
		expect(second).toContain('<svg');
	});

	it('draws none where the page asks for none', () => {
		const { first, second } = sections();
		expect(first + second).not.toContain('<svg');
	});

	it("writes a category's name as text, escaped by ECharts", () => {
		const { first } = sections(1);
		expect(first).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(first).not.toContain('<script');
	});

	it('leaves the chart to be marked drawn by the browser', () => {
		expect(sections(1).first).not.toContain('data-rendered');
	});
});

describe('drawnBefore', () => {
	it('draws a chart once for the same content, again for other data, and forgets the least recently used', () => {
		let draws = 0;
		const draw = (content: unknown) => drawnBefore(content, () => `svg ${++draws}`);
		expect(draw({ data: [1, 2] })).toBe('svg 1');
		expect(draw({ data: [1, 2] })).toBe('svg 1');
		expect(draw({ data: [1, 3] })).toBe('svg 2');
		// Kept while fewer than the limit came after it; forgotten once the limit's worth has.
		for (let i = 0; i < RECENT_LIMIT - 2; i++) draw({ other: i });
		expect(draw({ data: [1, 2] })).toBe('svg 1');
		for (let i = 0; i < RECENT_LIMIT; i++) draw({ more: i });
		expect(draw({ data: [1, 2] })).not.toBe('svg 1');
	});
});

describe('drawOnServer', () => {
	const make = () => echarts.init(null, null, { renderer: 'svg', ssr: true, width: 300, height: 200 });
	const bars = (names: string[], extra: object = {}) => ({
		animation: false,
		xAxis: { type: 'category', data: names },
		yAxis: { type: 'value' },
		series: [{ type: 'bar', data: names.map((_, i) => i + 1) }],
		...extra
	});
	/** The SVG without the instance's element ids and class names, which differ between instances and nothing else. */
	const shape = (svg: string) => svg.replace(/zr\d+-cls-\d+/g, 'cls').replace(/zr\d+-/g, 'zr-');

	it('draws with one kept instance what a new instance draws, and nothing of the chart before', () => {
		const first = bars(['甲', '乙'], {
			legend: { data: ['上一张'] },
			series: [{ type: 'bar', name: '上一张', data: [5, 6] }]
		});
		const second = bars(['丙', '丁', '戊']);
		drawOnServer('300x200:test', first, make);
		const reused = drawOnServer('300x200:test', second, make);
		expect(reused).toContain('戊');
		expect(reused).not.toContain('上一张');
		expect(reused).not.toContain('甲');
		const fresh = make();
		fresh.setOption(second);
		expect(shape(reused)).toBe(shape(fresh.renderToSVGString()));
		fresh.dispose();
	});

	it('keeps a few sizes: the least recently used one is disposed of past the limit', () => {
		const made: { key: string; disposed: boolean }[] = [];
		const sized = (key: string) => () => {
			const chart = make();
			const entry = { key, disposed: false };
			made.push(entry);
			const dispose = chart.dispose.bind(chart);
			chart.dispose = () => ((entry.disposed = true), dispose());
			return chart;
		};
		for (let i = 0; i < 12; i++) drawOnServer(`size-${i}`, bars(['甲']), sized(`size-${i}`));
		drawOnServer('size-11', bars(['乙']), sized('size-11 again'));
		expect(made.map((m) => m.key)).toHaveLength(12);
		expect(made.filter((m) => m.disposed).length).toBeGreaterThanOrEqual(4);
		expect(made.slice(-4).every((m) => !m.disposed)).toBe(true);
	});

	it('leaves no frame loop running between draws (a server process must be free to exit)', () => {
		let painter: ReturnType<typeof make> | undefined;
		drawOnServer('300x200:loop', bars(['甲']), () => (painter = make()));
		const animation = painter!.getZr().animation as unknown as { _running: boolean };
		expect(animation._running).toBe(false);
	});
});
