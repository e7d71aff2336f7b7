import { describe, expect, it } from 'vitest';
import { computeKpis } from './kpi';

const rows = [
	{ periodId: 2, status: 'completed', statusSource: 'reported', taskCount: 3 },
	{ periodId: 2, status: 'ahead', statusSource: 'inferred', taskCount: 1 },
	{ periodId: 2, status: 'on_track', statusSource: 'inferred', taskCount: 4 },
	{ periodId: 2, status: 'behind', statusSource: 'reported', taskCount: 2 },
	{ periodId: 1, status: 'completed', statusSource: 'reported', taskCount: 1 },
	{ periodId: 1, status: 'behind', statusSource: 'reported', taskCount: 5 },
	{ periodId: 1, status: 'on_track', statusSource: 'reported', taskCount: 4 }
] as const;

describe('computeKpis', () => {
	it('counts, shares, inferred parts and changes against the previous period', () => {
		const kpis = Object.fromEntries(computeKpis([...rows], 2, 1).map((k) => [k.key, k]));
		expect(kpis.tasks).toEqual({ key: 'tasks', count: 10, share: 1, inferred: 5, change: 0 });
		expect(kpis.completed).toEqual({ key: 'completed', count: 3, share: 0.3, inferred: 0, change: 2 });
		expect(kpis.on_track).toEqual({ key: 'on_track', count: 5, share: 0.5, inferred: 5, change: 1, ahead: 1 });
		expect(kpis.behind).toMatchObject({ count: 2, change: -3 });
		expect(kpis.not_started).toMatchObject({ count: 0, share: 0, change: 0 });
	});
	it('has no change without a previous period', () => {
		expect(computeKpis([...rows], 1, null).every((k) => k.change === null)).toBe(true);
	});
});
