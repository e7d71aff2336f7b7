/**
 * Where a task stands in the filtered, sorted task table it was opened from (its task page's previous,
 * next and "n of total"), over the same rows as the table (tasks.ts).
 */
import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../db';
import type { Database } from '../db/schema';
import { neighboursIn } from '../../domain/neighbours';
import { parseSearch } from '../../domain/search';
import type { SortDir } from '../../table-params';
import type { Scope } from '../../types/scope';
import type { TaskListFilters, TaskNeighbours, TaskOrder } from '../../types/tasks';
import { filteredUpdates } from './task-search';
import { countTasks, listOrderedTaskIds, orderedUpdates, plansOfPeriodYear, walksInReportOrder } from './tasks';

/**
 * Whether a task's place in this list is read from its key (neighboursInReportOrder): where the list can be
 * walked in report order and is not a search's. Otherwise it is found in the whole list of ids. A search
 * lists few rows (the table reads them all, listTaskPage), and the walk would ask each of the period's tasks
 * on either side whether it matches: for a task in the middle of a province's 数字化改造, 30 ms over four
 * walks against 7 for the list.
 */
export function readsPlaceByKey(
	scope: Pick<Scope, 'organizationIds'>,
	order: TaskOrder,
	filters: Pick<TaskListFilters, 'q'>
): boolean {
	return walksInReportOrder(scope, order) && parseSearch(filters.q).terms.length === 0;
}

/**
 * The task's place in the filtered table for one period, or null when the filters exclude it: read from
 * the task's key where readsPlaceByKey, else from the whole ordered list.
 */
export async function getTaskNeighbours(
	db: DB,
	scope: Scope,
	periodId: number,
	filters: TaskListFilters,
	order: TaskOrder,
	taskId: number
): Promise<TaskNeighbours | null> {
	if (readsPlaceByKey(scope, order, filters))
		return neighboursInReportOrder(db, scope, periodId, filters, order.dir, taskId);
	return neighboursIn(await listOrderedTaskIds(db, scope, periodId, filters, order), taskId);
}

/**
 * A task's place in the list in report order without the list: the rows before it counted and the one
 * just before and just after it read, each by the walk from its (plan, position) key, which the order
 * holds unique; the total is the table's count. For a task in the middle of a province's period, 19 ms
 * against 55 for sorting the period's 50 845 ids.
 */
async function neighboursInReportOrder(
	db: DB,
	scope: Scope,
	periodId: number,
	filters: TaskListFilters,
	dir: SortDir,
	taskId: number
): Promise<TaskNeighbours | null> {
	const listed = await filteredUpdates(db, scope, periodId, filters, { categories: false, plans: false })
		.where('tasks.id', '=', taskId)
		.select(['tasks.plan_id as planId', 'tasks.position'])
		.executeTakeFirst();
	if (!listed) return null;
	const back: SortDir = dir === 'asc' ? 'desc' : 'asc';
	// From the task's plan on, toward one end: SQLite walks the plans from there, not from the list's start.
	const walk = (toward: SortDir) =>
		orderedUpdates(db, scope, periodId, filters, { sort: 'seq', dir: toward }).where(
			'tasks.plan_id',
			'in',
			plansOfPeriodYear(db, periodId).where('plans.id', toward === 'asc' ? '>=' : '<=', listed.planId)
		);
	const [before, previous, next, total] = await Promise.all([
		walk(back)
			.clearOrderBy()
			.where(beyond(listed, back))
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow(),
		walk(back).where(beyond(listed, back)).select('tasks.id').limit(1).executeTakeFirst(),
		walk(dir).where(beyond(listed, dir)).select('tasks.id').limit(1).executeTakeFirst(),
		countTasks(db, scope, periodId, filters)
	]);
	return { index: Number(before.n), total, previousId: previous?.id ?? null, nextId: next?.id ?? null };
}

/** Rows past a (plan, position) key in report order going `toward` ascending or descending. */
function beyond(key: { planId: number; position: number }, toward: SortDir) {
	const past = toward === 'asc' ? '>' : '<';
	return (eb: ExpressionBuilder<Database, 'tasks'>) =>
		eb.or([
			eb('tasks.plan_id', past, key.planId),
			eb.and([eb('tasks.plan_id', '=', key.planId), eb('tasks.position', past, key.position)])
		]);
}
