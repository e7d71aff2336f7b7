// The planner looks a task's current update of a period up in updates_current, not in updates_task_period.
// @ts-check
import { sql } from 'kysely';

/**
 * 0016 froze the statistics of a generated city, where no report had been imported twice: both indexes on
 * (task_id, period_id) then held one row per task and period, `102416 4 1`, and the planner took the first it
 * met, updates_task_period, which holds superseded updates too and reads each row from the table to drop
 * them. Once reports are imported again (a corrected report supersedes the first), that index holds more
 * than one row per task and period; updates_current (unique, current updates only) holds one. Said so here,
 * the planner takes updates_current wherever a query asks for current updates by task: the place of a task
 * in the middle of a province's whole list (a walk over 25 000 of the period's tasks) counted in 14 ms
 * instead of 26. Queries that read superseded updates too (a task's history) can use only updates_task_period,
 * and still do.
 *
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
	await sql`update sqlite_stat1 set stat = '102416 4 2' where tbl = 'updates' and idx = 'updates_task_period'`.execute(
		db
	);
	// The planner reads the statistics when it loads the schema: make this connection read them now.
	await sql`analyze sqlite_schema`.execute(db);
}
