/**
 * Everything `/tasks/[id]` loads: the task, its history and sources, and the list it was opened from
 * (its filters and order decide previous/next), each update with its progress against 序时进度 by the
 * configured traffic-light rule.
 */
import { error } from '@sveltejs/kit';
import type { DB } from '../db';
import { settings } from '../app';
import * as tasks from '../queries/tasks';
import { getTaskNeighbours, readsPlaceByKey } from '../queries/task-neighbours';
import * as taskDetail from '../queries/task-detail';
import { pageOfIndex } from '../../table-params';
import { updateProgress } from '../../domain/measures';
import { parseTaskView, pathId } from './request';
import { requireReadable } from '../auth/reading';
import { getTaskOrganizationId } from '../queries/reading';
import { VersionedCache } from '../list-cache';
import { organizationsKey } from '../queries/scope-memo';
import { neighboursIn } from '../../domain/neighbours';
import { taskChange } from '../../domain/task-change';
import type { Filters } from '../../filters';
import type { Scope } from '../../types/scope';
import type { TaskOrder } from '../../types/tasks';

/** The orders of the lists task pages were opened from (see VersionedCache). */
const listOrders = new VersionedCache<number[]>();

export async function loadTaskDetailPage(db: DB, url: URL, locals: App.Locals) {
	const id = pathId(url, 2);
	const task = id === null ? undefined : await taskDetail.getTask(db, id);
	if (!task) error(404, `no task ${url.pathname.split('/')[2]}`);
	if (locals.readable) requireReadable(locals, (await getTaskOrganizationId(db, task.id))!);

	const { filters, scope, table } = await parseTaskView(db, url, locals);
	const [history, sources, neighbours] = await Promise.all([
		taskDetail.getTaskHistory(db, task.id),
		taskDetail.listTaskSources(db, task.id),
		scope.period ? neighboursOf(db, locals, scope, scope.period.id, filters, table, task.id) : null
	]);
	// The page only shows these: the measures and the configured rule are applied here, once.
	const rule = settings().trafficLightRule;
	const target = task.targets[0] ?? null;
	return {
		task,
		history: history.map((update) => ({ ...update, progress: updateProgress(update, target, rule) })),
		sources,
		filters,
		table: neighbours ? { ...table, page: pageOfIndex(neighbours.index, table.size) } : table,
		neighbours,
		scopePeriodId: scope.period?.id ?? null,
		// The change since the list's earlier period, with the diff of the two status texts (TaskChange.svelte).
		change: taskChange(history, scope.period?.id ?? null, scope.since?.id ?? null),
		trafficLightRule: rule
	};
}

/**
 * The task's place in the list the page was opened from. In report order over every organization, without a
 * search, the query reads it from the task's key; otherwise from the list's task ids, kept per data version when
 * the request has one (a cacheable page), so stepping through a list sorts it once.
 */
async function neighboursOf(
	db: DB,
	locals: App.Locals,
	scope: Scope,
	periodId: number,
	filters: Filters,
	table: TaskOrder,
	taskId: number
) {
	const order: TaskOrder = { sort: table.sort, dir: table.dir };
	if (readsPlaceByKey(scope, order, filters)) return getTaskNeighbours(db, scope, periodId, filters, order, taskId);
	const load = () => tasks.listOrderedTaskIds(db, scope, periodId, filters, order);
	const key = organizationsKey(scope, periodId, filters, order);
	const ids = await (locals.dataVersion === undefined ? load() : listOrders.get(key, locals.dataVersion, load));
	return neighboursIn(ids, taskId);
}
