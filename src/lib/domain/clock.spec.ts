import { describe, expect, it } from 'vitest';
import { beijingTime } from './clock';

describe('beijingTime', () => {
	it.each([
		['2025-01-25T02:00:00.000Z', '2025-01-25 10:00'],
		['2025-01-25T20:30:00Z', '2025-01-26 04:30'],
		['2025-01-25 02:00:00', '2025-01-25 10:00'],
		['2025-01-25T10:00:00+08:00', '2025-01-25 10:00']
	])('%s → %s', (iso, shown) => {
		expect(beijingTime(iso)).toBe(shown);
	});
});
