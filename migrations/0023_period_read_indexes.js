// Two indexes the overview reads a province's period through: the attention ranking covered, and a period's reports.
// @ts-check
import { sql } from 'kysely';

/**
 * The overview's "needs attention" list ranks every behind and not-started update of the scope's period (a
 * province: 13 000 of 50 845) by its completion ratio and gap to 序时进度, which read the update's percent,
 * actual value and period target. Through updates_current_period_status (0011) each of those rows was a read
 * of the whole update, status text and evidence included: 9 ms of the ranking's 33. The same index with those
 * three columns added (and superseded_at, always null here, without which SQLite does not count the index as
 * covering a query that tests it) answers the ranking from the index alone; its leading columns, and so every plan that
 * uses it (the task list reads its pages in order through it), are unchanged.
 *
 * The overview's "data as of" line counts a period's reports: sources had no index by period, so a whole
 * province's read walked every plan to find them (7.6 ms); sources_period reads the period's reports alone.
 *
 * Statistics as 0016 gives them, for the planner, at the same city scale.
 *
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
	await db.transaction().execute(async (trx) => {
		await sql`drop index updates_current_period_status`.execute(trx);
		await sql`create index updates_current_period_status on updates
			(period_id, status, task_id, percent, actual_value, period_target, superseded_at) where superseded_at is null`.execute(
			trx
		);
		await sql`create index sources_period on sources (period_id, plan_id, published_on, imported_at)`.execute(trx);
		await sql`delete from sqlite_stat1 where idx in ('updates_current_period_status', 'sources_period')`.execute(trx);
		await sql`insert into sqlite_stat1 (tbl, idx, stat) values
			('updates', 'updates_current_period_status', '102416 5121 854 1 1 1 1 1'),
			('sources', 'sources_period', '4000 200 1 1 1')`.execute(trx);
	});
	// The planner reads the statistics when it loads the schema: make this connection read them now.
	await sql`analyze sqlite_schema`.execute(db);
}
