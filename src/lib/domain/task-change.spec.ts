import { describe, expect, it } from 'vitest';
import { taskChange, type ChangeUpdate } from './task-change';
import type { Status } from './status';

const update = (periodId: number, monthEnd: number, status: Status, statusText: string | null, superseded = false) =>
	({
		periodId,
		year: 2024,
		quarter: monthEnd / 3,
		monthStart: null,
		monthEnd,
		status,
		statusText,
		supersededAt: superseded ? '2024-07-01' : null
	}) satisfies ChangeUpdate;

const HISTORY = [
	update(1, 3, 'behind', '开展调研，制定方案。'),
	update(2, 6, 'on_track', '旧文本。', true),
	update(2, 6, 'on_track', '开展调研，完成方案。'),
	update(3, 9, 'completed', '开展调研，完成方案，通过验收。')
];

describe('taskChange', () => {
	it.each([
		// selected, since, from, to, kind
		[2, 1, 1, 2, 'recovered'],
		[3, 2, 2, 3, 'newly_completed'],
		[3, 1, 1, 3, 'recovered'],
		// The list's period has no update of this task (another year): its latest and the one before.
		[99, 98, 2, 3, 'newly_completed'],
		[null, null, 2, 3, 'newly_completed'],
		// The first period of the year: nothing to compare with.
		[1, null, null, 1, 'unknown']
	] as const)('selected %s since %s: %s → %s is %s', (selected, since, from, to, kind) => {
		const change = taskChange(HISTORY, selected, since)!;
		expect([change.from?.periodId ?? null, change.to.periodId, change.kind]).toEqual([from, to, kind]);
	});

	it('diffs the two current status texts, never a superseded one', () => {
		const change = taskChange(HISTORY, 2, 1)!;
		expect(change.diff).toEqual([
			{ text: '开展调研，', change: 'same' },
			{ text: '制定方案。', change: 'removed' },
			{ text: '完成方案。', change: 'added' }
		]);
	});

	it('gives no diff where a text is missing, and no change for a task without a current update', () => {
		expect(taskChange([update(1, 3, 'behind', null), update(2, 6, 'behind', '推进中。')], 2, 1)!.diff).toBeNull();
		expect(taskChange([update(1, 3, 'behind', 'x', true)], 1, null)).toBeNull();
	});
});
