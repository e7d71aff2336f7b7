/**
 * The overview's KPI tiles from status counts of the current and previous period.
 */
import { sum } from 'd3-array';
import type { Status, StatusSource } from './status';
import type { MessageKey } from '../i18n';

export type KpiKey = 'tasks' | 'completed' | 'on_track' | 'behind' | 'not_started' | 'unknown';

/** The statuses each tile counts; on track counts ahead in (and shows it apart). */
export const KPI_STATUSES: Record<KpiKey, Status[] | null> = {
	tasks: null,
	completed: ['completed'],
	on_track: ['ahead', 'on_track'],
	behind: ['behind'],
	not_started: ['not_started'],
	unknown: ['unknown']
};

/** Each tile's label in the UI dictionary. */
export const KPI_LABEL: Record<KpiKey, MessageKey> = {
	tasks: 'kpiTasks',
	completed: 'kpiCompleted',
	on_track: 'kpiOnTrack',
	behind: 'kpiBehind',
	not_started: 'kpiNotStarted',
	unknown: 'kpiUnknown'
};

export interface Kpi {
	key: KpiKey;
	count: number;
	/** Share of all tasks, 0–1 (1 for the tasks tile). */
	share: number;
	/** How many of `count` have a status inferred from free text. */
	inferred: number;
	/** Change in count against the previous period; null where there is none. */
	change: number | null;
	/** For on track: how many of `count` are ahead. */
	ahead?: number;
}

interface Row {
	periodId: number;
	status: Status;
	statusSource: StatusSource;
	taskCount: number;
}

export function computeKpis(rows: Row[], periodId: number, previousPeriodId: number | null): Kpi[] {
	const count = (pid: number, statuses: Status[] | null, source?: StatusSource) =>
		sum(rows, (r) =>
			r.periodId === pid && (!statuses || statuses.includes(r.status)) && (!source || r.statusSource === source)
				? r.taskCount
				: 0
		);
	const total = count(periodId, null);
	return (Object.keys(KPI_STATUSES) as KpiKey[]).map((key) => {
		const statuses = KPI_STATUSES[key];
		const n = count(periodId, statuses);
		const kpi: Kpi = {
			key,
			count: n,
			share: total === 0 ? 0 : n / total,
			inferred: count(periodId, statuses, 'inferred'),
			change: previousPeriodId === null ? null : n - count(previousPeriodId, statuses)
		};
		if (key === 'on_track') kpi.ahead = count(periodId, ['ahead']);
		return kpi;
	});
}
