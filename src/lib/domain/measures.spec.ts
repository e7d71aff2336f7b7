import { describe, expect, it } from 'vitest';
import {
	attentionCount,
	attentionParts,
	completionRatio,
	countByStatus,
	meanRatio,
	tasksByStatus,
	updateProgress
} from './measures';
import { TRAFFIC_LIGHT_RULES } from './schedule';

const target = (value: number, comparator = '>=') => ({ value, comparator });

describe('completionRatio', () => {
	it.each([
		// percent, actual, target, ratio
		[60, null, null, 0.6],
		[223, null, null, 2.23],
		[40, 9, target(10), 0.4], // the report's own percent before actual ÷ target
		[null, 3, target(5), 0.6],
		[null, 3, target(5, '='), 0.6],
		[null, 4.1, target(4.3, '<='), null], // a ceiling: lower is better, no share of a target
		[null, 3, target(0), null],
		[null, 3, null, null],
		[null, null, target(5), null]
	] as const)('percent %s, actual %s, target %o → %s', (percent, actualValue, t, ratio) => {
		expect(completionRatio({ percent, actualValue, target: t })).toBe(ratio);
	});
});

describe('updateProgress', () => {
	it('says where the ratio came from and colours by the rule it is given', () => {
		const q2 = { percent: null, actualValue: 2, monthEnd: 6, periodTarget: null };
		const goal = { value: 5, unit: '个', comparator: '>=' };
		expect(updateProgress(q2, goal, TRAFFIC_LIGHT_RULES.yinchuan)).toEqual({
			ratio: 0.4,
			elapsed: 0.5,
			gap: -10,
			light: 'green',
			percent: 40,
			schedulePercent: 50,
			actual: { value: 2, target: '5个' }
		});
		expect(updateProgress(q2, goal, TRAFFIC_LIGHT_RULES.sanya)?.light).toBe('yellow');
		expect(updateProgress({ ...q2, percent: 50 }, goal, TRAFFIC_LIGHT_RULES.sanya)?.actual).toBeNull();
		expect(updateProgress({ ...q2, actualValue: null }, goal, TRAFFIC_LIGHT_RULES.sanya)).toBeNull();
	});

	it.each([
		// period target, actual at Q1 of 4, light by 银川's rule
		[null, 0, 'yellow'], // 25 points below 序时进度
		['完成全年目标', 0, 'yellow'],
		['完成1座', 0, 'yellow'],
		['完成0座', 0, 'green'], // nothing was due this quarter
		['完成0.0万平方米', 0, 'green'],
		['完成0.5亿元', 0, 'yellow'], // half of one is not zero
		['完成10个', 0, 'yellow']
	] as const)('period target %s, actual %s at Q1 → %s', (periodTarget, actualValue, light) => {
		const goal = { value: 4, unit: '座', comparator: '>=' };
		const q1 = { percent: null, actualValue, monthEnd: 3, periodTarget };
		expect(updateProgress(q1, goal, TRAFFIC_LIGHT_RULES.yinchuan)?.light).toBe(light);
	});
});

describe('counts', () => {
	const updates = [
		{ periodId: 1, status: 'behind', statusSource: 'inferred', flagged: false, ratio: 0.2 },
		{ periodId: 1, status: 'behind', statusSource: 'inferred', flagged: true, ratio: null },
		{ periodId: 1, status: 'completed', statusSource: 'reported', flagged: true, ratio: 1.1 },
		{ periodId: 1, status: 'on_track', statusSource: 'inferred', flagged: false, ratio: null }
	] as const;

	it('count tasks by status, flagged tasks and ratios per period × status × source', () => {
		const rows = countByStatus(updates);
		expect(rows).toEqual([
			{
				periodId: 1,
				status: 'behind',
				statusSource: 'inferred',
				taskCount: 2,
				flaggedCount: 1,
				ratioSum: 0.2,
				ratioCount: 1
			},
			{
				periodId: 1,
				status: 'completed',
				statusSource: 'reported',
				taskCount: 1,
				flaggedCount: 1,
				ratioSum: 1.1,
				ratioCount: 1
			},
			{
				periodId: 1,
				status: 'on_track',
				statusSource: 'inferred',
				taskCount: 1,
				flaggedCount: 0,
				ratioSum: 0,
				ratioCount: 0
			}
		]);
		expect(tasksByStatus(rows)).toEqual({ completed: 1, ahead: 0, on_track: 1, behind: 2, not_started: 0, unknown: 0 });
		// Behind counts whole; elsewhere only the flagged.
		expect(attentionCount(rows)).toBe(3);
		expect(attentionParts(rows)).toEqual({ severe: 2, flaggedOnly: 1 });
		expect(meanRatio(rows)).toBeCloseTo(0.65, 12);
		expect(meanRatio([])).toBeNull();
	});
});
