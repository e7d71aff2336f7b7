/**
 * A notice's own counts per status (达到序时进度44项, 未达到序时进度11项), kept as the period's
 * summary, and the check of those counts against the items the notice names. Notices usually
 * name only the laggards and count the rest, so a mismatch is normal — but it means the tasks
 * imported are not the whole picture, and the dashboard says so.
 */
import type { Status } from '../../domain/status';
import type { DraftCategory, DraftFlag } from './types';

/** One status group's stated count. */
export interface SummaryCount {
	status: Status;
	/** The group's words as printed (未达到序时进度, 达序时或超序时进度). */
	phrase: string;
	count: number;
	/** How many items the notice names under this group. */
	named: number;
	/** 1-based line of the page. */
	line: number;
}

/** The counts of one part of a notice (省实事 / 市实事; one part when the notice is not divided). */
export interface SummaryScope {
	/** The part's name where the notice gives one (a heading, 省实事11件15项中), else null. */
	name: string | null;
	/** The number of items the part covers, where stated (量化指标任务共55项). */
	total: number | null;
	counts: SummaryCount[];
}

export type PeriodSummary = SummaryScope[];

/**
 * summary_mismatch flags: a group whose stated count differs from the items named under it (its
 * tasks are those of the part whose evidence is the group's words), or counts that do not add up
 * to the part's stated total.
 */
export function summaryFlags(summary: PeriodSummary, categories: readonly DraftCategory[]): DraftFlag[] {
	const flags: DraftFlag[] = [];
	for (const scope of summary) {
		const where = scope.name ? `“${scope.name}”中` : '';
		const tasks = categories.filter((c) => c.name === scope.name).flatMap((c) => c.tasks);
		for (const count of scope.counts) {
			if (count.named === count.count) continue;
			flags.push({
				kind: 'summary_mismatch',
				tasks: tasks.filter((t) => t.status === count.status && t.evidence[0] === count.phrase).map((t) => t.name),
				detail: `通报${where}称“${count.phrase}”${count.count}项，列出${count.named}项`
			});
		}
		const sum = scope.counts.reduce((n, c) => n + c.count, 0);
		if (scope.total !== null && sum !== scope.total) {
			flags.push({
				kind: 'summary_mismatch',
				tasks: [],
				detail: `通报${where}各状态合计${sum}项，与所述总数${scope.total}项不符`
			});
		}
	}
	return flags;
}
