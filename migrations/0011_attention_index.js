// An index for the overview's "needs attention" list: current updates of a period by status, in task order.
// @ts-check
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await sql`create index updates_current_period_status on updates (period_id, status, task_id) where superseded_at is null`.execute(
		db
	);
}
