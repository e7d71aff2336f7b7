import { describe, expect, it } from 'vitest';
import { indicatorStatus, type IndicatorFigures } from './indicator';

const Q2 = { quarter: 2, months: null };
const YEAR = { quarter: 4, months: null };
const figures = (over: Partial<IndicatorFigures>): IndicatorFigures => ({
	target: null,
	kind: 'cumulative',
	actual: null,
	percent: null,
	deviation: null,
	met: null,
	...over
});
const floor = (value: number) => ({ value, comparator: '>=' as const, text: `${value}` });
const ceiling = (value: number) => ({ value, comparator: '<=' as const, text: `${value}%以内` });

describe('indicatorStatus', () => {
	it.each([
		['percent of the annual target below 序时进度', figures({ percent: 42.31 }), Q2, 'behind'],
		['percent just above 序时进度', figures({ percent: 56 }), Q2, 'on_track'],
		['percent well above 序时进度', figures({ percent: 75.84 }), Q2, 'ahead'],
		['over 100% at any time', figures({ percent: 111.5 }), Q2, 'completed'],
		['a count toward its target, computed', figures({ target: floor(100), actual: 80 }), Q2, 'ahead'],
		['a count short of its target at year end', figures({ target: floor(100), actual: 95 }), YEAR, 'behind'],
		[
			'a growth rate that reaches its target mid-year',
			figures({ kind: 'rate', target: floor(6), actual: 6.1 }),
			Q2,
			'on_track'
		],
		[
			'a growth rate that reaches its target at year end',
			figures({ kind: 'rate', target: floor(6), actual: 6.1 }),
			YEAR,
			'completed'
		],
		['a growth rate under its target', figures({ kind: 'rate', target: floor(6), actual: 5.2 }), Q2, 'behind'],
		['a ceiling kept', figures({ kind: 'rate', target: ceiling(4.5), actual: 3.62 }), YEAR, 'completed'],
		['a ceiling broken', figures({ kind: 'rate', target: ceiling(4.5), actual: 4.8 }), YEAR, 'behind'],
		['above the target by points', figures({ deviation: 0.5 }), Q2, 'ahead'],
		['below the target by points', figures({ deviation: -2 }), Q2, 'behind'],
		['a stated verdict', figures({ met: true }), YEAR, 'completed']
	] as const)('%s', (_, input, period, status) => {
		expect(indicatorStatus(input, period)?.status).toBe(status);
	});

	it('decides nothing from a figure without a target', () => {
		expect(indicatorStatus(figures({ actual: 802.81 }), Q2)).toBeNull();
	});

	it('gives the numbers that decided as evidence', () => {
		expect(indicatorStatus(figures({ target: floor(100), actual: 80 }), Q2)).toEqual({
			status: 'ahead',
			percent: 80,
			evidence: ['完成80／目标100', '完成年度目标的80%', '序时进度50%']
		});
		expect(indicatorStatus(figures({ percent: 70, percentText: '完工率70%' }), { quarter: 1, months: [1, 3] })).toEqual(
			{
				status: 'ahead',
				percent: 70,
				evidence: ['完工率70%', '序时进度25%']
			}
		);
	});
});
