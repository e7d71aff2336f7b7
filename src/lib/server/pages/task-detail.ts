/**
 * Everything `/tasks/[id]` loads: the task, its history and sources, and the list it was opened from
 * (its filters and order decide previous/next), each update with its progress against 序时进度 by the
 * configured traffic-light rule.
 */
import { error } from '@sveltejs/kit';
import type { DB } from '../db';
import { settings } from '../app';
import * as tasks from '../queries/tasks';
import * as taskDetail from '../queries/task-detail';
import { pageOfIndex } from '../../table-params';
import { updateProgress } from '../../domain/measures';
import { parseTaskView, pathId } from './request';

export async function loadTaskDetailPage(db: DB, url: URL, _locals: App.Locals) {
	const id = pathId(url, 2);
	const task = id === null ? undefined : await taskDetail.getTask(db, id);
	if (!task) error(404, `no task ${url.pathname.split('/')[2]}`);

	const { filters, scope, table } = await parseTaskView(db, url);
	const [history, sources, neighbours] = await Promise.all([
		taskDetail.getTaskHistory(db, task.id),
		taskDetail.listTaskSources(db, task.id),
		scope.period ? tasks.getTaskNeighbours(db, scope, scope.period.id, filters, table, task.id) : null
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
		trafficLightRule: rule
	};
}
