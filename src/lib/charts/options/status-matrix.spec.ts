import { describe, expect, it } from 'vitest';
import { percentAxisMax, pivotStatusCounts, trendOption } from './status-matrix';

const rows = pivotStatusCounts(
	[
		{ key: 'q1', status: 'on_track', statusSource: 'reported', taskCount: 3 },
		{ key: 'q2', status: 'behind', statusSource: 'inferred', taskCount: 1 },
		{ key: 'q2', status: 'completed', statusSource: 'reported', taskCount: 2 }
	] as const,
	(r) => r.key,
	(key) => key,
	['q1', 'q2']
);

describe('percentAxisMax', () => {
	it.each([
		[[25, 50], 100],
		[[25, 109.5], 110],
		[[null, 120], 120],
		[[223], 230],
		[[], 100]
	] as const)('%o → %s', (values, max) => {
		expect(percentAxisMax([...values])).toBe(max);
	});
});

describe('trendOption', () => {
	it('stretches the percent axis to the highest mean completion, so 109.5% stays on the chart', () => {
		const option = trendOption(
			rows,
			{ expected: [0.25, 0.5], actual: [0.3, 1.095] },
			{ lang: 'zh', title: '各报告期' }
		);
		expect((option.yAxis as { max: number }).max).toBe(110);
	});

	it('keeps the statuses’ legend at the top and the lines’ legend under the axis, with room for both', () => {
		const option = trendOption(rows, { expected: [0.25, 0.5], actual: [0.3, 0.4] }, { lang: 'en', title: 'Trend' });
		const legends = option.legend as { top?: number; bottom?: number; data: string[] }[];
		expect(legends).toEqual([
			{ top: 0, data: ['Completed', 'On track', 'Behind'] },
			{ bottom: 0, data: ['Pro-rata schedule', 'Mean completion'] }
		]);
		expect(option.grid).toMatchObject({ top: 60, bottom: 32 });
	});

	it('gives a slide its single legend (a look lays it out as a column)', () => {
		const look = { scale: 1, dark: true, animation: false };
		const option = trendOption(rows, { expected: [0.25, 0.5], actual: [0.3, 0.4] }, { lang: 'zh', title: 't', look });
		expect(Array.isArray(option.legend)).toBe(false);
	});
});
