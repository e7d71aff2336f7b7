// Two indexes the overview reads a province's period through (the attention ranking covered, a period's reports), and
// a cheaper trigger for the common write: an update appended after every other of its task's year.
// @ts-check
import { sql } from 'kysely';
import { recomputeFrom } from './0021_change_rollups.js';

/** The domain's ATTENTION_STATUSES as 0021 froze them. */
const ATTENTION = sql`('behind', 'not_started')`;

/** Whether the task has a current update later in the new update's year. */
const LATER = sql`exists (select 1 from updates l join periods lp on lp.id = l.period_id
	join periods np on np.id = new.period_id
	where l.task_id = new.task_id and l.superseded_at is null and lp.year = np.year and lp.month_end > np.month_end)`;

/** FROM … of the task's current update just before the new one in its year (none: no row). */
const PREVIOUS = sql`from updates e join periods ep on ep.id = e.period_id join periods np on np.id = new.period_id
	where e.task_id = new.task_id and e.superseded_at is null and ep.year = np.year and ep.month_end < np.month_end
	order by ep.month_end desc limit 1`;

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
 * 0021's insert trigger recomputes a task's earlier status and run behind for the new update and every later one
 * of its year, each run counted afresh: right for an earlier quarter imported late, but nearly every write is the
 * newest quarter of its tasks, whose run is the previous update's plus one (or 0 when it is not behind or not
 * started; 0 for the previous when it was not). That case now takes two index lookups, and 0021's trigger keeps
 * the rest; change-rollups.spec.ts holds both to the row-by-row answer.
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
	await sql`drop trigger updates_changes_insert`.execute(db);
	await sql`create trigger updates_changes_insert after insert on updates
		when new.superseded_at is null and ${LATER} begin ${recomputeFrom('new')} end`.execute(db);
	await sql`create trigger updates_changes_append after insert on updates
		when new.superseded_at is null and not ${LATER} begin
		update updates set (earlier_period_id, earlier_status) = (select e.period_id, e.status ${PREVIOUS}),
			behind_run = case when new.status in ${ATTENTION} then 1 + ifnull((select e.behind_run ${PREVIOUS}), 0) else 0 end
		where id = new.id;
	end`.execute(db);
	// The planner reads the statistics when it loads the schema: make this connection read them now.
	await sql`analyze sqlite_schema`.execute(db);
}
