import { parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { STATUS_COLOR, STATUS_LABEL } from '$lib/domain/status';
import type { ChartOption } from './echarts';
import { pivotStatusCounts, statusBarsOption, statusMixOption, trendOption } from './options/status-matrix';
import type { ChartLook } from './options/look';
import { pixels, renderChartSvg } from './server-svg';

type Node = { nodeName: string; value?: string; childNodes?: Node[]; attrs?: { name: string; value: string }[] };

/** The SVG as a browser parses it inside HTML: every element's name and the text of every <text>. */
function parsed(svg: string) {
	const elements: Node[] = [];
	const texts: string[] = [];
	const walk = (node: Node) => {
		if (node.nodeName !== '#text' && node.nodeName !== '#document-fragment') elements.push(node);
		if (node.nodeName === 'text') texts.push((node.childNodes ?? []).map((c) => c.value ?? '').join(''));
		node.childNodes?.forEach(walk);
	};
	walk(parseFragment(svg) as unknown as Node);
	const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;
	return { root: elements[0], elements, texts, attr };
}

const HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'];
const rows = pivotStatusCounts(
	[
		{ key: HOSTILE[0], status: 'completed' as const, statusSource: 'reported' as const, taskCount: 2 },
		{ key: HOSTILE[0], status: 'behind' as const, statusSource: 'inferred' as const, taskCount: 1 },
		{ key: HOSTILE[1], status: 'on_track' as const, statusSource: 'reported' as const, taskCount: 3 }
	],
	(r) => r.key,
	(k) => k,
	HOSTILE
);
const progress = { expected: [0.25, 0.5], actual: [0.2, null] };
const stage: ChartLook = { scale: 1, dark: true, animation: false };

const kinds: [string, ChartOption, string[]][] = [
	['status bars', statusBarsOption(rows, { lang: 'zh', title: 't' }), HOSTILE],
	[
		'status mix',
		statusMixOption(rows[0], { lang: 'zh', title: 't' }),
		[`${STATUS_LABEL.zh.completed}2`, `${STATUS_LABEL.zh.behind}1`]
	],
	['trend', trendOption(rows, progress, { lang: 'zh', title: 't' }), [...HOSTILE, '序时进度']],
	['status bars on a dark slide', statusBarsOption(rows, { lang: 'zh', title: 't', look: stage }), HOSTILE]
];

describe('renderChartSvg', () => {
	it.each(kinds)('draws %s as one SVG of the size asked, with its text as text', (_kind, option, words) => {
		const svg = renderChartSvg(option, { width: 640, height: 360 }, 'zh');
		const { root, elements, texts, attr } = parsed(svg);
		expect(root.nodeName).toBe('svg');
		expect(elements.filter((e) => e.nodeName === 'svg')).toHaveLength(1);
		expect([attr(root, 'width'), attr(root, 'height'), attr(root, 'viewBox')]).toEqual(['640', '360', '0 0 640 360']);
		// Labels may wrap onto lines of their own; the words are all there, whole or in pieces.
		const all = texts.join('\n');
		for (const word of words) expect(all.replace(/\n/g, '')).toContain(word.replace(/\n/g, ''));
		// Bars and slices are filled with the statuses' colours.
		expect(svg).toContain(`fill="${STATUS_COLOR.completed}"`);
	});

	it('escapes names from reports: no element but SVG’s own, nothing that runs', () => {
		const svg = renderChartSvg(kinds[0][1], { width: 640, height: 360 }, 'zh');
		const { elements, attr } = parsed(svg);
		const names = new Set(elements.map((e) => e.nodeName));
		expect(
			[...names].filter(
				(n) => !['svg', 'rect', 'path', 'text', 'tspan', 'g', 'defs', 'pattern', 'style', 'clipPath'].includes(n)
			)
		).toEqual([]);
		expect(elements.flatMap((e) => (e.attrs ?? []).map((a) => a.name)).filter((n) => n.startsWith('on'))).toEqual([]);
		expect(svg).not.toMatch(/<script|<img/i);
		expect(svg).toContain('&lt;script&gt;');
		expect(attr(elements[0], 'xmlns')).toBe('http://www.w3.org/2000/svg');
	});

	it('draws the slide look: dark text, no entrance', () => {
		const svg = renderChartSvg(kinds[3][1], { width: 1728, height: 710 }, 'zh');
		expect(svg).toContain('fill="#f0f6fc"');
		expect(svg).toMatch(/font-size:28px/);
		// A server frame is the last frame of the entrance: bars have their full length.
		expect(svg).not.toContain('animation');
	});

	it('names the statuses in English for English pages', () => {
		const svg = renderChartSvg(statusMixOption(rows[0], { lang: 'en', title: 't' }), { width: 400, height: 300 }, 'en');
		expect(parsed(svg).texts.join(' ')).toContain('Completed');
	});
});

describe('pixels', () => {
	it.each([
		['320px', 320],
		[' 444.5px ', 444.5],
		['100%', null],
		['20rem', null],
		['', null]
	])('reads %j as %s', (height, expected) => {
		expect(pixels(height)).toBe(expected);
	});
});
