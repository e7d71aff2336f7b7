/**
 * What changed between the scope's earlier period (`scope.since`) and a period: tasks counted by kind of change,
 * per category, and the tasks behind for several periods in a row. Every count goes through `scopedUpdates`
 * with the page's filters, and by the same expressions `?change=` and `?streak=` filter the task table with
 * (change-sql.ts), so a count and the rows its link lists cannot disagree.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../db';
import type { Scope, TaskFilters } from '../../types/scope';
import type { ChangeCountsOf, LongBehindTask } from '../../types/changes';
import type { StatusChange, StatusChangeCount, StatusPairToName } from '../../types/overview';
import type { Status } from '../../domain/status';
import {
	CHANGE_KINDS,
	emptyChangeCounts,
	isChangeKind,
	type ChangeCounts,
	type ChangeKind
} from '../../domain/changes';
import { ATTENTION_STATUSES } from '../../domain/measures';
import { hasTaskFilters, scopedUpdates } from './scope';
import { rollupOrganizations } from './rollups';
import { countLongBehind, readChangeRollups, readStatusChangeRollups } from './change-rollups';
import { BEHIND_STREAK, earlierStatusSql, updateChangeSql } from './change-sql';
import { factsRead } from './measures';
import { countChangeFacts, countStatusChangeFacts, type UpdateFacts } from '../../domain/fact-counts';

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
	/** The category's name key, as the overview's category panel names it (null: uncategorised). */
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
			sql<number>`min(categories.position)`.as('position'),
			kind.as('kind'),
			sql<number>`count(*)`.as('taskCount')
		])
		.groupBy(['plans.organization_id', 'categories.name_key', sql`kind`])
		.execute();
	return rows
		.filter((r) => isChangeKind(r.kind))
		.map((r) => ({ ...r, name: r.key === '' ? null : r.key, taskCount: Number(r.taskCount) }));
}

/** countChangeCells' cells, from the period's facts. */
function changeCellsOf(facts: readonly UpdateFacts[]): ChangeCell[] {
	return countChangeFacts(facts).flatMap((c) =>
		isChangeKind(c.change)
			? [
					{
						organizationId: c.organizationId,
						key: c.key,
						name: c.key === '' ? null : c.key,
						position: c.position,
						kind: c.change,
						taskCount: c.taskCount
					}
				]
			: []
	);
}

/**
 * countLongBehindTasks from the period's facts, which the filters (their statuses, their own run behind) already
 * chose; a run of one or more is only ever kept on a behind or not-started update.
 */
function countLongBehindFacts(facts: readonly UpdateFacts[], filters: TaskFilters, min: number): number {
	const least = Math.max(min, filters.streak ?? 0, 1);
	return facts.filter((f) => f.behindRun >= least).length;
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
 * What the panel counts: in all, per category (in report order), per child organization (by id), and the
 * tasks behind for at least the panel's number of periods in a row.
 */
export interface ChangeSummary {
	counts: ChangeCounts;
	categories: ChangeCountsOf[];
	byChild: Map<number, ChangeCounts>;
	longBehind: number;
}

/** The children a summary counts apart, each with its subtree. */
type Children = { id: number; scope: Pick<Scope, 'organizationIds'> }[];

/**
 * The scope's changes since `scope.since` in all, per category and per child (each the organization whose
 * subtree it counts). From change_rollups when they answer exactly — whole organizations (rollups.ts
 * `rollupOrganizations`), no task filter, the default earlier period — else from one pass over the scope.
 */
export async function summarizeChanges(
	db: DB,
	scope: Scope,
	periodId: number,
	filters: TaskFilters & { since: string | null },
	children: Children,
	longBehind: number
): Promise<ChangeSummary> {
	const unfiltered = !hasTaskFilters(filters) && filters.since === null;
	const organizations = unfiltered ? await rollupOrganizations(db, scope) : null;
	if (!organizations) return summarizeScope(db, scope, periodId, filters, children, longBehind);
	return summarizeRollups(db, organizations, periodId, scope.since?.id ?? null, children, longBehind);
}

/** summarizeChanges by one pass over the scope's current updates, for any filters and earlier period. */
export async function summarizeScope(
	db: DB,
	scope: ChangeScope,
	periodId: number,
	filters: TaskFilters,
	children: Children,
	longBehind: number
): Promise<ChangeSummary> {
	// A page whose counts read the period's facts (countManyWays) counts from them what this pass would.
	const facts = await factsRead(scope, periodId, filters);
	const [cells, longBehindTotal] = facts
		? [changeCellsOf(facts), countLongBehindFacts(facts, filters, longBehind)]
		: await Promise.all([
				countChangeCells(db, scope, periodId, filters),
				countLongBehindTasks(db, scope, periodId, filters, longBehind)
			]);
	// Each child counted as `/tasks?org=<child>` counts it: the cells of its subtree's organizations.
	const childOf = new Map(children.flatMap((c) => (c.scope.organizationIds ?? []).map((id) => [id, c.id] as const)));
	return {
		counts: sumCells(cells, () => 'all').get('all') ?? emptyChangeCounts(),
		categories: categoryCounts(cells),
		byChild: sumCells(cells, (c) => childOf.get(c.organizationId) ?? null),
		longBehind: longBehindTotal
	};
}

/** summarizeChanges from the rollup rows of the scope's (disjoint) organizations and of each child. */
export async function summarizeRollups(
	db: DB,
	organizations: number[],
	periodId: number,
	sinceId: number | null,
	children: { id: number }[],
	longBehind: number
): Promise<ChangeSummary> {
	const [all, byCategory, byChild, longBehindTotal] = await Promise.all([
		readChangeRollups(db, organizations, periodId, sinceId, 'all'),
		readChangeRollups(db, organizations, periodId, sinceId, 'category'),
		readChangeRollups(
			db,
			children.map((c) => c.id),
			periodId,
			sinceId,
			'all'
		),
		countLongBehind(db, organizations, periodId, longBehind)
	]);
	// As cells, so the categories add up and sort exactly as the pass over the scope's rows does.
	const cells = byCategory.flatMap((r) =>
		CHANGE_KINDS.map((kind) => ({
			organizationId: r.organizationId,
			key: r.key,
			name: r.key === '' ? null : r.key,
			position: r.order,
			kind,
			taskCount: r.counts[kind]
		}))
	);
	const counts = emptyChangeCounts();
	for (const r of all) for (const kind of CHANGE_KINDS) counts[kind] += r.counts[kind];
	return {
		counts,
		categories: categoryCounts(cells),
		byChild: new Map(byChild.map((r) => [r.organizationId, r.counts])),
		longBehind: longBehindTotal
	};
}

/**
 * The scope's current updates of `periodId` whose status differs from their task's in `previousId`. The earlier
 * status is the update's own (migration 0021 keeps its task's previous reported period and status on it) where
 * that period is `previousId`, as it is for nearly every task, else looked up (earlierStatusSql): looking up
 * every task's earlier update was most of the 165 ms a whole province's deck spent listing its 30 000 changes.
 * The update is joined again as `own` to read those columns: a CROSS JOIN, which SQLite keeps after the scope's
 * plans, so only the scope's rows are read from the table (the index the period is walked by does not hold
 * them; a province's city, a fifth of it: 41 → 27 ms).
 */
function changedUpdates(db: DB, scope: Scope, periodId: number, previousId: number, filters: TaskFilters) {
	return scopedUpdates(db, scope, [periodId], filters)
		.crossJoin('updates as own')
		.whereRef('own.id', '=', 'updates.id')
		.where(earlierStatusSql(previousId, 'own'), '!=', sql<Status>`updates.status`);
}

/** A changed update's earlier status: never null, since changedUpdates keeps only updates that have one. */
const changedFrom = (previousId: number) => sql<Status>`${earlierStatusSql(previousId, 'own')}`;

/**
 * Tasks of `periodId` whose status changed since `previousId`, by category key × earlier status × status: from
 * change_rollups when they answer the scope (whole organizations, no task filter) and `previousId` is the
 * scope's earlier period, which they are exact for (readChangeRollups); else from the page's facts when its counts
 * read them (a deck under a theme: a whole province's 14 592, one pass in place of a 55 ms GROUP BY); else one
 * GROUP BY.
 */
export async function countStatusChanges(
	db: DB,
	scope: Scope,
	periodId: number,
	previousId: number,
	filters: TaskFilters
): Promise<StatusChangeCount[]> {
	const exact = previousId === scope.since?.id && !hasTaskFilters(filters);
	const organizations = exact ? await rollupOrganizations(db, scope) : null;
	if (organizations) return readStatusChangeRollups(db, organizations, periodId, previousId);
	// The page's facts, when its counts read them for this period and filters, hold each update's earlier status.
	const facts = previousId === scope.since?.id ? factsRead(scope, periodId, filters) : null;
	if (facts) return countStatusChangeFacts(await facts);
	const rows = await changedUpdates(db, scope, periodId, previousId, filters)
		.select([
			'categories.name_key as key',
			changedFrom(previousId).as('from'),
			'updates.status as to',
			sql<number>`count(*)`.as('count')
		])
		.groupBy(['categories.name_key', sql`"from"`, 'updates.status'])
		.execute();
	return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** Every task of `periodId` whose status changed since `previousId`, by name, in report order. */
export async function listStatusChanges(
	db: DB,
	scope: Scope,
	periodId: number,
	previousId: number,
	filters: TaskFilters
): Promise<StatusChange[]> {
	return changedUpdates(db, scope, periodId, previousId, filters)
		.select([
			'tasks.id as taskId',
			'tasks.name',
			'categories.name_key as key',
			changedFrom(previousId).as('from'),
			'updates.status as to'
		])
		.orderBy('plans.organization_id')
		.orderBy('tasks.position')
		.execute();
}

/** The updates whose earlier status and status are one of `pairs`, in that pair's categories. */
function pairsSql(pairs: StatusPairToName[], earlier: RawBuilder<Status>) {
	const everywhere = pairs.filter((p) => p.keys === null);
	const some = pairs.flatMap((p) => (p.keys ?? []).map((key) => sql`(${p.from}, ${p.to}, ${key})`));
	const lists = [
		...(everywhere.length
			? [sql`(${earlier}, +updates.status) in (values ${sql.join(everywhere.map((p) => sql`(${p.from}, ${p.to})`))})`]
			: []),
		...(some.length ? [sql`(${earlier}, +updates.status, categories.name_key) in (values ${sql.join(some)})`] : [])
	];
	return sql<SqlBool>`(${lists.length ? sql.join(lists, sql` or `) : sql`0`})`;
}

/**
 * The tasks of `periodId` that changed since `previousId` from and to the statuses of `pairs`, in their
 * categories, the first `limit` of each category and pair in report order, all in report order: what the
 * deck's notes may name (present/notes.ts `pairsToName`), without reading a name of the other changes.
 */
export async function listNamedStatusChanges(
	db: DB,
	scope: Scope,
	periodId: number,
	previousId: number,
	filters: TaskFilters,
	pairs: StatusPairToName[],
	limit: number
): Promise<StatusChange[]> {
	if (pairs.length === 0) return [];
	const earlier = changedFrom(previousId);
	const ranked = changedUpdates(db, scope, periodId, previousId, filters)
		// The pairs, in every category or in some, as row-value lists. `+updates.status` keeps SQLite from walking
		// the period's index by the pairs' statuses rather than the scope's plans: a district's deck walked the
		// whole city's period (3.6 ms against 1.0).
		.where(pairsSql(pairs, earlier))
		.select([
			'tasks.id as taskId',
			'tasks.name',
			'categories.name_key as key',
			earlier.as('from'),
			'updates.status as to',
			'plans.organization_id as organizationId',
			'tasks.position',
			sql<number>`row_number() over (partition by categories.name_key, ${earlier}, updates.status
				order by plans.organization_id, tasks.position)`.as('place')
		]);
	return db
		.selectFrom(ranked.as('ranked'))
		.select(['taskId', 'name', 'key', 'from', 'to'])
		.where('place', '<=', limit)
		.orderBy('organizationId')
		.orderBy('position')
		.execute();
}

/**
 * The current updates of `periodId` in scope behind or not started for at least `min` of their periods in a
 * row (with `?streak=`, at least that many); null when the filters leave no such status. The run is kept on
 * the row (BEHIND_STREAK, migration 0021) and indexed by period and run.
 */
function longBehindUpdates(db: DB, scope: ChangeScope, periodId: number, filters: TaskFilters, min: number) {
	// A run behind ends with the period itself: only tasks behind or not started now can have one.
	const statuses = ATTENTION_STATUSES.filter((st) => filters.status?.includes(st) ?? true);
	if (statuses.length === 0) return null;
	const least = Math.max(min, filters.streak ?? 0, 1);
	// A run of one or more is only ever kept on a behind or not-started update, so with both statuses the run
	// alone selects; naming them too led the planner to walk the period by status instead of by run.
	const status = statuses.length === ATTENTION_STATUSES.length ? null : statuses;
	return scopedUpdates(db, scope, [periodId], { ...filters, status, streak: null }).where(BEHIND_STREAK, '>=', least);
}

/**
 * The first `limit` of those tasks, most periods first, then by task (the order they were first imported):
 * an order the index gives without reading every long run of the period.
 */
export async function firstLongBehindTasks(
	db: DB,
	scope: ChangeScope,
	periodId: number,
	filters: TaskFilters,
	min: number,
	limit: number
): Promise<LongBehindTask[]> {
	const updates = longBehindUpdates(db, scope, periodId, filters, min);
	if (!updates || limit <= 0) return [];
	const rows = await updates
		.innerJoin('organizations', 'organizations.id', 'plans.organization_id')
		.select([
			'tasks.id as taskId',
			'tasks.name',
			'organizations.name as organization',
			'categories.name as category',
			'updates.status',
			BEHIND_STREAK.as('periods')
		])
		.orderBy(BEHIND_STREAK, 'desc')
		.orderBy('updates.task_id')
		.limit(limit)
		.execute();
	return rows.map((r) => ({ ...r, status: r.status as Status }));
}

/** How many tasks firstLongBehindTasks chooses from. */
export async function countLongBehindTasks(
	db: DB,
	scope: ChangeScope,
	periodId: number,
	filters: TaskFilters,
	min: number
): Promise<number> {
	const updates = longBehindUpdates(db, scope, periodId, filters, min);
	if (!updates) return 0;
	const row = await updates.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow();
	return Number(row.total);
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
