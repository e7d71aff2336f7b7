/**
 * Comparing organizations, pure: a child's counted rows into the ranking's figures, the ranking's sort,
 * and children × categories (or themes) cut to the largest columns with the rest in one bucket.
 */
import type { Status } from './status';
import { scheduleGap } from './measures';
import { OTHER_KEY, type ChildCounts, type ChildTotals, type HeatmapData } from '../types/comparison';

/** What a counted row holds that the ranking reads (a countUpdates row has it). */
interface CountedRow {
	periodId: number;
	key?: string;
	status: Status;
	taskCount: number;
	ratioSum: number;
	ratioCount: number;
}

/** A child's totals in one period from its counted rows (any dimension: rows of other periods are left out). */
export function childTotals(rows: readonly CountedRow[], periodId: number): ChildTotals {
	const out: ChildTotals = { tasks: 0, completed: 0, behind: 0, notStarted: 0, ratioSum: 0, ratioCount: 0 };
	for (const r of rows) {
		if (r.periodId !== periodId) continue;
		out.tasks += r.taskCount;
		if (r.status === 'completed') out.completed += r.taskCount;
		if (r.status === 'behind') out.behind += r.taskCount;
		if (r.status === 'not_started') out.notStarted += r.taskCount;
		out.ratioSum += r.ratioSum;
		out.ratioCount += r.ratioCount;
	}
	return out;
}

/** One ranking row's figures. Shares are 0–1; gaps and changes of shares in percentage points. */
export interface RankingFigures {
	tasks: number;
	completed: number;
	behind: number;
	notStarted: number;
	/** Completed ÷ tasks; null without tasks. */
	completedShare: number | null;
	/** Mean completion ratio against 序时进度, in points to 0.1; null when no task has a ratio. */
	meanGap: number | null;
	/** Completed share now minus in the previous period, in points to 0.1; null without both. */
	completedShareChange: number | null;
	/** Behind tasks now minus in the previous period; null without a previous period. */
	behindChange: number | null;
}

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** The ranking's figures of one child at a period whose 序时进度 is `elapsed` (0–1). */
export function rankingFigures(child: Pick<ChildCounts, 'current' | 'previous'>, elapsed: number): RankingFigures {
	const { current, previous } = child;
	const completedShare = share(current.completed, current.tasks);
	const previousShare = previous ? share(previous.completed, previous.tasks) : null;
	return {
		tasks: current.tasks,
		completed: current.completed,
		behind: current.behind,
		notStarted: current.notStarted,
		completedShare,
		meanGap: current.ratioCount === 0 ? null : scheduleGap(current.ratioSum / current.ratioCount, elapsed),
		completedShareChange:
			completedShare === null || previousShare === null
				? null
				: Math.round((completedShare - previousShare) * 1000) / 10,
		behindChange: previous ? current.behind - previous.behind : null
	};
}

export const RANKING_COLUMNS = [
	'name',
	'tasks',
	'completed',
	'behind',
	'notStarted',
	'completedShare',
	'meanGap',
	'completedShareChange',
	'behindChange'
] as const;
export type RankingColumn = (typeof RANKING_COLUMNS)[number];

/** A row as the ranking sorts it. */
export interface RankedChild extends RankingFigures {
	id: number;
	name: string;
	reported: boolean;
}

/**
 * Rows sorted by a column; children that have not reported always last (silence is no number to rank),
 * figures without a value (null) after those with one, ties by name. A new array.
 */
export function sortRanking(rows: readonly RankedChild[], column: RankingColumn, dir: 'asc' | 'desc'): RankedChild[] {
	const sign = dir === 'asc' ? 1 : -1;
	const byName = (a: RankedChild, b: RankedChild) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id);
	return [...rows].sort((a, b) => {
		if (a.reported !== b.reported) return a.reported ? -1 : 1;
		if (column === 'name') return sign * byName(a, b);
		const x = a[column];
		const y = b[column];
		if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
		return sign * (x - y) || byName(a, b);
	});
}

/** Tasks and behind tasks of one child under one key (a category or theme name). */
export interface KeyedCount {
	childId: number;
	key: string;
	tasks: number;
	behind: number;
}

/**
 * Children × keys cut to the `limit` largest keys in the whole scope (by tasks, then by name), every other
 * key summed into one OTHER_KEY column per child — so 300 categories stay a readable grid and still add
 * up to each child's total. Tasks without a category ('') always go to the bucket. `labelOf` gives a key's label in both languages.
 */
export function heatmapOf(
	counts: readonly KeyedCount[],
	limit: number,
	labelOf: (key: string) => { label: string; labelEn: string | null }
): HeatmapData {
	const sizes = new Map<string, number>();
	for (const c of counts) sizes.set(c.key, (sizes.get(c.key) ?? 0) + c.tasks);
	const { ordered, otherCount } = largestKeys(sizes, limit);
	const kept = new Set(ordered);
	const cells = new Map<string, KeyedCount>();
	for (const c of counts) {
		const key = kept.has(c.key) ? c.key : OTHER_KEY;
		const id = `${c.childId}\u0000${key}`;
		const cell = cells.get(id) ?? { childId: c.childId, key, tasks: 0, behind: 0 };
		cell.tasks += c.tasks;
		cell.behind += c.behind;
		cells.set(id, cell);
	}
	return {
		keys: ordered.map((key) => ({ key, ...labelOf(key) })),
		otherCount,
		cells: [...cells.values()].filter((c) => c.tasks > 0)
	};
}

/**
 * The `limit` largest keys by tasks (then by name), and how many other keys have tasks. No category ('')
 * has no filter that lists exactly it: it is never kept, and counts among the others.
 */
export function largestKeys(
	sizes: ReadonlyMap<string, number>,
	limit: number
): { ordered: string[]; otherCount: number } {
	const nonEmpty = [...sizes].filter(([, n]) => n > 0);
	const ordered = nonEmpty
		.filter(([key]) => key !== '')
		.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
		.map(([key]) => key)
		.slice(0, limit);
	return { ordered, otherCount: nonEmpty.length - ordered.length };
}

/**
 * Each child's tasks outside the kept keys, as one uncategorised count ('' always goes to the bucket):
 * its total less what the kept keys hold. Exact for categories, where a task has exactly one.
 */
export function remainders(
	kept: readonly KeyedCount[],
	totals: ReadonlyMap<number, { tasks: number; behind: number }>
): KeyedCount[] {
	const rest = new Map([...totals].map(([childId, t]) => [childId, { ...t }]));
	for (const c of kept) {
		const r = rest.get(c.childId);
		if (!r) continue;
		r.tasks -= c.tasks;
		r.behind -= c.behind;
	}
	return [...rest].map(([childId, r]) => ({ childId, key: '', tasks: r.tasks, behind: r.behind }));
}
