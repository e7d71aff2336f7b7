import { describe, expect, it } from 'vitest';
import { STATUSES, STATUS_SOURCES } from '$lib/domain/status';
import {
	countOf,
	percentAxisMax,
	pivotStatusCounts,
	rowLabelLines,
	statusBarsOption,
	statusMixOption,
	MIN_LABEL_ANGLE,
	trendOption
} from './status-matrix';

const counts = [
	{
		category: '坚持以人为本，补齐民生短板，不断提高群众满意率',
		status: 'completed',
		statusSource: 'reported',
		taskCount: 4
	},
	{
		category: '坚持以人为本，补齐民生短板，不断提高群众满意率',
		status: 'behind',
		statusSource: 'inferred',
		taskCount: 2
	},
	{ category: '其他', status: 'completed', statusSource: 'reported', taskCount: 90 },
	{ category: '其他', status: 'behind', statusSource: 'reported', taskCount: 30 }
] as const;
const rows = pivotStatusCounts(
	[...counts],
	(r) => r.category,
	(k) => k,
	[counts[0].category, '其他']
);

type Axis = { axisLabel: { formatter: (v: string) => string; width: number }; max?: number };
type Series = { data: (number | null | { value: number; label: { formatter: string } })[] };

describe('statusBarsOption', () => {
	it('wraps row labels between words to the label width it is given', () => {
		const option = statusBarsOption(rows, { lang: 'zh', title: 't', labelWidth: 100 }) as { yAxis: Axis };
		expect(option.yAxis.axisLabel.width).toBe(100);
		expect(option.yAxis.axisLabel.formatter(rows[0].label)).toBe(rowLabelLines(rows, 100)[0].join('\n'));
		// 100 px at 12 px: eight characters a line, broken after a clause or between words, no character alone.
		expect(rowLabelLines(rows, 100)[0]).toEqual(['坚持以人为本，', '补齐民生短板，', '不断提高群众', '满意率']);
		for (const line of rowLabelLines(rows, 100)[0]) expect([...line.replace(/，$/, '')].length).toBeLessThanOrEqual(8);
	});

	it('ends the count axis at valueMax and writes the total on a bar that passes it', () => {
		const option = statusBarsOption(rows, { lang: 'zh', title: 't', valueMax: 10 }) as {
			xAxis: Axis;
			series: Series[];
		};
		expect(option.xAxis.max).toBe(10);
		const labelled = option.series.flatMap((s) => s.data).filter((d) => typeof d === 'object' && d !== null);
		expect(labelled).toHaveLength(1);
		expect((labelled[0] as { label: { formatter: string } }).label.formatter).toBe('共 120 项（超出刻度）');
		const plain = statusBarsOption(rows, { lang: 'zh', title: 't' }) as { xAxis: Axis; series: Series[] };
		expect(plain.xAxis.max).toBeUndefined();
		expect(plain.series.flatMap((s) => s.data).every((d) => typeof d !== 'object' || d === null)).toBe(true);
	});
});

describe('statusMixOption', () => {
	it('on a page: the ring only, no legend or labels (the page lists the statuses under it)', () => {
		const option = statusMixOption(rows[1], { lang: 'en', title: 't' }) as {
			series: { label: { show: boolean }; data: { name: string; value: number }[] }[];
			legend?: unknown;
		};
		expect(option.series[0].label.show).toBe(false);
		expect(option.legend).toBeUndefined();
		expect(option.series[0].data.map((d) => [d.name, d.value])).toEqual([
			['Completed', 90],
			['Behind', 30]
		]);
	});

	it('alone (a slide, paper, an image): thin slices get no label of their own, the legend names them with their count', () => {
		const option = statusMixOption(rows[1], { lang: 'zh', title: 't', alone: true }) as {
			series: { minShowLabelAngle: number; label: { show?: boolean } }[];
			legend: { formatter: (name: string) => string };
		};
		expect(option.series[0].label.show).not.toBe(false);
		expect(option.series[0].minShowLabelAngle).toBe(MIN_LABEL_ANGLE);
		// A slice of 3 % spans about 11°: under the angle, so the legend carries it.
		expect(MIN_LABEL_ANGLE).toBeGreaterThan(0.03 * 360);
		expect(option.legend.formatter('欠进度')).toBe('欠进度 30');
	});
});

const trendRows = pivotStatusCounts(
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
			trendRows,
			{ expected: [0.25, 0.5], actual: [0.3, 1.095] },
			{ lang: 'zh', title: '各报告期' }
		);
		expect((option.yAxis as { max: number }).max).toBe(110);
	});

	it('keeps the statuses’ legend at the top and the lines’ legend under the axis, with room for both', () => {
		const option = trendOption(
			trendRows,
			{ expected: [0.25, 0.5], actual: [0.3, 0.4] },
			{ lang: 'en', title: 'Trend' }
		);
		const legends = option.legend as { top?: number; bottom?: number; data: string[] }[];
		expect(legends).toEqual([
			{ top: 0, data: ['Completed', 'On track', 'Behind'] },
			{ bottom: 0, data: ['Pro-rata schedule', 'Mean completion'] }
		]);
		expect(option.grid).toMatchObject({ top: 60, bottom: 32 });
	});

	it('gives a slide its single legend (a look lays it out as a column)', () => {
		const look = { scale: 1, dark: true, animation: false };
		const option = trendOption(
			trendRows,
			{ expected: [0.25, 0.5], actual: [0.3, 0.4] },
			{ lang: 'zh', title: 't', look }
		);
		expect(Array.isArray(option.legend)).toBe(false);
	});
});

describe('pivotStatusCounts', () => {
	it('sums each key × status × source in the order asked, from rows in any order, duplicates included', () => {
		let seed = 7;
		const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
		const keys = ['甲', '乙', '丙', '丁', '戊'];
		const flat = Array.from({ length: 400 }, () => ({
			key: keys[Math.floor(next() * keys.length)],
			status: STATUSES[Math.floor(next() * STATUSES.length)],
			statusSource: STATUS_SOURCES[Math.floor(next() * STATUS_SOURCES.length)],
			taskCount: Math.floor(next() * 9)
		}));
		// 戊 is left out of the order, 己 has no rows.
		const order = ['丁', '甲', '丙', '乙', '己'];
		const pivoted = pivotStatusCounts(
			flat,
			(r) => r.key,
			(key) => `label ${key}`,
			order
		);
		expect(pivoted.map((row) => [row.key, row.label])).toEqual(order.map((key) => [key, `label ${key}`]));
		for (const row of pivoted) {
			const mine = flat.filter((r) => r.key === row.key);
			expect(row.total).toBe(mine.reduce((n, r) => n + r.taskCount, 0));
			for (const status of STATUSES) {
				const ofStatus = mine.filter((r) => r.status === status);
				expect(countOf(row, status)).toBe(ofStatus.reduce((n, r) => n + r.taskCount, 0));
				for (const source of STATUS_SOURCES)
					expect(countOf(row, status, source)).toBe(
						ofStatus.filter((r) => r.statusSource === source).reduce((n, r) => n + r.taskCount, 0)
					);
			}
		}
		expect(pivoted.at(-1)).toMatchObject({ key: '己', total: 0 });
	});
});
