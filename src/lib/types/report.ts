/**
 * What the printed handout (`/report`) shows: the overview's figures for one scope and period, and
 * the scope's tasks by category. Declared here, not beside the loader, so the page can use them.
 */
import type { Status, StatusSource } from '../domain/status';
import type { DataAsOf } from './comparison';
import type { OverviewData } from './overview';
import type { ChangesData } from './changes';
import type { Filters } from '../filters';

/** One row of a category's table on paper: the task, its status and gap to 序时进度, its owner. */
export interface ReportTask {
	taskId: number;
	/** 序号 as printed, else the report position. */
	seq: string;
	name: string;
	organization: string;
	category: string | null;
	owner: string | null;
	status: Status;
	statusSource: StatusSource;
	/** Percentage points above (positive) or below 序时进度; null without a completion ratio. */
	gap: number | null;
}

/** The tasks the handout lists: at most REPORT_TASK_LIMIT of `total`, in category then report order. */
export interface ReportTasks {
	rows: ReportTask[];
	total: number;
}

/** Everything the handout draws (src/lib/server/report/Handout.svelte). */
export interface Handout {
	/** The organizations in scope as named on the cover and in the footer (sample data labelled), or 全部单位. */
	scopeName: string;
	/** The scope names organizations (their names are data, not words to translate). */
	namesOrganizations: boolean;
	/** The day the handout was made, YYYY-MM-DD by the server's clock. */
	madeOn: string;
	/** The period's figures and tasks; null when nothing in scope has data. */
	report:
		| (OverviewData & {
				periodLabel: string;
				dataAsOf: DataAsOf;
				tasks: ReportTasks;
		  })
		| null;
	/** What changed since the last meeting (the change view's loader, and the filters its links keep); null leaves its section out. */
	changes: { data: ChangesData; filters: Filters } | null;
}
