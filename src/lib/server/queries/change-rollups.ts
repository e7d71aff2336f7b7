/**
 * Pre-aggregated change counts (table change_rollups, migration 0021): each plan's current updates counted by
 * period × ('all' | category name key) × the task's previous reported period of the year × its status there ×
 * its status now, for the plan's organization and every ancestor. Kept in the same before/after diff of a
 * plan's facts as status_rollups (rollups.ts), read by the change panel when the scope is whole organizations
 * with no filter and the default earlier period (pages/changes.ts); the kind of change of each pair stays the
 * domain's (`changeKind`), applied when read by its SQL twin (change-sql.ts `changeKindSql`).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Status } from '../../domain/status';
import type { StatusChangeCount } from '../../types/overview';
import { CHANGE_KINDS, emptyChangeCounts, type ChangeCounts } from '../../domain/changes';
import { changeKindSql } from './change-sql';
import { insertRows } from './insert-rows';
import type { UpdateFact } from './rollups';

type Db = Kysely<Database> | Transaction<Database>;

/** One row's key and count: `earlierPeriodId` 0 and `earlierStatus` '' when the task has no earlier report that year. */
export interface ChangeRollupCell {
	periodId: number;
	dimension: 'all' | 'category';
	key: string;
	order: number;
	earlierPeriodId: number;
	earlierStatus: Status | '';
	status: Status;
	behindRun: number;
	taskCount: number;
}

/** A plan's current updates counted as change_rollups counts them, keyed for diffing. */
export type ChangeContribution = Map<string, ChangeRollupCell>;

const keyOf = (c: ChangeRollupCell) =>
	[c.periodId, c.dimension, c.key, c.earlierPeriodId, c.earlierStatus, c.status, c.behindRun].join('\u0000');

/** The GROUP BY of migration 0021 for one plan's facts, in memory; only for `periods` when given. */
export function changeContributionOf(updates: UpdateFact[], periods: Set<number> | null): ChangeContribution {
	const out: ChangeContribution = new Map();
	const add = (fact: UpdateFact, dimension: ChangeRollupCell['dimension'], key: string, order: number) => {
		const cell: ChangeRollupCell = {
			periodId: fact.periodId,
			dimension,
			key,
			order,
			earlierPeriodId: fact.earlierPeriodId ?? 0,
			earlierStatus: fact.earlierStatus ?? '',
			status: fact.status,
			behindRun: fact.behindRun,
			taskCount: 1
		};
		const id = keyOf(cell);
		const seen = out.get(id);
		if (!seen) out.set(id, cell);
		else {
			seen.taskCount++;
			seen.order = Math.min(seen.order, order);
		}
	};
	for (const fact of updates) {
		if (periods && !periods.has(fact.periodId)) continue;
		add(fact, 'all', '', 0);
		add(fact, 'category', fact.category ?? '', fact.categoryPosition);
	}
	return out;
}

/** after − before, cell by cell; cells that did not change are left out. */
export function changeContributionChange(before: ChangeContribution, after: ChangeContribution): ChangeRollupCell[] {
	const delta: ChangeRollupCell[] = [];
	for (const [id, cell] of after) delta.push({ ...cell, taskCount: cell.taskCount - (before.get(id)?.taskCount ?? 0) });
	for (const [id, old] of before) if (!after.has(id)) delta.push({ ...old, taskCount: -old.taskCount });
	return delta.filter((c) => c.taskCount !== 0);
}

/** Rows per multi-row upsert: 10 values each, well under SQLite's 32 766 bound values. */
const UPSERT_ROWS = 1000;

/** Adds each cell to the rows of every organization in `organizationIds`, then drops the rows it left at zero. */
export async function addChangeCells(db: Db, organizationIds: number[], cells: ChangeRollupCell[]): Promise<void> {
	if (cells.length === 0 || organizationIds.length === 0) return;
	const rows = organizationIds.flatMap((organizationId) =>
		cells.map((c) => ({
			organization_id: organizationId,
			period_id: c.periodId,
			dimension: c.dimension,
			dimension_key: c.key,
			dimension_order: c.order,
			earlier_period_id: c.earlierPeriodId,
			earlier_status: c.earlierStatus,
			status: c.status,
			behind_run: c.behindRun,
			task_count: c.taskCount
		}))
	);
	await insertRows(db, 'change_rollups:add', rows, UPSERT_ROWS, (chunk) =>
		db
			.insertInto('change_rollups')
			.values(chunk)
			.onConflict((oc) =>
				oc
					.columns([
						'organization_id',
						'period_id',
						'dimension',
						'dimension_key',
						'earlier_period_id',
						'earlier_status',
						'status',
						'behind_run'
					])
					.doUpdateSet((eb) => ({
						task_count: eb('change_rollups.task_count', '+', eb.ref('excluded.task_count')),
						dimension_order: sql<number>`min(change_rollups.dimension_order, excluded.dimension_order)`
					}))
			)
	);
	// Only a cell taken away can leave a row at zero: a write that only adds (a new period) sweeps nothing.
	const emptied = [...new Set(cells.filter((c) => c.taskCount < 0).map((c) => c.periodId))];
	if (emptied.length === 0) return;
	await db
		.deleteFrom('change_rollups')
		.where('organization_id', 'in', organizationIds)
		.where('period_id', 'in', emptied)
		.where('task_count', '=', 0)
		.execute();
}

/** Change counts of one organization (its subtree) and one key, as the panel sums them. */
export interface ChangeRollupCounts {
	organizationId: number;
	key: string;
	order: number;
	counts: ChangeCounts;
}

/** The change rollups' rows of these organizations in one period and dimension, for a query to go on from. */
function cellsOf(db: Db, organizationIds: number[], periodId: number, dimension: ChangeRollupCell['dimension']) {
	return db
		.selectFrom('change_rollups')
		.where('organization_id', 'in', organizationIds)
		.where('period_id', '=', periodId)
		.where('dimension', '=', dimension);
}

/**
 * The rows of `dimension` for these organizations in `periodId`, per organization and key, with each pair
 * classified by the domain: a task whose previous reported period is `sinceId` changed from its status
 * there; any other task had no status in `sinceId` (unknown). Only the scope's default earlier period
 * (the latest with data before the period) makes that exact: a task reported in between would have it
 * as its previous period.
 *
 * Summed by kind in SQL, one row per organization and key: a whole city's categories are 1 700 pairs of statuses
 * in 194 keys, and reading the pairs into JavaScript took 5 of the 6 ms this query cost its overview and deck.
 */
export async function readChangeRollups(
	db: Db,
	organizationIds: number[],
	periodId: number,
	sinceId: number | null,
	dimension: ChangeRollupCell['dimension']
): Promise<ChangeRollupCounts[]> {
	if (organizationIds.length === 0) return [];
	// The domain's changeKind as SQL (change-sql.ts); no earlier status ('') is unknown.
	const earlier = sql<Status>`(case when earlier_period_id = ${sinceId ?? -1} then earlier_status else '' end)`;
	const cells = cellsOf(db, organizationIds, periodId, dimension).select([
		'organization_id',
		'dimension_key',
		'dimension_order',
		'task_count',
		changeKindSql(earlier, sql<Status>`status`).as('kind')
	]);
	const rows = await db
		.selectFrom(cells.as('cells'))
		.select((eb) => [
			'organization_id as organizationId',
			'dimension_key as key',
			eb.fn.min('dimension_order').as('order'),
			...CHANGE_KINDS.map((kind) =>
				sql<number>`sum(case when kind = ${sql.lit(kind)} then task_count else 0 end)`.as(kind)
			)
		])
		.groupBy(['organization_id', 'dimension_key'])
		// A key whose rows all count nothing has no changes to show (no row holds a negative count).
		.having(sql<number>`sum(task_count)`, '>', 0)
		.execute();
	return rows.map((r) => {
		const counts = emptyChangeCounts();
		for (const kind of CHANGE_KINDS) counts[kind] = Number(r[kind]);
		return { organizationId: r.organizationId, key: r.key, order: r.order, counts };
	});
}

/**
 * The tasks of these organizations whose status in `periodId` differs from their status in `previousId`, by
 * category key and pair of statuses, for the deck's notes (pages/present.ts). Exact when `previousId` is the
 * scope's previous period with data, as readChangeRollups explains: every task reported there has it as its
 * previous reported period.
 */
export async function readStatusChangeRollups(
	db: Db,
	organizationIds: number[],
	periodId: number,
	previousId: number
): Promise<StatusChangeCount[]> {
	if (organizationIds.length === 0) return [];
	const rows = await cellsOf(db, organizationIds, periodId, 'category')
		.where('earlier_period_id', '=', previousId)
		.whereRef('earlier_status', '!=', 'status')
		.select((eb) => [
			'dimension_key as key',
			sql<Status>`earlier_status`.as('from'),
			sql<Status>`status`.as('to'),
			eb.fn.sum<number>('task_count').as('count')
		])
		.groupBy(['dimension_key', 'earlier_status', 'status'])
		.having((eb) => eb.fn.sum('task_count'), '>', 0)
		.execute();
	return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** Current updates of `periodId` behind or not started for at least `min` periods in a row, in these organizations. */
export async function countLongBehind(
	db: Db,
	organizationIds: number[],
	periodId: number,
	min: number
): Promise<number> {
	if (organizationIds.length === 0) return 0;
	const row = await cellsOf(db, organizationIds, periodId, 'all')
		.where('behind_run', '>=', min)
		.select((eb) => eb.fn.sum<number>('task_count').as('total'))
		.executeTakeFirst();
	return Number(row?.total ?? 0);
}
