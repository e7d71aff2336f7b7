/**
 * What changed for a task between two periods of its year ("what changed since the last meeting"). Each task
 * of the later period falls in exactly one kind, so the kinds' counts add up to the period's tasks:
 *
 * - **unknown**: no status in the earlier period (the task was not reported then), or 无法判断 in either —
 *   never counted as a change, and never silently dropped;
 * - **unchanged**: the same status;
 * - **recovered**: behind or not started before, on track, ahead or completed now;
 * - **newly_completed**: on track or ahead before, completed now (a behind task that completed recovered);
 * - **newly_behind**: completed, ahead or on track before, behind or not started now;
 * - **worsened**: down the status order (STATUSES) otherwise (ahead → on track, behind → not started);
 * - **improved**: up the order otherwise (on track → ahead, not started → behind).
 *
 * The SQL twin is `changeKindSql` in src/lib/server/queries/changes.ts; changes.spec.ts there proves both agree.
 */
import { STATUS_GROUP, statusRank, type Status } from './status';
import type { MessageKey } from '../i18n';

export const CHANGE_KINDS = [
	'recovered',
	'newly_completed',
	'improved',
	'newly_behind',
	'worsened',
	'unchanged',
	'unknown'
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The kinds a meeting talks about, in the order a panel lists them (unchanged and unknown follow apart). */
export const CHANGED_KINDS: readonly ChangeKind[] = [
	'recovered',
	'newly_completed',
	'improved',
	'newly_behind',
	'worsened'
];

/** Which way each kind went: what the 变化情况 slide colours and the deck's notes count as worse or better. */
export const CHANGE_DIRECTION: Record<ChangeKind, 'worse' | 'better' | 'neither'> = {
	recovered: 'better',
	newly_completed: 'better',
	improved: 'better',
	newly_behind: 'worse',
	worsened: 'worse',
	unchanged: 'neither',
	unknown: 'neither'
};

/** Periods in a row behind or not started from which a task is one a meeting should talk about. */
export const LONG_BEHIND_PERIODS = 3;

/** Each kind's name in the UI dictionary. */
export const CHANGE_LABEL: Record<ChangeKind, MessageKey> = {
	recovered: 'changeRecovered',
	newly_completed: 'changeNewlyCompleted',
	improved: 'changeImproved',
	newly_behind: 'changeNewlyBehind',
	worsened: 'changeWorsened',
	unchanged: 'changeUnchanged',
	unknown: 'changeUnknown'
};

export function isChangeKind(value: unknown): value is ChangeKind {
	return typeof value === 'string' && (CHANGE_KINDS as readonly string[]).includes(value);
}

/** The kind of change from `from` (null: no update in the earlier period) to `to`; see the module comment. */
export function changeKind(from: Status | null, to: Status): ChangeKind {
	if (from === null || from === 'unknown' || to === 'unknown') return 'unknown';
	if (from === to) return 'unchanged';
	const before = STATUS_GROUP[from];
	const now = STATUS_GROUP[to];
	if (before === 'attention' && now !== 'attention') return 'recovered';
	if (to === 'completed') return 'newly_completed';
	if (before !== 'attention' && now === 'attention') return 'newly_behind';
	return statusRank(to) > statusRank(from) ? 'worsened' : 'improved';
}

/**
 * How many periods in a row, ending with the last, a task was behind or not started: `statuses` are its
 * statuses in the periods it was reported, oldest first. 无法判断 breaks the run (nobody could tell).
 */
export function behindStreak(statuses: readonly Status[]): number {
	let n = 0;
	for (let i = statuses.length - 1; i >= 0 && STATUS_GROUP[statuses[i]] === 'attention'; i--) n++;
	return n;
}

/** Tasks of each kind; every kind present, zero where none. */
export type ChangeCounts = Record<ChangeKind, number>;

export function emptyChangeCounts(): ChangeCounts {
	return Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as ChangeCounts;
}
