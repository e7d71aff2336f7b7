import { describe, expect, it } from 'vitest';
import {
	elapsedFraction,
	findOpeningPeriod,
	findPeriodIn,
	formatPeriod,
	periodBefore,
	periodEndMonth,
	periodName,
	periodShortName
} from './period';

describe('findPeriodIn', () => {
	it.each([
		['杭州市萧山区人民政府新街街道办事处2024年《政府工作报告》第二季度重点任务执行情况', 2, null, '第二季度'],
		['二季度完成情况', 2, null, '二季度'],
		['2023年度省政府民生实事涉我区工作任务一季度进展情况', 1, null, '一季度'],
		['第一季度目标', 1, null, '第一季度'],
		['三季度', 3, null, '三季度'],
		['第4季度', 4, null, '第4季度'],
		['前三季度', 3, null, '前三季度'],
		['【区级】杭州市萧山区人民政府2020年《政府工作报告》上半年度重点任务执行情况', 2, null, '上半年'],
		['2021年市政府重点工作半年度进展情况表', 2, null, '半年度'],
		['下半年', 4, null, '下半年'],
		['1-11月推进情况', null, [1, 11], '1-11月'],
		['1—11月', null, [1, 11], '1—11月'],
		['一至十一月', null, [1, 11], '一至十一月'],
		['2024年1-6月', 2, [1, 6], '1-6月'],
		['11月工作', null, [1, 11], '11月'],
		['12月份工作', 4, [1, 12], '12月'],
		['全年目标任务', 4, null, '全年'],
		['年度', 4, null, '年度'],
		['2024年度工作任务全年推进情况', 4, null, '全年']
	])('%s', (text, quarter, months, label) => {
		expect(findPeriodIn(text)).toEqual({ quarter, months, label });
	});

	it.each([['2023年度省政府民生实事'], ['2024-07-08'], ['截至6月底'], ['12月'], ['2021-11月'], ['坚定数字升级']])(
		'finds no period in %s',
		(text) => {
			expect(findPeriodIn(text)).toBeNull();
		}
	);
});

describe('period arithmetic', () => {
	it.each([
		[{ quarter: 1, months: null }, 3, 0.25],
		[{ quarter: 2, months: null }, 6, 0.5],
		[{ quarter: null, months: [1, 11] as [number, number] }, 11, 11 / 12],
		[{ quarter: null, months: null }, 12, 1]
	])('%o ends in month %i, %d of the year elapsed', (period, month, fraction) => {
		expect(periodEndMonth(period)).toBe(month);
		expect(elapsedFraction(period)).toBeCloseTo(fraction, 10);
	});

	it.each([
		[{ year: 2024, quarter: 2, months: null }, 'zh', '2024年二季度'],
		[{ year: 2024, quarter: 2, months: null }, 'en', '2024 Q2'],
		[{ year: 2024, quarter: 2, months: [1, 6] as [number, number] }, 'zh', '2024年二季度'],
		[{ year: 2023, quarter: null, months: [1, 11] as [number, number] }, 'zh', '2023年1-11月'],
		[{ year: 2023, quarter: null, months: [1, 11] as [number, number] }, 'en', '2023 Jan–Nov']
	] as const)('formats %o in %s as %s', (period, lang, text) => {
		expect(formatPeriod(period, lang)).toBe(text);
	});
});

describe('findOpeningPeriod: the period an opening sentence names', () => {
	it.each([
		['截至9月底，全市完成投资', 3, [1, 9], '截至9月底'],
		['截至2024年11月末，各项工作', null, [1, 11], '截至2024年11月末'],
		['1-11月，全区实现', null, [1, 11], '1-11月'],
		['前三季度，全县', 3, null, '前三季度'],
		['向大会作2022年上半年政府工作情况报告', 2, null, '上半年'],
		['2023年全年，全市', 4, null, '全年']
	])('%s', (text, quarter, months, label) => {
		expect(findOpeningPeriod(text, { sentence: true })).toEqual({ quarter, months, label });
	});

	it('does not take 年度 in a sentence for the year as period', () => {
		expect(findOpeningPeriod('比上年增长6.1%，符合年度预期目标', { sentence: true })).toBeNull();
		expect(findOpeningPeriod('2019年年度重点工作', { sentence: false })).not.toBeNull();
	});
});

describe('period names: one form everywhere', () => {
	it.each([
		// quarter, month start, month end, zh with year, zh short, en with year, en short
		[2, null, 6, '2024年二季度', '二季度', '2024 Q2', 'Q2'],
		[4, null, 12, '2024年四季度', '四季度', '2024 Q4', 'Q4'],
		[2, 1, 6, '2024年二季度', '二季度', '2024 Q2', 'Q2'], // 1-6月 is the half year, named as its quarter
		[null, 1, 11, '2024年1-11月', '1-11月', '2024 Jan–Nov', 'Jan–Nov']
	] as const)('quarter %s, months %s–%s', (quarter, monthStart, monthEnd, zh, zhShort, en, enShort) => {
		const period = { year: 2024, quarter, monthStart, monthEnd };
		expect([periodName(period, 'zh'), periodShortName(period, 'zh')]).toEqual([zh, zhShort]);
		expect([periodName(period, 'en'), periodShortName(period, 'en')]).toEqual([en, enShort]);
	});
});

describe('periodBefore', () => {
	const p = (year: number, monthEnd: number) => ({ year, monthEnd, name: `${year}-${monthEnd}` });
	const periods = [p(2023, 12), p(2024, 3), p(2024, 6), p(2024, 11), p(2024, 12)];
	it.each([
		[p(2024, 6), '2024-3'],
		[p(2024, 12), '2024-11'],
		[p(2024, 11), '2024-6'],
		// A year's first period has none before it: the year before holds other tasks (another plan).
		[p(2024, 3), null],
		[p(2023, 12), null],
		// The selected period need not be among those with data.
		[p(2024, 9), '2024-6']
	])('before %j: %s', (selected, expected) => {
		expect(periodBefore(periods, selected)?.name ?? null).toBe(expected);
	});
});
