/**
 * The measures every page shows, defined once. Each has a SQL twin in src/lib/server/queries/measures.ts
 * written as the same arithmetic; measures.spec.ts there proves the two agree task by task.
 *
 * - **task count by status**: current updates counted per status (and status source); see `countByStatus`.
 * - **completion ratio**: how far a task got towards its year, 0–1 and beyond (223% is normal):
 *   the update's stated percent ÷ 100 when the report gives one — it is the report's own figure —
 *   else its actual value ÷ the task's first target, except where that target is a ceiling
 *   (`<=`, 失业率控制在4.3%以内): lower is better there, so actual ÷ ceiling is no share of anything.
 *   No ratio (null) otherwise, and for a target of 0.
 * - **behind-schedule gap**: percentage points above (positive) or below 序时进度, to 0.1.
 * - **traffic light**: green / yellow / red by the configured rule (schedule.ts, JINDU_TRAFFIC_LIGHTS);
 *   green whatever the ratio when the update's own period target (本期目标) is zero: nothing was due yet.
 */
import { STATUSES, type Status, type StatusSource } from './status';
import type { TrafficLight, TrafficLightRule } from './schedule';
import { elapsedFraction, type PeriodEnd } from './period';

/** What the completion ratio reads of an update and its task's first target (null: the task has none). */
export interface RatioInput {
	percent: number | null;
	actualValue: number | null;
	target: { value: number; comparator: string } | null;
}

/** The comparator of a ceiling target (lower is better). */
export const CEILING = '<=';

/** Completion ratio of one update; see the module comment for the definition. */
export function completionRatio({ percent, actualValue, target }: RatioInput): number | null {
	if (percent !== null) return percent / 100;
	if (actualValue === null || target === null || target.comparator === CEILING || target.value === 0) return null;
	return actualValue / target.value;
}

/** Percentage points above (positive) or below (negative) 序时进度, rounded to 0.1. */
export function scheduleGap(ratio: number, elapsed: number): number {
	return Math.round((ratio - elapsed) * 1000) / 10;
}

/**
 * The light for a completion ratio at a point of the year (elapsed fraction, 0.5 for 上半年) by a rule:
 * green on or above schedule; else the shortfall — in points, or as a share of the schedule — above
 * `redFrom` is red, above `yellowFrom` yellow. The rule is required: a page that forgot it would
 * colour by the default rule whatever the setting says.
 */
export function trafficLight(
	ratio: number,
	elapsed: number,
	rule: TrafficLightRule,
	periodTarget: string | null = null
): TrafficLight {
	if (ratio >= elapsed || zeroPeriodTarget(periodTarget)) return 'green';
	const below = rule.measure === 'points' ? (elapsed - ratio) * 100 : ((elapsed - ratio) / elapsed) * 100;
	if (below > rule.redFrom) return 'red';
	return below > rule.yellowFrom ? 'yellow' : 'green';
}

/**
 * Whether an update's own period target (本期目标, as the report wrote it: 完成0座, 完成2个, 完成全年目标)
 * names a quantity of zero: it has digits and none of them is 1–9. A task planned to start later in the
 * year is behind 序时进度 by its ratio but on its own plan, so it is not marked yellow or red.
 */
export function zeroPeriodTarget(text: string | null): boolean {
	return text !== null && /[0-9]/.test(text) && !/[1-9]/.test(text);
}

/** One update's progress against 序时进度, as the task page and the attention lists show it. */
export interface Progress {
	/** Completion ratio (may exceed 1). */
	ratio: number;
	/** 序时进度 at the period's end, 0–1. */
	elapsed: number;
	/** Behind-schedule gap in percentage points (negative: behind). */
	gap: number;
	light: TrafficLight;
}

/** Progress of a ratio at a period's end by a rule; null without a ratio. */
export function progressAt(
	ratio: number | null,
	period: PeriodEnd,
	rule: TrafficLightRule,
	periodTarget: string | null
): Progress | null {
	if (ratio === null) return null;
	const elapsed = elapsedFraction(period);
	return {
		ratio,
		elapsed,
		gap: scheduleGap(ratio, elapsed),
		light: trafficLight(ratio, elapsed, rule, periodTarget)
	};
}

/** Progress as the task page shows it: the measures plus what they were read from. */
export interface UpdateProgress extends Progress {
	/** The ratio and 序时进度 in percent, to 0.1. */
	percent: number;
	schedulePercent: number;
	/** Where the ratio is actual ÷ target (no stated percent): both, for “完成 x（目标 y）”. */
	actual: { value: number; target: string } | null;
}

/**
 * One update's progress against 序时进度 by a rule, from its stated percent or its actual value and the
 * task's first target; null where the update says nothing measurable.
 */
export function updateProgress(
	update: { percent: number | null; actualValue: number | null; monthEnd: number; periodTarget: string | null },
	target: { value: number; unit: string; comparator: string } | null,
	rule: TrafficLightRule
): UpdateProgress | null {
	const progress = progressAt(completionRatio({ ...update, target }), update, rule, update.periodTarget);
	if (!progress) return null;
	return {
		...progress,
		percent: Math.round(progress.ratio * 1000) / 10,
		schedulePercent: Math.round(progress.elapsed * 1000) / 10,
		actual:
			update.percent === null && update.actualValue !== null && target
				? { value: update.actualValue, target: `${target.value}${target.unit}` }
				: null
	};
}

/** One update as the counts see it. */
export interface CountedUpdate {
	periodId: number;
	status: Status;
	statusSource: StatusSource;
	flagged: boolean;
	ratio: number | null;
}

/**
 * The counts of a set of current updates per period × status × source: how many, how many carry a quality
 * flag, and the sum and number of completion ratios (their mean is the trend line's point). The same
 * grain as a row of the counting query (queries/measures.ts `countUpdates`) for one dimension key.
 */
export interface StatusCount {
	periodId: number;
	status: Status;
	statusSource: StatusSource;
	taskCount: number;
	flaggedCount: number;
	ratioSum: number;
	ratioCount: number;
}

/** A count's measures before any update: spread into each new cell of a count. */
export const NO_MEASURES = { taskCount: 0, flaggedCount: 0, ratioSum: 0, ratioCount: 0 } as const;

/** Adds one current update to a count: one task more, flagged or not, with its completion ratio if it has one. */
export function countUpdate(count: StatusCount, update: { flagged: number | boolean; ratio: number | null }): void {
	count.taskCount++;
	if (update.flagged) count.flaggedCount++;
	if (update.ratio !== null) {
		count.ratioSum += update.ratio;
		count.ratioCount++;
	}
}

/** Every status at 0: the start of a task count by status. */
export function emptyStatusCounts(): Record<Status, number> {
	return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
}

/** Task count by status of counted rows (any grain), every status present. */
export function tasksByStatus(rows: Iterable<{ status: Status; taskCount: number }>): Record<Status, number> {
	const out = emptyStatusCounts();
	for (const row of rows) out[row.status] += row.taskCount;
	return out;
}

/** Task count by status (with the other counts of StatusCount) of single updates, in first-seen order. */
export function countByStatus(updates: Iterable<CountedUpdate>): StatusCount[] {
	const out = new Map<string, StatusCount>();
	for (const u of updates) {
		const key = `${u.periodId}|${u.status}|${u.statusSource}`;
		let row = out.get(key);
		if (!row) {
			row = { periodId: u.periodId, status: u.status, statusSource: u.statusSource, ...NO_MEASURES };
			out.set(key, row);
		}
		countUpdate(row, u);
	}
	return [...out.values()];
}

/** Statuses that need attention whatever the flags say. */
export const ATTENTION_STATUSES: readonly Status[] = ['behind', 'not_started'];

/**
 * How many tasks need attention in each of the attention list's two parts: `severe`, behind or not started
 * (flagged or not); `flaggedOnly`, flagged with any other status. The list ranks the severe part first and
 * the flagged-only part after it, so a part counted 0 needs no ranking.
 */
export function attentionParts(rows: readonly Pick<StatusCount, 'status' | 'taskCount' | 'flaggedCount'>[]): {
	severe: number;
	flaggedOnly: number;
} {
	let severe = 0;
	let flaggedOnly = 0;
	for (const r of rows) {
		if (ATTENTION_STATUSES.includes(r.status)) severe += r.taskCount;
		else flaggedOnly += r.flaggedCount;
	}
	return { severe, flaggedOnly };
}

/** How many tasks need attention: behind or not started, or flagged whatever their status. */
export function attentionCount(rows: readonly Pick<StatusCount, 'status' | 'taskCount' | 'flaggedCount'>[]): number {
	const { severe, flaggedOnly } = attentionParts(rows);
	return severe + flaggedOnly;
}

/** Mean completion ratio of counted rows, or null when none has a ratio. */
export function meanRatio(rows: readonly Pick<StatusCount, 'ratioSum' | 'ratioCount'>[]): number | null {
	let sum = 0;
	let n = 0;
	for (const r of rows) {
		sum += r.ratioSum;
		n += r.ratioCount;
	}
	return n === 0 ? null : sum / n;
}
