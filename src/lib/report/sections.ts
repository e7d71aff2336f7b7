/**
 * The handout's body, one section per category: pure, so the order and the counts a reader sees on
 * paper are tested without a browser.
 */
import { categoryKey } from '../domain/category-key';
import type { ReportTask } from '../types/report';

/** How many tasks the handout lists: a district's whole year fits; a city's is a book, and the task table is the place for it. */
export const REPORT_TASK_LIMIT = 400;

export interface ReportSection {
	/** The category's key (domain/category-key.ts, what the overview counts by); '' for tasks without one. */
	key: string;
	tasks: ReportTask[];
}

/**
 * One section per category key: every key of `categoryOrder` (the report's order, each counted in the
 * period even when none of its tasks is listed), then any other category a listed task names, and tasks
 * without a category ('') last. A task joins its category's key, so one heading typed with ASCII or with
 * full-width commas is one section, as it is one bar on the overview. Tasks keep their order within a section.
 */
export function groupSections(tasks: ReportTask[], categoryOrder: string[]): ReportSection[] {
	const byKey = new Map<string, ReportTask[]>();
	for (const task of tasks) {
		const key = categoryKey(task.category);
		const list = byKey.get(key);
		if (list) list.push(task);
		else byKey.set(key, [task]);
	}
	const keys = [...new Set([...categoryOrder, ...byKey.keys()])];
	const ordered = [...keys.filter((key) => key !== ''), ...keys.filter((key) => key === '')];
	return ordered.map((key) => ({ key, tasks: byKey.get(key) ?? [] }));
}

/** A gap to 序时进度 as printed: signed points with one decimal at most ("+3", "−12.5"), "—" without one. */
export function formatGap(gap: number | null): string {
	if (gap === null) return '—';
	// Half away from zero, so −0.05 prints as −0.1 as +0.05 prints as +0.1.
	const rounded = (Math.sign(gap) * Math.round(Math.abs(gap) * 10)) / 10;
	if (rounded === 0) return '0';
	return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)}`;
}
