import { describe, expect, it } from 'vitest';
import { attentionTier, compareAttention, greenLightReason, type RankedTask } from './attention';

describe('attentionTier', () => {
	it.each([
		// status, light, tier
		['behind', 'red', 'red'],
		['not_started', 'red', 'red'],
		['behind', 'yellow', 'yellow'],
		['behind', 'green', 'behind'],
		['behind', null, 'behind'],
		['not_started', null, 'not_started'],
		['not_started', 'green', 'not_started'],
		['completed', 'red', 'flagged'], // here only for its flag, whatever its figures say
		['on_track', null, 'flagged']
	] as const)('%s with %s light → %s', (status, light, tier) => {
		expect(attentionTier({ status, light })).toBe(tier);
	});
});

describe('compareAttention', () => {
	const task = (taskId: number, status: RankedTask['status'], light: RankedTask['light'], gap: number | null) => ({
		taskId,
		status,
		light,
		gap
	});
	it('puts red before yellow, the larger gap first, then behind with and without figures, not started, flagged', () => {
		const tasks = [
			task(1, 'completed', null, null),
			task(2, 'not_started', null, null),
			task(3, 'behind', null, null),
			task(4, 'behind', 'green', -4),
			task(5, 'behind', 'yellow', -12),
			task(6, 'behind', 'yellow', -25),
			task(7, 'behind', 'red', -31),
			task(8, 'not_started', 'red', -50),
			task(9, 'behind', 'red', -31)
		];
		expect([...tasks].sort(compareAttention).map((t) => t.taskId)).toEqual([8, 7, 9, 6, 5, 4, 3, 2, 1]);
	});
});

describe('greenLightReason', () => {
	it.each([
		['behind', 'green', '完成0个', 'zeroTarget'],
		['behind', 'green', '完成2个', 'reportDisagrees'],
		['not_started', 'green', null, 'reportDisagrees'],
		['behind', 'yellow', null, null],
		['completed', 'green', null, null],
		['behind', null, null, null]
	] as const)('%s, %s light, period target %s → %s', (status, light, periodTarget, reason) => {
		expect(greenLightReason({ status, light, periodTarget })).toBe(reason);
	});
});
