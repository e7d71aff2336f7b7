import { describe, expect, it } from 'vitest';
import { schedulePercent, statusFromProgress } from './progress';

const Q = (quarter: number) => ({ quarter, months: null });
const NOV = { quarter: null, months: [1, 11] as [number, number] };

describe('statusFromProgress', () => {
	it.each([
		// percent, period, expected
		[null, Q(1), null],
		[Number.NaN, Q(1), null],
		[0, Q(1), 'not_started'],
		[0, Q(3), 'not_started'],
		[10, Q(1), 'behind'],
		[24.9, Q(1), 'behind'],
		[25, Q(1), 'on_track'],
		[34.9, Q(1), 'on_track'],
		[35, Q(1), 'ahead'],
		[99.9, Q(1), 'ahead'],
		[100, Q(1), 'completed'],
		[223, Q(2), 'completed'],
		[49, Q(2), 'behind'],
		[50, Q(2), 'on_track'],
		[60, Q(2), 'ahead'],
		[74, Q(3), 'behind'],
		[80, Q(3), 'on_track'],
		[85, Q(3), 'ahead'],
		[91, NOV, 'behind'],
		[92, NOV, 'on_track'],
		[99, Q(4), 'behind'],
		[100, Q(4), 'completed']
	] as const)('%s%% at %o → %s', (percent, period, expected) => {
		expect(statusFromProgress(percent, period)).toBe(expected);
	});

	it('takes thresholds as a setting', () => {
		expect(statusFromProgress(40, Q(2), { tolerance: 10, ahead: 10 })).toBe('on_track');
		expect(statusFromProgress(39, Q(2), { tolerance: 10, ahead: 10 })).toBe('behind');
		expect(statusFromProgress(55, Q(2), { tolerance: 0, ahead: 5 })).toBe('ahead');
	});
});

describe('schedulePercent', () => {
	it.each([
		[Q(1), 25],
		[Q(2), 50],
		[NOV, (11 / 12) * 100],
		[Q(4), 100]
	] as const)('%o → %s', (period, expected) => {
		expect(schedulePercent(period)).toBeCloseTo(expected, 10);
	});
});
