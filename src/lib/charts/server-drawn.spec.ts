import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
// The server registers ECharts' SVG renderer (hooks.server.ts); so does this test.
import './echarts-svg';
import TwoCharts from './fixtures/TwoCharts.svelte';
import { drawnBefore } from './server-drawn';
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
		for (let i = 0; i < 40; i++) draw({ other: i });
		expect(draw({ data: [1, 2] })).not.toBe('svg 1');
	});
});
