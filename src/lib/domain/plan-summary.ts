/**
 * Shapes flat status counts (one row per plan × period × status × source) into one summary
 * per plan, periods in order, for the first page.
 */
import { group } from 'd3-array';
import type { Status } from './status';
import type { PlanPeriodStatusCount } from '../types/organizations';
import { emptyStatusCounts } from './measures';

/** One row per plan × period × status × source, as the plan query returns it. */
export type StatusCountRow = Omit<PlanPeriodStatusCount, 'quarter' | 'monthStart'> &
	Partial<Pick<PlanPeriodStatusCount, 'quarter' | 'monthStart'>>;

export interface PeriodSummary {
	periodId: number;
	label: string;
	/** Where the rows carry them, so English can name the period (2024 Q2, 2024 Jan–Jun). */
	quarter?: number | null;
	monthStart?: number | null;
	monthEnd: number;
	total: number;
	/** Task count per status, every status present (0 where none). */
	byStatus: Record<Status, number>;
	/** How many of the total have a status inferred from free text. */
	inferred: number;
}

export interface PlanSummary {
	planId: number;
	organization: string;
	parentOrganization: string | null;
	/** Sample data (示例数据): labelled wherever shown. */
	isSample: boolean;
	year: number;
	/** Oldest first. */
	periods: PeriodSummary[];
}

export function summarisePlans(rows: StatusCountRow[]): PlanSummary[] {
	return [...group(rows, (r) => r.planId).values()].map((planRows) => {
		const first = planRows[0];
		const periods = [...group(planRows, (r) => r.periodId).values()]
			.map((periodRows): PeriodSummary => {
				const byStatus = emptyStatusCounts();
				let inferred = 0;
				for (const row of periodRows) {
					byStatus[row.status] += row.taskCount;
					if (row.statusSource === 'inferred') inferred += row.taskCount;
				}
				return {
					periodId: periodRows[0].periodId,
					label: periodRows[0].periodLabel,
					quarter: periodRows[0].quarter,
					monthStart: periodRows[0].monthStart,
					monthEnd: periodRows[0].monthEnd,
					total: periodRows.reduce((sum, r) => sum + r.taskCount, 0),
					byStatus,
					inferred
				};
			})
			.sort((a, b) => a.monthEnd - b.monthEnd);
		return {
			planId: first.planId,
			organization: first.organization,
			parentOrganization: first.parentOrganization,
			isSample: first.isSample,
			year: first.year,
			periods
		};
	});
}
