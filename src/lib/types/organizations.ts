/** Organizations and plan summaries as the selector and the plan list show them. */
import type { Status, StatusSource } from '../domain/status';

export interface OrganizationOption {
	id: number;
	name: string;
	parentId: number | null;
	/** Depth in the tree, 0 for a top-level body. */
	depth: number;
	/** Sample data (示例数据): the selector labels it. */
	isSample: boolean;
}

/** One row per plan × period × status × status source: current updates only. */
export interface PlanPeriodStatusCount {
	planId: number;
	organization: string;
	parentOrganization: string | null;
	/** Sample data (示例数据), to be labelled wherever shown. */
	isSample: boolean;
	year: number;
	periodId: number;
	periodLabel: string;
	quarter: number | null;
	monthStart: number | null;
	monthEnd: number;
	status: Status;
	statusSource: StatusSource;
	taskCount: number;
}
