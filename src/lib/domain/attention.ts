/**
 * The order of the overview's 需要关注 list: most severe first, so a leader reads the worst tasks at the
 * top whatever order their reports were imported in. Its SQL twin is `attentionTierSql` in
 * src/lib/server/queries/overview.ts; overview.spec.ts proves both give the same order on generated data.
 */
import { ATTENTION_STATUSES, zeroPeriodTarget } from './measures';
import { categoryKey } from './category-key';
import type { FlagKind } from './flags';
import type { TrafficLight } from './schedule';
import type { Status } from './status';
import type { MessageKey } from '../i18n';

/**
 * Severity tiers, most severe first: a behind or not-started task with a red light, then with a yellow
 * light; then behind without either (green by 序时进度, or no figures), then not started; last the tasks
 * that are here only for a quality flag.
 */
export const ATTENTION_TIERS = ['red', 'yellow', 'behind', 'not_started', 'flagged'] as const;
export type AttentionTier = (typeof ATTENTION_TIERS)[number];

export interface RankedTask {
	taskId: number;
	status: Status;
	light: TrafficLight | null;
	/** Percentage points against 序时进度 (negative: behind); null without figures. */
	gap: number | null;
}

/** The tier of a task in the attention set. */
export function attentionTier({ status, light }: Pick<RankedTask, 'status' | 'light'>): AttentionTier {
	if (!ATTENTION_STATUSES.includes(status)) return 'flagged';
	if (light === 'red' || light === 'yellow') return light;
	return status === 'behind' ? 'behind' : 'not_started';
}

/** Tier, then the larger gap below 序时进度 first (tasks without figures after those with), then task id. */
export function compareAttention(a: RankedTask, b: RankedTask): number {
	const tier = ATTENTION_TIERS.indexOf(attentionTier(a)) - ATTENTION_TIERS.indexOf(attentionTier(b));
	if (tier !== 0) return tier;
	if (a.gap !== b.gap) {
		if (a.gap === null) return 1;
		if (b.gap === null) return -1;
		return a.gap - b.gap;
	}
	return a.taskId - b.taskId;
}

/**
 * The deck's lists, taken from an attention list that is complete — shorter than its limit, so it holds every
 * task the filters select that is behind, not started or flagged, in attention order — rather than read again.
 * They are what `listSevereTasksByCategory` and `listFlaggedAttentionTasks` (queries/attention-lists.ts) read for
 * the same scope, period and filters (attention-lists.spec.ts compares them); an incomplete list cannot give them.
 */
export const fromCompleteAttention = {
	/** The first `limit` tasks of the category `key` (a name or its key) whose status is one of `statuses`. */
	ofCategory<T extends { category: string | null; status: Status }>(
		complete: readonly T[],
		key: string,
		statuses: readonly Status[],
		limit: number
	): T[] {
		const wanted = categoryKey(key);
		const listed = complete.filter((task) => statuses.includes(task.status) && categoryKey(task.category) === wanted);
		return listed.slice(0, limit);
	},
	/** The first `limit` tasks that carry a flag of one of `kinds`: the severe ones first, as the list has them. */
	flagged<T extends { flags: readonly FlagKind[] }>(
		complete: readonly T[],
		kinds: readonly FlagKind[],
		limit: number
	): T[] {
		return complete.filter((task) => task.flags.some((flag) => kinds.includes(flag))).slice(0, limit);
	}
};

/**
 * Why a task listed for its status shows a green light, so a green dot never sits unexplained beside
 * 欠进度 or 未启动: its period target was zero, or its figures meet 序时进度 while its report says otherwise.
 * Null where there is nothing to explain.
 */
export function greenLightReason(task: {
	status: Status;
	light: TrafficLight | null;
	periodTarget: string | null;
}): 'zeroTarget' | 'reportDisagrees' | null {
	if (task.light !== 'green' || !ATTENTION_STATUSES.includes(task.status)) return null;
	return zeroPeriodTarget(task.periodTarget) ? 'zeroTarget' : 'reportDisagrees';
}

/** Each reason's words in the UI dictionary; `{status}` takes the task's status label. */
export const GREEN_REASON_LABEL: Record<NonNullable<ReturnType<typeof greenLightReason>>, MessageKey> = {
	zeroTarget: 'attentionGreenZeroTarget',
	reportDisagrees: 'attentionGreenReportDisagrees'
};
