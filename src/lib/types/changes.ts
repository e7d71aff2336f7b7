/**
 * What changed since an earlier period, as the change panel, the slide and the handout receive it
 * (src/lib/server/pages/changes.ts `loadChanges`). Kinds and their rules: src/lib/domain/changes.ts.
 */
import type { ChangeCounts } from '../domain/changes';
import type { Status } from '../domain/status';
import type { ScopePeriod } from './scope';

/** One category's or organization's tasks of each kind of change. */
export interface ChangeCountsOf {
	/** The category's name (null: uncategorised) or the organization's. */
	name: string | null;
	/** The organization's id, for its link; null for a category. */
	id: number | null;
	counts: ChangeCounts;
}

/** A task behind or not started for several periods in a row, up to the selected one. */
export interface LongBehindTask {
	taskId: number;
	name: string;
	organization: string;
	category: string | null;
	status: Status;
	/** Periods in a row behind or not started, the selected one included. */
	periods: number;
}

export interface ChangesData {
	period: ScopePeriod;
	/** The earlier period compared with; null when the year has none before the selected one. */
	since: ScopePeriod | null;
	/** Tasks of the selected period by kind of change; they add up to its tasks. */
	counts: ChangeCounts;
	/** The categories with the most changes (at most CHANGE_CATEGORIES), in report order. */
	byCategory: ChangeCountsOf[];
	/** Categories with tasks in the period that `byCategory` leaves out (a city has hundreds). */
	byCategoryMore: number;
	/** The scope's children (as the comparison ranks them); empty for a scope without children. */
	byOrganization: ChangeCountsOf[];
	longBehind: {
		/** The fewest periods in a row listed (domain/changes.ts LONG_BEHIND_PERIODS). */
		min: number;
		/** The first tasks, most periods first. */
		tasks: LongBehindTask[];
		/** All such tasks in scope. */
		total: number;
	};
}
