import { describe, expect, it } from 'vitest';
import { applyLook, inkColor, STAGE_TEXT, textWidth, type ChartLook } from './look';
import { pivotStatusCounts, statusBarsOption, statusMixOption, trendOption } from './status-matrix';
import { statusItemStyle } from './status-style';

// Options are deeply optional unions; the assertions read them as plain objects.
type Obj = Record<string, any>;

const rows = pivotStatusCounts(
	[
		{ key: '甲', status: 'completed' as const, statusSource: 'reported' as const, taskCount: 2 },
		{ key: '甲', status: 'behind' as const, statusSource: 'inferred' as const, taskCount: 1 },
		{ key: '乙', status: 'on_track' as const, statusSource: 'reported' as const, taskCount: 3 }
	],
	(r) => r.key,
	(k) => k,
	['甲', '乙']
);
const stage: ChartLook = { scale: 1, dark: true, animation: false };
const small: ChartLook = { scale: 0.5, dark: false, animation: false };

describe('applyLook', () => {
	const cases: [string, ChartLook, number][] = [
		['1080p', stage, STAGE_TEXT],
		['720p', { ...stage, scale: 2 / 3 }, 18.7],
		['2160p', { ...stage, scale: 2 }, STAGE_TEXT * 2]
	];
	it.each(cases)('sizes type for the stage at %s', (_name, look, fontSize) => {
		const option = statusBarsOption(rows, { lang: 'zh', title: 't', look }) as Obj;
		expect(option.textStyle.fontSize).toBe(fontSize);
		expect(option.legend.textStyle.fontSize).toBe(fontSize);
		expect(option.yAxis.axisLabel.fontSize).toBe(fontSize);
		// Category labels wrap at the same number of characters as on the dashboard.
		expect(option.yAxis.axisLabel.width).toBeCloseTo((260 * fontSize) / 12, 0);
	});

	it('turns animation off and colours text for a dark background', () => {
		const option = statusBarsOption(rows, { lang: 'zh', title: 't', look: stage }) as Obj;
		expect(option.animation).toBe(false);
		expect(option.backgroundColor).toBe('transparent');
		expect(option.textStyle.color).toBe('#f0f6fc');
		expect(option.xAxis.splitLine.lineStyle.color).toBe('#3d444d');
		expect((statusBarsOption(rows, { lang: 'zh', title: 't', look: small }) as Obj).textStyle.color).toBe('#1f2328');
	});

	it('leaves the dashboard’s option alone without a look', () => {
		const option = statusBarsOption(rows, { lang: 'zh', title: 't' }) as Obj;
		expect(option.animation).toBeUndefined();
		expect(option.textStyle).toBeUndefined();
		expect(option.series[0].barMaxWidth).toBe(36);
		expect(option.series.find((s: Obj) => s.id === 'behind|inferred').itemStyle).toMatchObject({
			opacity: 0.5,
			borderWidth: 1
		});
	});

	it('scales bars, lines and pie labels', () => {
		const bars = statusBarsOption(rows, { lang: 'zh', title: 't', look: stage }) as Obj;
		expect(bars.series[0].barMaxWidth).toBe(84);
		const pie = statusMixOption(rows[0], { lang: 'zh', title: 't', look: small }) as Obj;
		expect(pie.series[0].label).toMatchObject({ position: 'inside', formatter: '{c}', fontSize: 18.2 });
		expect(pie.series[0].labelLine.show).toBe(false);
		const trend = trendOption(
			rows,
			{ expected: [0.25, 0.5], actual: [0.2, 0.4] },
			{ lang: 'zh', title: 't', look: stage }
		) as Obj;
		const schedule = trend.series.find((s: Obj) => s.id === 'schedule');
		expect(schedule.lineStyle).toMatchObject({ width: 4.7, color: inkColor(stage), type: 'dashed' });
	});

	it('puts the legend of a cartesian chart in a column on the right, as wide as its longest name', () => {
		const option = trendOption(
			rows,
			{ expected: [0.25, 0.5], actual: [0.2, 0.4] },
			{ lang: 'zh', title: 't', look: stage }
		) as Obj;
		expect(option.legend).toMatchObject({ orient: 'vertical', right: 0, top: 'middle' });
		// 平均完成率: five characters at 28 px, plus the legend mark.
		expect(option.grid.right).toBeGreaterThanOrEqual(5 * 28 + 58);
		const pie = statusMixOption(rows[0], { lang: 'zh', title: 't', look: stage }) as Obj;
		expect(pie.legend.orient).toBeUndefined();
	});

	it('estimates label widths: Chinese square, Latin narrower', () => {
		expect(textWidth('序时进度', 10)).toBe(40);
		expect(textWidth('On track', 10)).toBeCloseTo(48);
	});

	it('does not touch what it does not know', () => {
		const option = applyLook({ series: [{ type: 'bar', data: [1] }] }, stage) as Obj;
		expect(option.xAxis).toBeUndefined();
		expect(option.legend).toBeUndefined();
		expect(option.series[0].data).toEqual([1]);
	});
});

describe('trendOption', () => {
	it('draws 序时进度 without a mean-completion line where no period has one', () => {
		const option = trendOption(
			rows,
			{ expected: [0.25, 0.5], actual: [null, null] },
			{ lang: 'zh', title: 't' }
		) as Obj;
		expect(option.series.map((s: Obj) => s.id).filter((id: string) => !id.includes('|'))).toEqual(['schedule']);
	});
	it('draws the schedule line in the ink of the background', () => {
		const light = trendOption(rows, { expected: [0.5, 0.5], actual: [0.4, null] }, { lang: 'zh', title: 't' }) as Obj;
		expect(light.series.find((s: Obj) => s.id === 'schedule').lineStyle.color).toBe('#24292f');
		expect(light.series.some((s: Obj) => s.id === 'progress')).toBe(true);
	});
});

describe('statusItemStyle with a look', () => {
	it('keeps inferred legible on a dark background and grows decals with the stage', () => {
		expect(statusItemStyle('behind', 'inferred', stage)).toMatchObject({ opacity: 0.8, borderWidth: 2 });
		expect(statusItemStyle('behind', 'inferred', small)).toMatchObject({ opacity: 0.65, borderWidth: 1 });
		expect(statusItemStyle('behind', 'reported', { ...stage, scale: 2 }).decal).toMatchObject({ dashArrayY: [8, 20] });
		expect(statusItemStyle('completed', 'reported', stage).decal).toEqual({ symbol: 'none' });
	});
});
