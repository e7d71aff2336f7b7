import { describe, expect, it } from 'vitest';
import { childTotals, heatmapOf, rankingFigures, sortRanking, type RankedChild } from './comparison';
import { OTHER_KEY, type ChildTotals } from '../types/comparison';

const totals = (t: Partial<ChildTotals>): ChildTotals => ({
	tasks: 0,
	completed: 0,
	behind: 0,
	notStarted: 0,
	ratioSum: 0,
	ratioCount: 0,
	...t
});

describe('childTotals', () => {
	it('sums one period’s rows by the statuses the ranking shows, whatever the key', () => {
		const row = (periodId: number, status: 'completed' | 'behind' | 'not_started' | 'on_track', n: number) => ({
			periodId,
			key: 'x',
			status,
			taskCount: n,
			ratioSum: n * 0.5,
			ratioCount: n
		});
		const rows = [row(1, 'completed', 3), row(1, 'behind', 2), row(1, 'not_started', 1), row(1, 'on_track', 4)];
		expect(childTotals([...rows, row(2, 'behind', 9)], 1)).toEqual({
			tasks: 10,
			completed: 3,
			behind: 2,
			notStarted: 1,
			ratioSum: 5,
			ratioCount: 10
		});
	});
});

describe('rankingFigures', () => {
	it.each([
		// current, previous, elapsed → completed share, mean gap, share change, behind change
		[{ tasks: 4, completed: 1, behind: 2 }, null, 0.5, 0.25, null, null, null],
		[{ tasks: 4, completed: 2, behind: 1 }, { tasks: 5, completed: 1, behind: 3 }, 0.5, 0.5, null, 30, -2],
		[{ tasks: 2, ratioSum: 0.9, ratioCount: 2 }, { tasks: 0 }, 0.5, 0, -5, null, 0],
		[{ tasks: 0 }, { tasks: 1, completed: 1 }, 0.75, null, null, null, 0]
	])('%o against %o at %s', (current, previous, elapsed, share, gap, shareChange, behindChange) => {
		const figures = rankingFigures({ current: totals(current), previous: previous ? totals(previous) : null }, elapsed);
		expect(figures).toMatchObject({
			completedShare: share,
			meanGap: gap,
			completedShareChange: shareChange,
			behindChange
		});
	});
});

describe('sortRanking', () => {
	const child = (id: number, name: string, behind: number, meanGap: number | null, reported = true): RankedChild => ({
		id,
		name,
		reported,
		...rankingFigures({ current: totals({ tasks: 10, behind }), previous: null }, 0.5),
		meanGap
	});
	const rows = [child(1, '乙', 3, -2), child(2, '甲', 5, null), child(3, '丙', 0, 4, false), child(4, '丁', 3, 1)];
	it.each([
		['behind', 'desc', ['甲', '丁', '乙', '丙']],
		['behind', 'asc', ['丁', '乙', '甲', '丙']],
		['meanGap', 'asc', ['乙', '丁', '甲', '丙']],
		['meanGap', 'desc', ['丁', '乙', '甲', '丙']],
		['name', 'asc', ['丁', '乙', '甲', '丙']]
	] as const)('by %s %s: silent children last, no value after values', (column, dir, names) => {
		expect(sortRanking(rows, column, dir).map((r) => r.name)).toEqual(names);
	});
});

describe('heatmapOf', () => {
	const label = (key: string) => ({ label: key, labelEn: null });
	it('keeps the largest keys and sums the rest, uncategorised included, into one bucket per child', () => {
		const map = heatmapOf(
			[
				{ childId: 1, key: 'a', tasks: 5, behind: 1 },
				{ childId: 2, key: 'a', tasks: 1, behind: 1 },
				{ childId: 1, key: 'b', tasks: 4, behind: 0 },
				{ childId: 1, key: 'c', tasks: 2, behind: 2 },
				{ childId: 1, key: '', tasks: 9, behind: 1 },
				{ childId: 2, key: 'd', tasks: 0, behind: 0 }
			],
			2,
			label
		);
		expect(map.keys.map((k) => k.key)).toEqual(['a', 'b']);
		expect(map.otherCount).toBe(2);
		expect(map.cells).toEqual([
			{ childId: 1, key: 'a', tasks: 5, behind: 1 },
			{ childId: 2, key: 'a', tasks: 1, behind: 1 },
			{ childId: 1, key: 'b', tasks: 4, behind: 0 },
			{ childId: 1, key: OTHER_KEY, tasks: 11, behind: 3 }
		]);
	});

	it('has no bucket when every key fits', () => {
		const map = heatmapOf([{ childId: 1, key: 'a', tasks: 1, behind: 0 }], 10, label);
		expect(map).toEqual({ keys: [{ key: 'a', label: 'a', labelEn: null }], otherCount: 0, cells: map.cells });
		expect(map.cells.every((c) => c.key !== OTHER_KEY)).toBe(true);
	});
});
