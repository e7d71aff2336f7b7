// An index from an update's id to its task, for the search: it maps the status texts that match to their tasks.
// @ts-check
import { sql } from 'kysely';

/**
 * The search (src/lib/server/queries/task-search.ts) finds the updates whose status text matches in the
 * full-text index, which holds their ids, and needs their tasks. Read from the updates table, each id
 * costs a read of the whole row (status text, evidence): for 数字化改造 in a province, 12 438 rows and
 * 43 ms. This index holds only the two numbers, hundreds to a page where the table holds a few rows,
 * and the same reads take 15 ms. The query names it (INDEXED BY): SQLite otherwise always prefers the
 * table's own key for a lookup by id. New updates take the largest ids, so each write appends to it.
 *
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
	await sql`create index updates_task_of_update on updates (id, task_id)`.execute(db);
}
