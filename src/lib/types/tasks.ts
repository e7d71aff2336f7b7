/** The rows of the task table and the task page, shared by the task queries and the pages that show them. */
import type { Filters } from '../filters';
import type { FlagKind } from '../domain/flags';
import type { Status, StatusSource } from '../domain/status';
import type { UpdateProgress } from '../domain/measures';
import type { SortDir, TaskSortKey } from '../table-params';
import type { TaskFilters } from './scope';

/** The task filters plus the search text. */
export type TaskListFilters = TaskFilters & Pick<Filters, 'q'>;

export interface TaskOrder {
	sort: TaskSortKey;
	dir: SortDir;
}

export interface ThemeName {
	name: string;
	nameEn: string | null;
}

/** One row of the task table: a task and its current update in one period. */
export interface TaskRow {
	taskId: number;
	updateId: number;
	planId: number;
	year: number;
	organization: string;
	/** The organization holds sample data (示例数据): labelled wherever it appears. */
	organizationIsSample: boolean;
	/** 序号 as printed, else null (the table shows the position). */
	seqNo: string | null;
	/** Report order within the plan, from 1. */
	position: number;
	category: string | null;
	name: string;
	content: string | null;
	themes: ThemeName[];
	owner: string | null;
	leader: string | null;
	status: Status;
	statusSource: StatusSource;
	statusText: string | null;
	/** A confirmed status's person (null otherwise); statusAt is when the update was written. */
	confirmedBy?: string | null;
	statusAt?: string;
	/** Distinct flag kinds on this update, in FLAG_KINDS order. */
	flags: FlagKind[];
	/** Completion ratio and gap to 序时进度 in points (src/lib/domain/measures.ts); null without a ratio. */
	ratio: number | null;
	gap: number | null;
}

/** Where a task stands in the filtered, sorted table: its 0-based index, the total, and its neighbours. */
export interface TaskNeighbours {
	index: number;
	total: number;
	previousId: number | null;
	nextId: number | null;
}

/** One task with what it belongs to. */
export interface TaskDetail {
	id: number;
	planId: number;
	year: number;
	organization: string;
	organizationIsSample: boolean;
	parentOrganization: string | null;
	category: string | null;
	seqNo: string | null;
	position: number;
	name: string;
	content: string | null;
	owner: string | null;
	leader: string | null;
	themes: ThemeName[];
	/** Targets read from the content, in content order. */
	targets: { value: number; unit: string; comparator: string; text: string }[];
}

export interface HistoryFlag {
	kind: FlagKind;
	detail: string;
	relatedTaskId: number | null;
	relatedTaskName: string | null;
}

/** One update of a task: a period's status text and status, current or superseded. */
export interface TaskUpdate {
	id: number;
	periodId: number;
	year: number;
	quarter: number | null;
	monthStart: number | null;
	monthEnd: number;
	periodLabel: string;
	statusText: string | null;
	status: Status;
	statusSource: StatusSource;
	/** The phrases that decided the status. */
	evidence: string[];
	percent: number | null;
	actualValue: number | null;
	periodTarget: string | null;
	notes: string | null;
	createdAt: string;
	/** Null for the period's current update. */
	supersededAt: string | null;
	/** A confirmation's person and reason (created_at is when); null for a document's reading. */
	confirmedBy?: string | null;
	reason?: string | null;
	sourceId: number | null;
	sourceTitle: string | null;
	sourcePublishedOn: string | null;
	flags: HistoryFlag[];
}

/** An update as the task page receives it: with its progress against 序时进度 (null: nothing measurable). */
export interface TaskUpdateWithProgress extends TaskUpdate {
	progress: UpdateProgress | null;
}

/** A document a task's updates came from: its metadata and the part of its text around the task. */
export interface TaskSource {
	id: number;
	fileName: string | null;
	title: string | null;
	indexNo: string | null;
	publisher: string | null;
	writtenOn: string | null;
	publishedOn: string | null;
	subject: string | null;
	url: string | null;
	importedAt: string;
	periodLabel: string;
	/** Characters in the whole text. */
	textLength: number;
	/** About 1 000 characters of the text from just before the task's name (the start when the name is not found). */
	excerpt: string;
	excerptStart: number;
}
