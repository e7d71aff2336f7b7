/**
 * Which task of the plan each row of a report speaks of (pure; part of import-plan.ts). A row
 * is the task of the same name in the same category, else the task of that name anywhere in the
 * plan when the plan has only one (it moved category); otherwise a new task. Each task is
 * claimed by one row at most, so two rows of one name — in two categories, or two different
 * rows in one — are two tasks and never two updates of one task for the same period.
 */
import type { Insertable } from 'kysely';
import type { Database } from '../db/schema';
import type { DraftCategory, DraftTask, ReportDraft } from '../import/types';
import type { Ids, PlanState, TaskRow } from './import-state';
import { categoryKey } from '../../domain/category-key';

type Attributes = Pick<TaskRow, 'category_id' | 'seq_no' | 'name' | 'content' | 'owner' | 'leader'>;
const ATTRIBUTES = ['category_id', 'seq_no', 'name', 'content', 'owner', 'leader'] as const;

export interface TasksPlan {
	categories: Insertable<Database['categories']>[];
	created: Insertable<Database['tasks']>[];
	/** Existing tasks brought up to this report (name, content, owner … as it states them). */
	changed: TaskRow[];
	/** Every draft task's id, in the draft's order. */
	idOf: Map<DraftTask, number>;
	isNew: Set<number>;
}

export function matchTasks(draft: ReportDraft, plan: PlanState | null, planId: number, ids: Ids): TasksPlan {
	const { categoryOf, rows: categories } = planCategories(draft, plan, planId, ids);
	const existing = matchExisting(draft, plan?.tasks ?? [], categoryOf);
	let position = Math.max(0, ...(plan?.tasks ?? []).map((t) => t.position));
	const result: TasksPlan = { categories, created: [], changed: [], idOf: new Map(), isNew: new Set() };
	for (const category of draft.categories) {
		for (const task of category.tasks) {
			const attributes: Attributes = {
				category_id: categoryOf.get(category)!,
				seq_no: task.seqNo,
				name: task.name,
				content: task.content,
				owner: task.owner,
				leader: task.leader
			};
			const row = existing.get(task);
			if (row) {
				if (ATTRIBUTES.some((key) => row[key] !== attributes[key])) result.changed.push({ ...row, ...attributes });
				result.idOf.set(task, row.id);
			} else {
				const id = ids.take('tasks');
				result.created.push({ id, plan_id: planId, position: ++position, ...attributes });
				result.idOf.set(task, id);
				result.isNew.add(id);
			}
		}
	}
	return result;
}

/**
 * Each draft category's id: the plan's category of that key (a heading typed with other commas or spaces
 * is the same category, published as first seen), or a new one at the end.
 */
function planCategories(draft: ReportDraft, plan: PlanState | null, planId: number, ids: Ids) {
	const known = new Map((plan?.categories ?? []).map((c) => [categoryKey(c.name), c.id]));
	let position = Math.max(0, ...(plan?.categories ?? []).map((c) => c.position));
	const rows: Insertable<Database['categories']>[] = [];
	const categoryOf = new Map<DraftCategory, number>();
	for (const category of draft.categories) {
		const key = categoryKey(category.name);
		let id = known.get(key);
		if (id === undefined) {
			id = ids.take('categories');
			known.set(key, id);
			rows.push({ id, plan_id: planId, name: category.name, name_key: key, position: ++position });
		}
		categoryOf.set(category, id);
	}
	return { categoryOf, rows };
}

/** Draft tasks that are existing tasks: same name and category first, then a plan's only task of a name. */
function matchExisting(
	draft: ReportDraft,
	tasks: TaskRow[],
	categoryOf: Map<DraftCategory, number>
): Map<DraftTask, TaskRow> {
	const byName = new Map<string, TaskRow[]>();
	for (const task of tasks) byName.set(task.name, [...(byName.get(task.name) ?? []), task]);
	const claimed = new Set<TaskRow>();
	const matched = new Map<DraftTask, TaskRow>();
	const rows = draft.categories.flatMap((category) => category.tasks.map((task) => ({ task, category })));
	for (const { task, category } of rows) {
		const row = byName.get(task.name)?.find((c) => c.category_id === categoryOf.get(category) && !claimed.has(c));
		if (row) {
			claimed.add(row);
			matched.set(task, row);
		}
	}
	for (const { task } of rows) {
		const only = byName.get(task.name);
		if (matched.has(task) || only?.length !== 1 || claimed.has(only[0])) continue;
		claimed.add(only[0]);
		matched.set(task, only[0]);
	}
	return matched;
}
