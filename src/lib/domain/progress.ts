/**
 * 序时进度 (pro-rata schedule) as a rule: where an update has a completion percent (actual ÷
 * yearly target), its status follows from how that percent compares with the share of the year
 * elapsed at the period's end. The synthetic data obeys this rule, and checks of imported data
 * can use it to spot a status that contradicts its own numbers. (How far behind, in traffic-light
 * colours, is schedule.ts.)
 */
import { elapsedFraction, type Period } from './period';
import type { Status } from './status';

export interface ProgressThresholds {
	/**
	 * Percentage points below 序时进度 still counted as on track. DESIGN.md: a task is behind when
	 * actual ÷ target is below the elapsed fraction, so the default is 0.
	 */
	tolerance: number;
	/** Percentage points above 序时进度 from which a task counts as ahead (超序时进度). */
	ahead: number;
}

export const DEFAULT_PROGRESS_THRESHOLDS: ProgressThresholds = { tolerance: 0, ahead: 10 };

/** 序时进度 in percent at the period's end: Q1 25, 上半年 50, 1-11月 91.67, 全年 100. */
export function schedulePercent(period: Pick<Period, 'quarter' | 'months'>): number {
	return elapsedFraction(period) * 100;
}

/**
 * The status a completion percent implies at a period's end, or null without a percent.
 * ≥ 100 is completed at any period (提前完成 before year end); 0 or less is not started;
 * below 序时进度 − tolerance is behind (at year end: anything short of 100); at least
 * `ahead` points above 序时进度 is ahead; otherwise on track.
 */
export function statusFromProgress(
	percent: number | null,
	period: Pick<Period, 'quarter' | 'months'>,
	thresholds: ProgressThresholds = DEFAULT_PROGRESS_THRESHOLDS
): Status | null {
	if (percent === null || !Number.isFinite(percent)) return null;
	if (percent >= 100) return 'completed';
	if (percent <= 0) return 'not_started';
	const schedule = schedulePercent(period);
	if (percent < schedule - thresholds.tolerance) return 'behind';
	if (percent >= schedule + thresholds.ahead) return 'ahead';
	return 'on_track';
}
