/**
 * A person confirms or corrects a current status. The confirmation is a new current update
 * (status_source 'confirmed', who and why with it) that supersedes the machine's reading, which
 * stays as history beside it; the rollups, the search index (its triggers) and the data version
 * follow in the same transaction, with one audit row per update.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db';
import type { Database } from '../db/schema';
import type { Status, StatusSource } from '../../domain/status';
import type { Actor } from './import-plan';
import { recordAudit } from './audit';
import { ancestorIds } from './scope';
import { applyPlanChange, contributionOf, readPlanFacts, type Contribution } from './rollups';
import { writeTransaction } from './write-transaction';

/** A current update as a confirmation sees it: its task, organization and reading. */
export interface ConfirmTarget {
	updateId: number;
	taskId: number;
	taskName: string;
	planId: number;
	organizationId: number;
	periodId: number;
	status: Status;
	statusSource: StatusSource;
	/** Null for the period's current update; a stale form names one that is not. */
	supersededAt: string | null;
}

/** The updates by id with what a permission check and a confirmation need; unknown ids are left out. */
export async function getConfirmTargets(db: Kysely<Database>, updateIds: readonly number[]): Promise<ConfirmTarget[]> {
	if (updateIds.length === 0) return [];
	return db
		.selectFrom('updates')
		.innerJoin('tasks', 'tasks.id', 'updates.task_id')
		.innerJoin('plans', 'plans.id', 'tasks.plan_id')
		.select([
			'updates.id as updateId',
			'updates.task_id as taskId',
			'tasks.name as taskName',
			'tasks.plan_id as planId',
			'plans.organization_id as organizationId',
			'updates.period_id as periodId',
			'updates.status',
			'updates.status_source as statusSource',
			'updates.superseded_at as supersededAt'
		])
		.where('updates.id', 'in', [...updateIds])
		.orderBy('updates.id')
		.execute();
}

/** The current update of each task in the period (ids of tasks without one are left out). */
export async function currentUpdateIds(db: Kysely<Database>, taskIds: readonly number[], periodId: number) {
	if (taskIds.length === 0) return [];
	const rows = await db
		.selectFrom('updates')
		.select('id')
		.where('task_id', 'in', [...taskIds])
		.where('period_id', '=', periodId)
		.where('superseded_at', 'is', null)
		.execute();
	return rows.map((r) => r.id);
}

export interface Confirmation {
	updateId: number;
	/** The status the person gives: the same as the reading confirms it, another corrects it. */
	status: Status;
	reason: string | null;
}

export class StaleUpdateError extends Error {
	constructor(readonly updateId: number) {
		super(`update ${updateId} is no longer the current one (someone changed it meanwhile)`);
	}
}

/**
 * Confirms or corrects current updates, all in one transaction: each gets a confirmed successor
 * and an audit row (status_confirm, or status_correct when the status changes). Throws
 * StaleUpdateError, writing nothing, when one of them is not current any more.
 */
export async function confirmStatuses(db: DB, confirmations: Confirmation[], actor: Actor): Promise<number> {
	if (confirmations.length === 0) return 0;
	const now = new Date().toISOString();
	return writeTransaction(db, async (trx) => {
		const targets = new Map(
			(
				await getConfirmTargets(
					trx,
					confirmations.map((c) => c.updateId)
				)
			).map((t) => [t.updateId, t])
		);
		const planIds = [...new Set([...targets.values()].map((t) => t.planId))];
		const before = new Map<number, Contribution>();
		for (const planId of planIds) before.set(planId, contributionOf(await readPlanFacts(trx, planId)));
		for (const confirmation of confirmations) {
			const target = targets.get(confirmation.updateId);
			if (!target || target.supersededAt !== null) throw new StaleUpdateError(confirmation.updateId);
			await writeConfirmation(trx, target, confirmation, actor, now);
		}
		for (const planId of planIds) {
			const organizationId = [...targets.values()].find((t) => t.planId === planId)!.organizationId;
			const after = contributionOf(await readPlanFacts(trx, planId));
			await applyPlanChange(trx, await ancestorIds(trx, [organizationId]), before.get(planId)!, after);
		}
		return confirmations.length;
	});
}

/** Supersedes the reading and inserts its confirmed successor (the reading's text, evidence and figures kept). */
/** What a confirmation keeps of the update it supersedes: everything the report said, not the status. */
const READ_COLUMNS = [
	'task_id',
	'period_id',
	'source_id',
	'status_text',
	'evidence',
	'percent',
	'actual_value',
	'period_target',
	'notes'
] as const;

async function writeConfirmation(
	trx: Kysely<Database>,
	target: ConfirmTarget,
	{ updateId, status, reason }: Confirmation,
	actor: Actor,
	now: string
) {
	await trx.updateTable('updates').set({ superseded_at: now }).where('id', '=', updateId).execute();
	await trx
		.insertInto('updates')
		.columns([
			...READ_COLUMNS,
			'status',
			'status_source',
			'created_at',
			'confirmed_by',
			'confirmed_by_user_id',
			'reason'
		])
		.expression((eb) =>
			eb
				.selectFrom('updates')
				.select(READ_COLUMNS)
				.select((s) => [
					s.val(status).as('status'),
					s.val('confirmed').as('status_source'),
					s.val(now).as('created_at'),
					s.val(actor.name).as('confirmed_by'),
					s.val(actor.userId).as('confirmed_by_user_id'),
					s.val(reason).as('reason')
				])
				.where('id', '=', updateId)
		)
		.execute();
	await recordAudit(trx, {
		actor: actor.name,
		actorUserId: actor.userId,
		kind: status === target.status ? 'status_confirm' : 'status_correct',
		organizationId: target.organizationId,
		subject: target.taskName,
		before: { updateId, taskId: target.taskId, status: target.status, statusSource: target.statusSource },
		after: { taskId: target.taskId, status, statusSource: 'confirmed' },
		reason
	});
}

/** The organization that owns a plan, or undefined. */
export async function getPlanOrganizationId(db: Kysely<Database>, planId: number): Promise<number | undefined> {
	const row = await db.selectFrom('plans').select('organization_id').where('id', '=', planId).executeTakeFirst();
	return row?.organization_id;
}

/** Of these plans, those owned by one of these organizations. */
export async function plansOwnedBy(
	db: Kysely<Database>,
	planIds: readonly number[],
	organizationIds: readonly number[]
): Promise<number[]> {
	if (planIds.length === 0 || organizationIds.length === 0) return [];
	const rows = await db
		.selectFrom('plans')
		.select('id')
		.where('id', 'in', [...planIds])
		.where('organization_id', 'in', [...organizationIds])
		.execute();
	return rows.map((r) => r.id);
}
