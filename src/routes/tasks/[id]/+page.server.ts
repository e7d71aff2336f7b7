import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/app';
import { parseTaskView } from '$lib/server/task-view';
import * as tasks from '$lib/server/queries/tasks';
import { pageOfIndex } from '$lib/table-params';

export const load: PageServerLoad = async ({ params, url }) => {
	const db = getDb();
	const id = /^\d{1,15}$/.test(params.id) ? Number(params.id) : null;
	const task = id === null ? undefined : await tasks.getTask(db, id);
	if (!task) error(404, `no task ${params.id}`);

	// The list this page was opened from: its filters and order decide previous/next.
	const { filters, scope, table } = await parseTaskView(db, url);
	const [history, sources, neighbours] = await Promise.all([
		tasks.getTaskHistory(db, task.id),
		tasks.listTaskSources(db, task.id),
		scope.period ? tasks.getTaskNeighbours(db, scope, scope.period.id, filters, table, task.id) : null
	]);
	return {
		task,
		history,
		sources,
		filters,
		table: neighbours ? { ...table, page: pageOfIndex(neighbours.index, table.size) } : table,
		neighbours,
		scopePeriodId: scope.period?.id ?? null
	};
};
