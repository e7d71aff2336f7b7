/**
 * An indicator's status from its numbers (指标: target, actual, percent of the annual target,
 * growth). Indicator pages state figures, not verdicts, so the status follows from how the figures
 * compare: a percent of the annual target against 序时进度; a growth rate or a level against its
 * target, which is met or not at any point of the year (growth is not cumulative); a ceiling
 * (失业率控制在4.5%以内) is met while the actual stays under it. The figures that decided are the
 * evidence, so a reader can check them.
 */
import { periodEndMonth, type Period } from './period';
import { schedulePercent, statusFromProgress } from './progress';
import type { Status } from './status';

export interface IndicatorFigures {
	/** The target's value, and whether it is a floor (≥), a ceiling (≤) or a level to reach (=). */
	target: { value: number; comparator: '>=' | '<=' | '=' | '~'; text: string } | null;
	/**
	 * How the target is measured: a quantity that accumulates over the year (个, 亿元, 人) or a rate
	 * that is what it is at any time (增长6%, 失业率4.5%).
	 */
	kind: 'cumulative' | 'rate';
	/** The actual figure in the target's unit, or null. */
	actual: number | null;
	/** Percent of the annual target as the page states it (完成年度目标的56%), or null. */
	percent: number | null;
	/** The words it was stated in (完工率70%), for the evidence. */
	percentText?: string | null;
	/** A stated deviation from the target in percentage points (比目标高0.5个百分点 → 0.5, 低 → −0.5), or null. */
	deviation: number | null;
	/** A stated verdict on the target (符合年度预期目标, 完成年度目标): true met, false missed, null none. */
	met: boolean | null;
}

export interface IndicatorStatus {
	status: Status;
	/** The percent of the annual target, stated or computed from actual ÷ target; null for rates. */
	percent: number | null;
	evidence: string[];
}

const round = (n: number) => Math.round(n * 10) / 10;
/** A figure as evidence: as precise as pages print them (3.57, 66.7). */
const show = (n: number) => String(Math.round(n * 100) / 100);

/** The status the figures imply at the period's end, or null when they decide nothing. */
export function indicatorStatus(
	figures: IndicatorFigures,
	period: Pick<Period, 'quarter' | 'months'>
): IndicatorStatus | null {
	const { target, actual, deviation } = figures;
	const yearEnd = periodEndMonth(period) === 12;
	const reached = (met: boolean): Status => (met ? (yearEnd ? 'completed' : 'on_track') : 'behind');
	if (figures.kind === 'cumulative' && target && actual !== null && target.comparator !== '<=' && target.value > 0) {
		const percent = figures.percent ?? round((actual / target.value) * 100);
		return fromPercent(percent, period, [`完成${show(actual)}／目标${target.text}`], figures.percentText);
	}
	if (figures.percent !== null) return fromPercent(figures.percent, period, [], figures.percentText);
	if (deviation !== null) {
		const status: Status = deviation > 0 ? (yearEnd ? 'completed' : 'ahead') : deviation < 0 ? 'behind' : reached(true);
		return { status, percent: null, evidence: [`与目标相差${show(deviation)}个百分点`] };
	}
	if (target && actual !== null) {
		const met = target.comparator === '<=' ? actual <= target.value : actual >= target.value;
		const word = target.comparator === '<=' ? (met ? '未超过' : '超过') : met ? '达到' : '未达到';
		return { status: reached(met), percent: null, evidence: [`实际${show(actual)}，${word}目标${target.text}`] };
	}
	if (figures.met !== null) return { status: reached(figures.met), percent: null, evidence: [] };
	return null;
}

function fromPercent(
	percent: number,
	period: Pick<Period, 'quarter' | 'months'>,
	evidence: string[],
	stated: string | null = null
): IndicatorStatus | null {
	const status = statusFromProgress(percent, period);
	if (!status) return null;
	return {
		status,
		percent,
		evidence: [...evidence, stated ?? `完成年度目标的${show(percent)}%`, `序时进度${show(schedulePercent(period))}%`]
	};
}
