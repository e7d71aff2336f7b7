/**
 * Pre-aggregated status counts (table status_rollups, migration 0010). The write path calls
 * `planContribution` before it changes a plan and `applyPlanChange` after: the difference is
 * added to the rows of the plan's organization and all its ancestors, so the counts stay exact
 * whatever the write did (new tasks, superseded updates, moved categories, changed themes).
 * Overview queries read them when a scope is whole organizations with no task filter.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Status, StatusSource } from '../../domain/status';
import type { Scope } from '../../types/scope';
import { COMPLETION_RATIO } from './measures';

type Db = Kysely<Database> | Transaction<Database>;
export type Dimension = 'status' | 'category' | 'theme';

interface Cell {
	periodId: number;
	dimension: Dimension;
	key: string;
	order: number;
	status: Status;
	statusSource: StatusSource;
	taskCount: number;
	flaggedCount: number;
	ratioSum: number;
	ratioCount: number;
}

/** A plan's current updates counted per period × dimension × status × source, keyed for diffing. */
export type Contribution = Map<string, Cell>;

const cellKey = (c: Pick<Cell, 'periodId' | 'dimension' | 'key' | 'status' | 'statusSource'>) =>
	`${c.periodId}\u0000${c.dimension}\u0000${c.key}\u0000${c.status}\u0000${c.statusSource}`;

/** What a plan's current updates add to the rollups, over all its periods. */
export async function planContribution(db: Db, planId: number): Promise<Contribution> {
	const facts = db
		.selectFrom('updates')
		.innerJoin('tasks', 'tasks.id', 'updates.task_id')
		.innerJoin('categories', 'categories.id', 'tasks.category_id')
		.leftJoin('targets', (join) => join.onRef('targets.task_id', '=', 'tasks.id').on('targets.position', '=', 1))
		.where('tasks.plan_id', '=', planId)
		.where('updates.superseded_at', 'is', null);
	const measures = [
		sql<number>`count(*)`.as('taskCount'),
		sql<number>`sum(exists (select 1 from quality_flags f where f.update_id = updates.id))`.as('flaggedCount'),
		sql<number>`ifnull(sum(${COMPLETION_RATIO}), 0)`.as('ratioSum'),
		sql<number>`count(${COMPLETION_RATIO})`.as('ratioCount')
	];
	const [byStatus, byCategory, byTheme] = await Promise.all([
		facts
			.select([
				'updates.period_id as periodId',
				'updates.status',
				'updates.status_source as statusSource',
				sql<string>`''`.as('key'),
				sql<number>`0`.as('order'),
				...measures
			])
			.groupBy(['updates.period_id', 'updates.status', 'updates.status_source'])
			.execute(),
		facts
			.select([
				'updates.period_id as periodId',
				'updates.status',
				'updates.status_source as statusSource',
				sql<string>`ifnull(categories.name, '')`.as('key'),
				sql<number>`min(categories.position)`.as('order'),
				...measures
			])
			.groupBy(['updates.period_id', 'categories.name', 'updates.status', 'updates.status_source'])
			.execute(),
		facts
			.innerJoin('task_themes', 'task_themes.task_id', 'tasks.id')
			.select([
				'updates.period_id as periodId',
				'updates.status',
				'updates.status_source as statusSource',
				sql<string>`cast(task_themes.theme_id as text)`.as('key'),
				sql<number>`0`.as('order'),
				...measures
			])
			.groupBy(['updates.period_id', 'task_themes.theme_id', 'updates.status', 'updates.status_source'])
			.execute()
	]);
	const out: Contribution = new Map();
	for (const [dimension, rows] of [
		['status', byStatus],
		['category', byCategory],
		['theme', byTheme]
	] as const) {
		for (const row of rows) {
			const cell: Cell = {
				...row,
				dimension,
				taskCount: Number(row.taskCount),
				flaggedCount: Number(row.flaggedCount),
				ratioSum: Number(row.ratioSum),
				ratioCount: Number(row.ratioCount)
			};
			out.set(cellKey(cell), cell);
		}
	}
	return out;
}

/** The plan's organization and every ancestor, bottom up. */
async function ancestorsOfPlan(db: Db, planId: number): Promise<number[]> {
	const rows = await db
		.withRecursive('chain(id, parent_id)', (qb) =>
			qb
				.selectFrom('plans')
				.innerJoin('organizations', 'organizations.id', 'plans.organization_id')
				.select(['organizations.id', 'organizations.parent_id'])
				.where('plans.id', '=', planId)
				.unionAll((qb2) =>
					qb2
						.selectFrom('organizations')
						.innerJoin('chain', 'chain.parent_id', 'organizations.id')
						.select(['organizations.id', 'organizations.parent_id'])
				)
		)
		.selectFrom('chain')
		.select('id')
		.execute();
	return rows.map((r) => r.id);
}

/** Adds `sign` × each cell to the rows of every organization in `organizationIds`. */
async function addCells(db: Db, organizationIds: number[], cells: Iterable<Cell>, sign: 1 | -1): Promise<void> {
	for (const cell of cells) {
		if (cell.taskCount === 0 && cell.flaggedCount === 0 && cell.ratioSum === 0 && cell.ratioCount === 0) continue;
		for (const organizationId of organizationIds) {
			await db
				.insertInto('status_rollups')
				.values({
					organization_id: organizationId,
					period_id: cell.periodId,
					dimension: cell.dimension,
					dimension_key: cell.key,
					dimension_order: cell.order,
					status: cell.status,
					status_source: cell.statusSource,
					task_count: sign * cell.taskCount,
					flagged_count: sign * cell.flaggedCount,
					ratio_sum: sign * cell.ratioSum,
					ratio_count: sign * cell.ratioCount
				})
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
				.execute();
		}
	}
}

/**
 * Brings the rollups up to date with a plan after a write: adds (after − before) to the plan's
 * organization and its ancestors, drops rows that fell to zero, and bumps the data version.
 */
export async function applyPlanChange(db: Db, planId: number, before: Contribution): Promise<void> {
	const after = await planContribution(db, planId);
	const delta: Cell[] = [];
	for (const [key, cell] of after) {
		const old = before.get(key);
		delta.push(
			old
				? {
						...cell,
						taskCount: cell.taskCount - old.taskCount,
						flaggedCount: cell.flaggedCount - old.flaggedCount,
						ratioSum: cell.ratioSum - old.ratioSum,
						ratioCount: cell.ratioCount - old.ratioCount
					}
				: cell
		);
	}
	for (const [key, old] of before) {
		if (!after.has(key))
			delta.push({
				...old,
				taskCount: -old.taskCount,
				flaggedCount: -old.flaggedCount,
				ratioSum: -old.ratioSum,
				ratioCount: -old.ratioCount
			});
	}
	const organizations = await ancestorsOfPlan(db, planId);
	await addCells(db, organizations, delta, 1);
	await db
		.deleteFrom('status_rollups')
		.where('organization_id', 'in', organizations)
		.where('task_count', '=', 0)
		.where('ratio_count', '=', 0)
		.execute();
	await bumpDataVersion(db);
}

/** Takes plans out of the rollups before they are deleted (sample removal). */
export async function subtractPlans(db: Db, planIds: number[]): Promise<void> {
	for (const planId of planIds) await applyPlanChangeFromEmpty(db, planId);
	await bumpDataVersion(db);
}

async function applyPlanChangeFromEmpty(db: Db, planId: number): Promise<void> {
	const current = await planContribution(db, planId);
	const organizations = await ancestorsOfPlan(db, planId);
	await addCells(db, organizations, current.values(), -1);
	await db
		.deleteFrom('status_rollups')
		.where('organization_id', 'in', organizations)
		.where('task_count', '=', 0)
		.where('ratio_count', '=', 0)
		.execute();
}

/** Every write transaction bumps this; caches of rendered pages are keyed by it. */
export async function bumpDataVersion(db: Db): Promise<void> {
	await db
		.updateTable('data_version')
		.set((eb) => ({ version: eb('version', '+', 1) }))
		.where('id', '=', 1)
		.execute();
}

export async function getDataVersion(db: Db): Promise<number> {
	const row = await db.selectFrom('data_version').select('version').where('id', '=', 1).executeTakeFirst();
	return row?.version ?? 0;
}

/**
 * The organizations whose rollup rows answer a scope exactly, or null when the plain query must run:
 * organizations that are not disjoint subtrees. (Which task filters the rows can answer is
 * queries/measures.ts's decision.)
 */
export async function rollupOrganizations(db: Db, scope: Scope): Promise<number[] | null> {
	// One page asks this of one scope several times; the answer depends on the scope alone.
	let answer = answers.get(scope);
	if (!answer) {
		answer = scopeOrganizations(db, scope);
		answers.set(scope, answer);
	}
	return answer;
}

const answers = new WeakMap<Scope, Promise<number[] | null>>();

async function scopeOrganizations(db: Db, scope: Scope): Promise<number[] | null> {
	const excluded = new Set(scope.excludedOrganizationIds ?? []);
	if (scope.organizationIds === null) {
		const roots = await db.selectFrom('organizations').select(['id']).where('parent_id', 'is', null).execute();
		// An excluded organization below a counted root would be inside that root's rows.
		const excludedRoots = roots.filter((r) => excluded.has(r.id)).length;
		if (excludedRoots !== excluded.size) return null;
		return roots.map((r) => r.id).filter((id) => !excluded.has(id));
	}
	// Two named organizations (same name in two places) might nest and count twice: use the plain query.
	if (scope.organizations.length !== 1) return null;
	return [scope.organizations[0].id];
}

/** Which rollup rows to read: one key of the dimension, some statuses, some sources (null: all). */
export interface RollupNarrowing {
	key: string | null;
	status: readonly Status[] | null;
	source: readonly StatusSource[] | null;
}

/**
 * Rollup rows of one dimension for organizations and periods, summed over the organizations, optionally
 * narrowed to one key, statuses and sources.
 */
export async function readRollups(
	db: Db,
	organizationIds: number[],
	periodIds: number[],
	dimension: Dimension,
	narrow: RollupNarrowing = { key: null, status: null, source: null }
) {
	if (organizationIds.length === 0 || periodIds.length === 0) return [];
	return db
		.selectFrom('status_rollups')
		.where('organization_id', 'in', organizationIds)
		.where('period_id', 'in', periodIds)
		.where('dimension', '=', dimension)
		.$if(narrow.key !== null, (qb) => qb.where('dimension_key', '=', narrow.key!))
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
