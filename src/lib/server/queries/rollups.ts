/**
 * Pre-aggregated status counts (table status_rollups, migration 0010). The write path reads a
 * plan's facts (`readPlanFacts`) before it changes the plan and again after; `applyPlanChange`
 * adds the difference to the rows of the plan's organization and its ancestors, so the counts
 * stay exact whatever the write did (new tasks, superseded updates, moved categories, changed
 * themes). Both reads and the write are the size of one plan, never of the database. Overview
 * queries read the rows when a scope is whole organizations with no task filter.
 */
import { sql, type CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Status, StatusSource } from '../../domain/status';
import type { Dimension } from '../../domain/fact-counts';
import type { Scope } from '../../types/scope';
import { insertRows } from './insert-rows';
import { COMPLETION_RATIO } from './measures';
import { ancestorIds, organizationsCounting } from './scope';
import { memoOnScope } from './scope-memo';
import { countUpdate, NO_MEASURES, type StatusCount } from '../../domain/measures';
import {
	addChangeCells,
	changeContributionChange,
	changeContributionOf,
	type ChangeContribution
} from './change-rollups';

type Db = Kysely<Database> | Transaction<Database>;
export type { Dimension };

/** A rollup row's counts (the measures' StatusCount) under its dimension key. */
interface Cell extends StatusCount {
	dimension: Dimension;
	key: string;
	order: number;
}

/**
 * A plan's current updates counted per period × dimension × status × source (`status`, keyed for diffing),
 * and as change_rollups counts them (`changes`, change-rollups.ts).
 */
export interface Contribution {
	status: Map<string, Cell>;
	changes: ChangeContribution;
}

/** One current update of a plan with what the rollups count of it. */
export interface UpdateFact {
	id: number;
	taskId: number;
	periodId: number;
	status: Status;
	statusSource: StatusSource;
	statusText: string | null;
	category: string | null;
	categoryPosition: number;
	flagged: number;
	/** Completion ratio: actual / the first target, else percent / 100; null when neither is known. */
	ratio: number | null;
	/** The period's year and last month, and the task's previous reported period of the year and its status. */
	year: number;
	monthEnd: number;
	earlierPeriodId: number | null;
	earlierStatus: Status | null;
	/** Its periods in a row behind or not started (behindStreak). */
	behindRun: number;
}

/** What the rollups need of a plan: its current updates, and every theme of its tasks. */
export interface PlanFacts {
	updates: UpdateFact[];
	themes: { taskId: number; themeId: number; assignedBy: 'rule' | 'person' }[];
}

/**
 * A plan's current updates (in id order, so two reads of the same rows sum alike) and its tasks'
 * themes; only those one source wrote when `sourceId` is given.
 */
export async function readPlanFacts(db: Db, planId: number, sourceId: number | null = null): Promise<PlanFacts> {
	const updates = await db
		.selectFrom('updates')
		.innerJoin('tasks', 'tasks.id', 'updates.task_id')
		.innerJoin('categories', 'categories.id', 'tasks.category_id')
		.leftJoin('targets', (join) => join.onRef('targets.task_id', '=', 'tasks.id').on('targets.position', '=', 1))
		.innerJoin('periods', 'periods.id', 'updates.period_id')
		.where('tasks.plan_id', '=', planId)
		.where('updates.superseded_at', 'is', null)
		.$if(sourceId !== null, (qb) => qb.where('updates.source_id', '=', sourceId!))
		.select([
			'updates.id',
			'updates.task_id as taskId',
			'updates.period_id as periodId',
			'updates.status',
			'updates.status_source as statusSource',
			'updates.status_text as statusText',
			'categories.name_key as category',
			'categories.position as categoryPosition',
			sql<number>`exists (select 1 from quality_flags f where f.update_id = updates.id)`.as('flagged'),
			COMPLETION_RATIO.as('ratio'),
			'periods.year',
			'periods.month_end as monthEnd',
			'updates.earlier_period_id as earlierPeriodId',
			'updates.earlier_status as earlierStatus',
			'updates.behind_run as behindRun'
		])
		.orderBy('updates.id')
		.execute();
	const themes = await db
		.selectFrom('task_themes')
		.innerJoin('tasks', 'tasks.id', 'task_themes.task_id')
		.where('tasks.plan_id', '=', planId)
		.$if(sourceId !== null, (qb) =>
			qb.where('task_themes.task_id', 'in', (eb) =>
				eb.selectFrom('updates').select('updates.task_id').where('updates.source_id', '=', sourceId!)
			)
		)
		.select([
			'task_themes.task_id as taskId',
			'task_themes.theme_id as themeId',
			'task_themes.assigned_by as assignedBy'
		])
		.orderBy('task_themes.task_id')
		.orderBy('task_themes.theme_id')
		.execute();
	return { updates, themes };
}

const cellKey = (c: Pick<Cell, 'periodId' | 'dimension' | 'key' | 'status' | 'statusSource'>) =>
	`${c.periodId}\u0000${c.dimension}\u0000${c.key}\u0000${c.status}\u0000${c.statusSource}`;

/**
 * What a plan's facts add to the rollups: the GROUP BY of migration 0010, for one plan, in
 * memory; only for `periodIds` when given (a write that changed no task changes no other period).
 */
export function contributionOf(facts: PlanFacts, periodIds: number[] | null = null): Contribution {
	const periods = periodIds && new Set(periodIds);
	return { status: statusContributionOf(facts, periods), changes: changeContributionOf(facts.updates, periods) };
}

function statusContributionOf(facts: PlanFacts, periods: Set<number> | null): Contribution['status'] {
	const out: Contribution['status'] = new Map();
	const add = (fact: UpdateFact, dimension: Dimension, key: string, order: number) => {
		const { periodId, status, statusSource } = fact;
		const id = cellKey({ periodId, dimension, key, status, statusSource });
		let cell = out.get(id);
		if (!cell) {
			cell = {
				periodId,
				dimension,
				key,
				order,
				status,
				statusSource,
				...NO_MEASURES
			};
			out.set(id, cell);
		}
		if (order < cell.order) cell.order = order;
		countUpdate(cell, fact);
	};
	const themesByTask = new Map<number, number[]>();
	for (const { taskId, themeId } of facts.themes)
		themesByTask.set(taskId, [...(themesByTask.get(taskId) ?? []), themeId]);
	for (const fact of facts.updates) {
		if (periods && !periods.has(fact.periodId)) continue;
		add(fact, 'status', '', 0);
		add(fact, 'category', fact.category ?? '', fact.categoryPosition);
		for (const themeId of themesByTask.get(fact.taskId) ?? []) add(fact, 'theme', String(themeId), 0);
	}
	return out;
}

/** What a plan's current updates add to the rollups, over all its periods. */
export async function planContribution(db: Db, planId: number): Promise<Contribution> {
	return contributionOf(await readPlanFacts(db, planId));
}

/** after − before, cell by cell; cells that did not change are left out. */
export function contributionChange(before: Contribution['status'], after: Contribution['status']): Cell[] {
	const diff = (cell: Cell, old: Cell | undefined): Cell => ({
		...cell,
		taskCount: cell.taskCount - (old?.taskCount ?? 0),
		flaggedCount: cell.flaggedCount - (old?.flaggedCount ?? 0),
		ratioSum: cell.ratioSum - (old?.ratioSum ?? 0),
		ratioCount: cell.ratioCount - (old?.ratioCount ?? 0)
	});
	const delta: Cell[] = [];
	for (const [key, cell] of after) delta.push(diff(cell, before.get(key)));
	for (const [key, old] of before) {
		if (!after.has(key)) delta.push(diff({ ...old, ...NO_MEASURES }, old));
	}
	return delta.filter((c) => c.taskCount !== 0 || c.flaggedCount !== 0 || c.ratioSum !== 0 || c.ratioCount !== 0);
}

/** The plan's organization and every ancestor, bottom up. */
async function ancestorsOfPlan(db: Db, planId: number): Promise<number[]> {
	const plan = await db
		.selectFrom('plans')
		.select('organization_id')
		.where('id', '=', planId)
		.executeTakeFirstOrThrow();
	return ancestorIds(db, [plan.organization_id]);
}

/** Rows per multi-row upsert: 11 values each, well under SQLite's 32 766 bound values. */
const UPSERT_ROWS = 1000;

/**
 * Adds each cell to the rows of every organization in `organizationIds` — in a few multi-row
 * upserts, not one statement per cell and organization — then drops the rows this left at zero.
 * Only the periods the cells touch are looked at, so the cost is the change's, not the table's.
 */
async function addCells(db: Db, organizationIds: number[], cells: Cell[]): Promise<void> {
	if (cells.length === 0 || organizationIds.length === 0) return;
	const rows = organizationIds.flatMap((organizationId) =>
		cells.map((cell) => ({
			organization_id: organizationId,
			period_id: cell.periodId,
			dimension: cell.dimension,
			dimension_key: cell.key,
			dimension_order: cell.order,
			status: cell.status,
			status_source: cell.statusSource,
			task_count: cell.taskCount,
			flagged_count: cell.flaggedCount,
			ratio_sum: cell.ratioSum,
			ratio_count: cell.ratioCount
		}))
	);
	await insertRows(db, 'status_rollups:add', rows, UPSERT_ROWS, (chunk) =>
		db
			.insertInto('status_rollups')
			.values(chunk)
			.onConflict((oc) =>
				oc
					.columns(['organization_id', 'period_id', 'dimension', 'dimension_key', 'status', 'status_source'])
					.doUpdateSet((eb) => ({
						task_count: eb('status_rollups.task_count', '+', eb.ref('excluded.task_count')),
						flagged_count: eb('status_rollups.flagged_count', '+', eb.ref('excluded.flagged_count')),
						ratio_sum: eb('status_rollups.ratio_sum', '+', eb.ref('excluded.ratio_sum')),
						ratio_count: eb('status_rollups.ratio_count', '+', eb.ref('excluded.ratio_count')),
						dimension_order: sql<number>`min(status_rollups.dimension_order, excluded.dimension_order)`
					}))
			)
	);
	// Only a cell taken away can leave a row at zero: a write that only adds (a new period) sweeps nothing.
	const emptied = cells.filter((c) => c.taskCount < 0 || c.ratioCount < 0).map((c) => c.periodId);
	if (emptied.length === 0) return;
	await db
		.deleteFrom('status_rollups')
		.where('organization_id', 'in', organizationIds)
		.where('period_id', 'in', [...new Set(emptied)])
		.where('task_count', '=', 0)
		.where('ratio_count', '=', 0)
		.execute();
}

/**
 * Brings the rollups (status and change) up to date with a plan after a write: adds (after − before) to the plan's
 * organization and its ancestors (`organizationIds`, the plan's own first), and bumps the data
 * version.
 */
export async function applyPlanChange(
	db: Db,
	organizationIds: number[],
	before: Contribution,
	after: Contribution
): Promise<void> {
	await addCells(db, organizationIds, contributionChange(before.status, after.status));
	await addChangeCells(db, organizationIds, changeContributionChange(before.changes, after.changes));
	await bumpDataVersion(db);
}

/** Takes plans out of the rollups before they are deleted (sample removal). */
export async function subtractPlans(db: Db, planIds: number[]): Promise<void> {
	for (const planId of planIds) {
		const organizationIds = await ancestorsOfPlan(db, planId);
		const { status, changes } = await planContribution(db, planId);
		await addCells(db, organizationIds, contributionChange(status, new Map()));
		await addChangeCells(db, organizationIds, changeContributionChange(changes, new Map()));
	}
	await bumpDataVersion(db);
}

/** Every write transaction bumps this; caches of rendered pages are keyed by it. */
export async function bumpDataVersion(db: Db): Promise<void> {
	await db
		.updateTable('data_version')
		.set((eb) => ({ version: eb('version', '+', 1) }))
		.where('id', '=', 1)
		.execute();
}

/**
 * Every cacheable request reads the version first: its query is built and compiled once per database, not for
 * each request (kysely's building was 0.6 % of the server's time under the mixed load of bench/load.ts).
 */
export async function getDataVersion(db: Db): Promise<number> {
	let query = versionQueries.get(db);
	if (!query) {
		query = db.selectFrom('data_version').select('version').where('id', '=', 1).compile();
		versionQueries.set(db, query);
	}
	const { rows } = await db.executeQuery(query);
	return rows[0]?.version ?? 0;
}

const versionQueries = new WeakMap<Db, CompiledQuery<{ version: number }>>();

/**
 * The organizations whose rollup rows answer a scope exactly, or null when the plain query must run:
 * organizations that are not disjoint subtrees. (Which task filters the rows can answer is
 * queries/measures.ts's decision.)
 */
export function rollupOrganizations(db: Db, scope: Scope): Promise<number[] | null> {
	// One page asks this of one scope several times; the answer depends on the scope alone.
	return organizationsOf(scope, '', () => organizationsCounting(db, scope));
}

const organizationsOf = memoOnScope<number[] | null>();

/**
 * Which rollup rows to read: one key of the dimension, some statuses, some sources (null: all); `keys`,
 * when given, only these keys.
 */
export interface RollupNarrowing {
	key: string | null;
	keys?: readonly string[];
	status: readonly Status[] | null;
	source: readonly StatusSource[] | null;
}

/**
 * Rollup rows of one dimension for organizations and periods, summed over the organizations (or, with
 * `perOrganization`, kept apart by organization), optionally narrowed to one key, statuses and sources.
 */
export async function readRollups(
	db: Db,
	organizationIds: number[],
	periodIds: number[],
	dimension: Dimension,
	narrow: RollupNarrowing = { key: null, status: null, source: null },
	perOrganization = false
) {
	if (organizationIds.length === 0 || periodIds.length === 0) return [];
	return db
		.selectFrom('status_rollups')
		.$if(perOrganization, (qb) => qb.select('organization_id as organizationId').groupBy('organization_id'))
		.where('organization_id', 'in', organizationIds)
		.where('period_id', 'in', periodIds)
		.where('dimension', '=', dimension)
		.$if(narrow.key !== null, (qb) => qb.where('dimension_key', '=', narrow.key!))
		.$if(narrow.keys !== undefined, (qb) => qb.where('dimension_key', 'in', [...narrow.keys!, '\u0000none']))
		.$if(narrow.status !== null, (qb) => qb.where('status', 'in', [...narrow.status!]))
		.$if(narrow.source !== null, (qb) => qb.where('status_source', 'in', [...narrow.source!]))
		.select((eb) => [
			'period_id as periodId',
			'dimension_key as key',
			eb.fn.min('dimension_order').as('order'),
			'status',
			'status_source as statusSource',
			eb.fn.sum<number>('task_count').as('taskCount'),
			eb.fn.sum<number>('flagged_count').as('flaggedCount'),
			eb.fn.sum<number>('ratio_sum').as('ratioSum'),
			eb.fn.sum<number>('ratio_count').as('ratioCount')
		])
		.groupBy(['period_id', 'dimension_key', 'status', 'status_source'])
		.having(sql<number>`sum(task_count)`, '>', 0)
		.execute();
}
