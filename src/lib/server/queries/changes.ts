/**
 * What changed between the scope's earlier period (`scope.since`) and a period: tasks counted by kind of change,
 * per category, and the tasks behind for several periods in a row. Every count goes through `scopedUpdates`
 * with the page's filters, and by the same expressions `?change=` and `?streak=` filter the task table with
 * (change-sql.ts), so a count and the rows its link lists cannot disagree.
 */
import { sql } from 'kysely';
import type { DB } from '../db';
import type { Scope, TaskFilters } from '../../types/scope';
import type { ChangeCountsOf, LongBehindTask } from '../../types/changes';
import type { Status } from '../../domain/status';
import {
	behindStreak,
	emptyChangeCounts,
	isChangeKind,
	type ChangeCounts,
	type ChangeKind
} from '../../domain/changes';
import { ATTENTION_STATUSES } from '../../domain/measures';
import { scopedUpdates } from './scope';
import { updateChangeSql } from './change-sql';

type ChangeScope = Pick<Scope, 'organizationIds' | 'excludedOrganizationIds' | 'since'>;

function toCounts(rows: { kind: ChangeKind; taskCount: number }[]): ChangeCounts {
	const counts = emptyChangeCounts();
	for (const r of rows) if (isChangeKind(r.kind)) counts[r.kind] += Number(r.taskCount);
	return counts;
}

/** Tasks of `periodId` by kind of change since `scope.since`; every kind present. */
export async function countChanges(
	db: DB,
	scope: ChangeScope,
	periodId: number,
	filters: TaskFilters
): Promise<ChangeCounts> {
	const kind = updateChangeSql(scope.since?.id ?? null);
	const rows = await scopedUpdates(db, scope, [periodId], filters, { categories: false, plans: false })
		.select([kind.as('kind'), sql<number>`count(*)`.as('taskCount')])
		.groupBy(sql`kind`)
		.execute();
	return toCounts(rows);
}

/** Tasks of one kind of change in one organization and category (by its name key, as `?category=` filters). */
export interface ChangeCell {
	organizationId: number;
	key: string;
	/** The category's name as one of its plans writes it (null: uncategorised). */
	name: string | null;
	position: number;
	kind: ChangeKind;
	taskCount: number;
}

/**
 * The counts by organization × category × kind in one pass over the scope: the scope's totals, its categories
 * and its children all add up from these cells (src/lib/server/pages/changes.ts), so one scan serves the panel.
 */
export async function countChangeCells(
	db: DB,
	scope: ChangeScope,
	periodId: number,
	filters: TaskFilters
): Promise<ChangeCell[]> {
	const kind = updateChangeSql(scope.since?.id ?? null);
	const rows = await scopedUpdates(db, scope, [periodId], filters)
		.select([
			'plans.organization_id as organizationId',
			'categories.name_key as key',
			sql<string | null>`min(categories.name)`.as('name'),
			sql<number>`min(categories.position)`.as('position'),
			kind.as('kind'),
			sql<number>`count(*)`.as('taskCount')
		])
		.groupBy(['plans.organization_id', 'categories.name_key', sql`kind`])
		.execute();
	return rows.filter((r) => isChangeKind(r.kind)).map((r) => ({ ...r, taskCount: Number(r.taskCount) }));
}

/** Cells added up by a key of theirs (null: left out), in first-seen order. */
export function sumCells<K>(cells: ChangeCell[], keyOf: (cell: ChangeCell) => K | null): Map<K, ChangeCounts> {
	const out = new Map<K, ChangeCounts>();
	for (const c of cells) {
		const key = keyOf(c);
		if (key === null) continue;
		const counts = out.get(key) ?? emptyChangeCounts();
		counts[c.kind] += c.taskCount;
		out.set(key, counts);
	}
	return out;
}

/** Per category (by name key), in report order: the category's first position in any plan, then its name. */
export function categoryCounts(cells: ChangeCell[]): ChangeCountsOf[] {
	const first = new Map<string, { name: string | null; position: number }>();
	for (const c of cells) {
		const seen = first.get(c.key);
		if (!seen || c.position < seen.position) first.set(c.key, { name: seen?.name ?? c.name, position: c.position });
	}
	const sums = sumCells(cells, (c) => c.key);
	return [...first]
		.sort(([, a], [, b]) => a.position - b.position || String(a.name).localeCompare(String(b.name)))
		.map(([key, { name }]) => ({ name, id: null, counts: sums.get(key)! }));
}

/**
 * Tasks of `periodId` behind or not started for at least `min` of their periods in a row, most periods first,
 * then in report order: the first `limit`, and how many there are.
 */
export async function listLongBehindTasks(
	db: DB,
	scope: ChangeScope,
	periodId: number,
	filters: TaskFilters,
	min: number,
	limit: number
): Promise<{ tasks: LongBehindTask[]; total: number }> {
	// A run behind ends with the period itself: only tasks behind or not started now can have one.
	const statuses = ATTENTION_STATUSES.filter((st) => filters.status?.includes(st) ?? true);
	if (statuses.length === 0) return { tasks: [], total: 0 };
	// Each such task with its statuses in its year's periods up to this one, oldest first: the domain's
	// behindStreak counts the run (BEHIND_STREAK, its SQL twin, filters `/tasks?streak=` the same way; the
	// query test holds both to one answer). One pass, where the twin in a select cost two lookups per task.
	const rows = await scopedUpdates(db, scope, [periodId], { ...filters, status: statuses, streak: null })
		.innerJoin('organizations', 'organizations.id', 'plans.organization_id')
		.innerJoin('periods as cp', 'cp.id', 'updates.period_id')
		.innerJoin('updates as h', (join) => join.onRef('h.task_id', '=', 'tasks.id').on('h.superseded_at', 'is', null))
		.innerJoin('periods as hp', 'hp.id', 'h.period_id')
		.whereRef('hp.year', '=', 'cp.year')
		.whereRef('hp.month_end', '<=', 'cp.month_end')
		.select([
			'tasks.id as taskId',
			'tasks.name',
			'organizations.name as organization',
			'categories.name as category',
			'updates.status',
			'h.status as then',
			'plans.organization_id as organizationId',
			'tasks.position'
		])
		.orderBy('tasks.id')
		.orderBy('hp.month_end')
		.execute();
	const byTask = new Map<number, { row: (typeof rows)[number]; history: Status[] }>();
	for (const r of rows) {
		const entry = byTask.get(r.taskId) ?? { row: r, history: [] };
		entry.history.push(r.then as Status);
		byTask.set(r.taskId, entry);
	}
	const least = Math.max(min, filters.streak ?? 0);
	const tasks = [...byTask.values()]
		.map(({ row, history }) => ({ row, periods: behindStreak(history) }))
		.filter((t) => t.periods >= least)
		.sort(
			(a, b) => b.periods - a.periods || a.row.organizationId - b.row.organizationId || a.row.position - b.row.position
		)
		.map(({ row: { taskId, name, organization, category, status }, periods }) => ({
			taskId,
			name,
			organization,
			category,
			status: status as Status,
			periods
		}));
	return { tasks: tasks.slice(0, limit), total: tasks.length };
}

/** The current update in period `sinceId` of each of these tasks that has one, by task id (the export's earlier columns). */
export async function listEarlierUpdates(
	db: DB,
	taskIds: number[],
	sinceId: number | null
): Promise<Map<number, { status: Status; statusText: string | null }>> {
	if (sinceId === null || taskIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('updates')
		.select(['task_id as taskId', 'status', 'status_text as statusText'])
		.where('task_id', 'in', taskIds)
		.where('period_id', '=', sinceId)
		.where('superseded_at', 'is', null)
		.execute();
	return new Map(rows.map((r) => [r.taskId, { status: r.status as Status, statusText: r.statusText }]));
}

/** Each chunk of task rows with its tasks' updates in the earlier period added (`earlier`, null: none). */
export async function* withEarlierUpdates<R extends { taskId: number }>(
	db: DB,
	chunks: AsyncIterable<R[]>,
	sinceId: number | null
): AsyncGenerator<(R & { earlier: { status: Status; statusText: string | null } | null })[]> {
	for await (const chunk of chunks) {
		const earlier = await listEarlierUpdates(
			db,
			chunk.map((r) => r.taskId),
			sinceId
		);
		yield chunk.map((r) => ({ ...r, earlier: earlier.get(r.taskId) ?? null }));
	}
}
