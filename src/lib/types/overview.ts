/**
 * The rows the overview's queries return and the pages draw: counts by period, category and theme, progress
 * against 序时进度, the attention list and status changes. Declared here, not beside the queries, so browser code
 * can use them without reaching into $lib/server.
 */
import type { Status, StatusSource } from '../domain/status';
import type { FlagKind } from '../domain/flags';
import type { Kpi } from '../domain/kpi';
import type { TrafficLight } from '../domain/schedule';
import type { ScopePeriod } from './scope';

/** Task count per period × status × status source. */
export interface PeriodStatusCount {
	periodId: number;
	status: Status;
	statusSource: StatusSource;
	taskCount: number;
}

/** Task count per category name × status × source in one period; categories in report order. */
export interface CategoryStatusCount {
	category: string | null;
	position: number;
	status: Status;
	statusSource: StatusSource;
	taskCount: number;
}

/** Task count per theme × status × source in one period. A task with two themes counts in both. */
export interface ThemeStatusCount {
	theme: string;
	themeEn: string | null;
	status: Status;
	statusSource: StatusSource;
	taskCount: number;
}

/** A period as pages show it: the same shape as the scope's selected period. */
export type PeriodRow = ScopePeriod;

/**
 * Progress against 序时进度 per period for tasks that have a numeric target and an actual (or a
 * stated percent): how many, their mean completion ratio (src/lib/domain/measures.ts).
 */
export interface PeriodProgress {
	periodId: number;
	taskCount: number;
	meanRatio: number;
}

export interface AttentionTask {
	taskId: number;
	name: string;
	category: string | null;
	organization: string;
	status: Status;
	statusSource: StatusSource;
	/** Who confirmed the status (status source 'confirmed'), and when the status was written. */
	confirmedBy?: string | null;
	statusAt?: string;
	flags: FlagKind[];
	/** The update's own period target (本期目标) as the report wrote it; a zero one keeps the light green. */
	periodTarget: string | null;
	/** Completion ratio (src/lib/domain/measures.ts) where the task has one. */
	ratio: number | null;
	/** Percentage points above (positive) or below 序时进度, with the ratio. */
	gap: number | null;
	/** Traffic light by the configured rule, with the ratio. */
	light: TrafficLight | null;
}

/** One task whose status differs between two periods. */
export interface StatusChange {
	taskId: number;
	name: string;
	/** Its category's key (domain/category-key.ts; '' for none), as the deck's category slides count. */
	key: string;
	from: Status;
	to: Status;
}

/** How many tasks of one category (by key) went from one status to another. */
export interface StatusChangeCount {
	key: string;
	from: Status;
	to: Status;
	count: number;
}

/** Changes from one status to another to list by name, in these categories (by key; null: in every one). */
export interface StatusPairToName {
	from: Status;
	to: Status;
	keys: string[] | null;
}

/**
 * What a deck says of the tasks whose status changed since the previous period, without listing a province's
 * 30 000: every change counted by category and pair of statuses; by name, at least the changes the notes may
 * name (the largest of the whole scope and of each category slide, present/notes.ts `pairsToName`), in report
 * order; and the earlier status of each changed task the deck lists, by task id.
 */
export interface StatusChanges {
	counts: StatusChangeCount[];
	named: StatusChange[];
	earlier: Record<number, Status>;
}

/**
 * The selected period in every year that has it (same end month), oldest first, with the counts and mean
 * completion the trend chart draws for a year's periods.
 */
export interface YearOverYear {
	periods: PeriodRow[];
	counts: PeriodStatusCount[];
	progress: PeriodProgress[];
}

/** The overview's numbers for one scope and period: what `/` shows and `/present` turns into slides. */
export interface OverviewData {
	period: ScopePeriod;
	/** The periods of the selected year that have data, in order. */
	periods: PeriodRow[];
	/** How many categories the scope has. */
	categoryCount: number;
	kpis: Kpi[];
	previous: PeriodRow | null;
	byPeriod: PeriodStatusCount[];
	/** Every category's counts, in report order; pages show them by size (src/lib/domain/category-ranking.ts). */
	byCategory: CategoryStatusCount[];
	byTheme: ThemeStatusCount[];
	progress: PeriodProgress[];
	attention: { total: number; tasks: AttentionTask[] };
}
