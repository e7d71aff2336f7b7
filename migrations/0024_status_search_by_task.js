// The status-text search index keyed by period and task instead of by update, so a match names its task itself.
// @ts-check
import { sql } from 'kysely';

/**
 * The low 32 bits of a key hold the task id, the bits above the period id: key = period_id << 32 | task_id
 * (ids stay far below 2^32). src/lib/server/queries/task-search.ts reads the task back with the same mask, and
 * reads the keys of a year's periods as one range. Period first, so the keys of a period's texts lie as close
 * together as their tasks' ids: FTS5 stores each key as its difference from the one before, and a generated
 * city's database is 1.6 % larger than with update ids (task first, 5.6 %).
 */
const TASK_BITS = sql.lit(32);

/** The search key of an update row (`new` or `old` in a trigger). */
const key = (/** @type {'new' | 'old'} */ row) =>
	sql`(${sql.raw(row)}.period_id << ${TASK_BITS}) | ${sql.raw(row)}.task_id`;

/**
 * 0008 keyed update_search by update id, and the search mapped each matching id to its task through 0022's
 * index (id, task_id): for 数字化改造 in a province 12 438 lookups scattered over a million-entry index, most of
 * the 24 ms the search's one statement took (the match itself is 2 ms). Only current updates are indexed, and
 * a task has at most one current update per period (the unique index updates_current), so (period, task) names
 * an indexed row as well as its id did; as the key, it gives the task by a mask, and 0022's index has no
 * other reader.
 *
 * A superseded update shares its key with the current one of its task and period, so the triggers touch the
 * index only for rows that are current (before for a delete, after for an insert). A report's writes are in key
 * order, as they were in id order: one period of one plan, its tasks in report order, which is the order they
 * were created in (FTS5 writes out what it holds when a key comes before the last one).
 *
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
	await db.transaction().execute(async (trx) => {
		for (const trigger of ['updates_search_insert', 'updates_search_update', 'updates_search_delete']) {
			await sql`drop trigger ${sql.raw(trigger)}`.execute(trx);
		}
		await sql`drop table update_search`.execute(trx);
		await sql`drop index updates_task_of_update`.execute(trx);
		await sql`create virtual table update_search using fts5(status_text, content='', contentless_delete=1, tokenize='trigram')`.execute(
			trx
		);
		await sql`create trigger updates_search_insert after insert on updates when new.superseded_at is null begin
			insert into update_search (rowid, status_text) values (${key('new')}, new.status_text);
		end`.execute(trx);
		await sql`create trigger updates_search_update after update of status_text, superseded_at, task_id, period_id on updates begin
			delete from update_search where old.superseded_at is null and rowid = ${key('old')};
			insert into update_search (rowid, status_text) select ${key('new')}, new.status_text where new.superseded_at is null;
		end`.execute(trx);
		await sql`create trigger updates_search_delete after delete on updates when old.superseded_at is null begin
			delete from update_search where rowid = ${key('old')};
		end`.execute(trx);
		await sql`insert into update_search (rowid, status_text)
			select (period_id << ${TASK_BITS}) | task_id, status_text from updates where superseded_at is null order by 1`.execute(
			trx
		);
	});
}
