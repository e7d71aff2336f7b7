/**
 * Withdrawing an import: the document and every update it wrote go (its confirmations too, which
 * confirmed its reading), the updates it superseded become current again, tasks and a plan it
 * alone brought go with it, and the rollups, summaries (cascade), search index (triggers) and data
 * version follow — one transaction with its audit row. The audit row keeps what the document was.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db';
import type { Database } from '../db/schema';
import type { Actor } from './import-plan';
import type { ImportEntry } from '../../types/staff';
import { recordAudit } from './audit';
import { ancestorIds } from './scope';
import { applyPlanChange, contributionOf, readPlanFacts } from './rollups';
import { writeTransaction } from './write-transaction';

type Trx = Kysely<Database>;

/** An imported document as the history lists it, with what the withdrawal checks (format, ids). */
export interface ImportRecord extends Omit<ImportEntry, 'mayWithdraw'> {
	format: string;
	importedByUserId: number | null;
	organizationId: number;
}

/** One imported document by id, or undefined. */
export async function getImport(db: Trx, sourceId: number): Promise<ImportRecord | undefined> {
	return importRecords(db).where('sources.id', '=', sourceId).executeTakeFirst();
}

/** Imports into these organizations (null: all), newest first; at most `limit`. */
export async function listImports(db: Trx, organizationIds: number[] | null, limit = 200): Promise<ImportRecord[]> {
	if (organizationIds?.length === 0) return [];
	return importRecords(db)
		.$if(organizationIds !== null, (qb) => qb.where('plans.organization_id', 'in', organizationIds!))
		.orderBy('sources.imported_at', 'desc')
		.orderBy('sources.id', 'desc')
		.limit(limit)
		.execute();
}

function importRecords(db: Trx) {
	return db
		.selectFrom('sources')
		.innerJoin('plans', 'plans.id', 'sources.plan_id')
		.innerJoin('organizations', 'organizations.id', 'plans.organization_id')
		.innerJoin('periods', 'periods.id', 'sources.period_id')
		.select((eb) => [
			'sources.id as sourceId',
			'sources.file_name as fileName',
			'sources.title',
			'sources.sha256',
			'sources.format',
			'sources.imported_at as importedAt',
			'sources.imported_by as importedBy',
			'sources.imported_by_user_id as importedByUserId',
			'plans.organization_id as organizationId',
			'organizations.name as organization',
			'periods.year',
			'periods.quarter',
			'periods.month_start as monthStart',
			'periods.month_end as monthEnd',
			eb
				.selectFrom('updates')
				.select(eb.fn.countAll<number>().as('n'))
				.whereRef('updates.source_id', '=', 'sources.id')
				.where('updates.superseded_at', 'is', null)
				.as('currentCount')
		])
		.$narrowType<{ currentCount: number }>();
}

export interface WithdrawResult {
	removedCount: number;
	restoredCount: number;
}

/** Withdraws one import (see the module's note); undefined when there is no such import. */
export async function withdrawImport(
	db: DB,
	sourceId: number,
	actor: Actor,
	reason: string
): Promise<WithdrawResult | undefined> {
	return writeTransaction(db, async (trx) => {
		const record = await getImport(trx, sourceId);
		if (!record) return undefined;
		const source = await trx
			.selectFrom('sources')
			.select(['plan_id as planId', 'imported_at as importedAt'])
			.where('id', '=', sourceId)
			.executeTakeFirstOrThrow();
		const before = contributionOf(await readPlanFacts(trx, source.planId));
		const written = await trx
			.selectFrom('updates')
			.select(['task_id as taskId', 'period_id as periodId'])
			.where('source_id', '=', sourceId)
			.execute();
		// Its updates, their flags and its summaries go with the document (foreign keys cascade).
		await trx.deleteFrom('sources').where('id', '=', sourceId).execute();
		const periods = [...new Set(written.map((w) => w.periodId))];
		const restoredCount = await restoreSuperseded(trx, source.planId, periods, source.importedAt);
		await removeWhatItAloneBrought(trx, source.planId);
		const after = contributionOf(await readPlanFacts(trx, source.planId));
		await applyPlanChange(trx, await ancestorIds(trx, [record.organizationId]), before, after);
		await recordAudit(trx, {
			actor: actor.name,
			actorUserId: actor.userId,
			kind: 'withdraw',
			organizationId: record.organizationId,
			subject: record.fileName ?? record.title ?? record.sha256,
			before: { ...record, updates: written.length },
			after: { restored: restoredCount },
			reason
		});
		return { removedCount: written.length, restoredCount };
	});
}

/**
 * The updates the import superseded are those of its plan and periods superseded at its import
 * time (a write supersedes with its own time); each becomes current again where nothing newer is
 * (a later report of the period keeps its place).
 */
async function restoreSuperseded(trx: Trx, planId: number, periodIds: number[], importedAt: string) {
	if (periodIds.length === 0) return 0;
	const candidates = await trx
		.selectFrom('updates')
		.innerJoin('tasks', 'tasks.id', 'updates.task_id')
		.select(['updates.id', 'updates.task_id as taskId', 'updates.period_id as periodId'])
		.where('tasks.plan_id', '=', planId)
		.where('updates.period_id', 'in', periodIds)
		.where('updates.superseded_at', '=', importedAt)
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('updates as c')
						.select(sql`1`.as('one'))
						.whereRef('c.task_id', '=', 'updates.task_id')
						.whereRef('c.period_id', '=', 'updates.period_id')
						.where('c.superseded_at', 'is', null)
				)
			)
		)
		.orderBy('updates.id', 'desc')
		.execute();
	// One per task and period: the newest, should two share the time.
	const seen = new Set<string>();
	const ids = candidates.filter((c) => !seen.has(`${c.taskId}:${c.periodId}`) && seen.add(`${c.taskId}:${c.periodId}`));
	if (ids.length === 0) return 0;
	await trx
		.updateTable('updates')
		.set({ superseded_at: null })
		.where(
			'id',
			'in',
			ids.map((c) => c.id)
		)
		.execute();
	return ids.length;
}

/** Tasks left with no update, categories with no task, and the plan when no document of it is left. */
async function removeWhatItAloneBrought(trx: Trx, planId: number) {
	await trx
		.deleteFrom('tasks')
		.where('plan_id', '=', planId)
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('updates')
						.select(sql`1`.as('one'))
						.whereRef('updates.task_id', '=', 'tasks.id')
				)
			)
		)
		.execute();
	await trx
		.deleteFrom('categories')
		.where('plan_id', '=', planId)
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('tasks')
						.select(sql`1`.as('one'))
						.whereRef('tasks.category_id', '=', 'categories.id')
				)
			)
		)
		.execute();
	await trx
		.deleteFrom('plans')
		.where('id', '=', planId)
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('sources')
						.select(sql`1`.as('one'))
						.whereRef('sources.plan_id', '=', 'plans.id')
				)
			)
		)
		.execute();
}

/** Withdrawals from the audit trail (the document itself is gone), newest first, for these organizations (null: all). */
export async function listWithdrawals(db: Trx, organizationIds: number[] | null, limit = 100) {
	if (organizationIds?.length === 0) return [];
	return db
		.selectFrom('audit_events')
		.leftJoin('organizations', 'organizations.id', 'audit_events.organization_id')
		.select([
			'audit_events.at',
			'audit_events.actor',
			'audit_events.subject',
			'audit_events.reason',
			'organizations.name as organization'
		])
		.where('audit_events.kind', '=', 'withdraw')
		.$if(organizationIds !== null, (qb) => qb.where('audit_events.organization_id', 'in', organizationIds!))
		.orderBy('audit_events.id', 'desc')
		.limit(limit)
		.execute();
}
