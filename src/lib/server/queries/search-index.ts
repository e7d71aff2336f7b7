/**
 * The two search indexes (task_search, update_search: migrations 0008 and 0024) are kept by
 * triggers, one FTS5 write per row written. FTS5 writes out what it holds at every statement of a
 * transaction, each time as a small segment, and merges the segments as they pile up: of the 22 s
 * a generated city took, 8 s went to the two indexes. A bulk writer (the generator) writes with
 * the triggers that add to the indexes dropped, and builds both indexes whole at the end, one
 * statement each: 0.9 s for a city. The rows written are the same either way; so is every search.
 */
import { sql } from 'kysely';
import type { DB } from '../db';
import { TASK_BITS } from './task-search';
import { writeTransaction } from './write-transaction';

/** What the triggers append to every indexed text (migration 0025). */
const END = sql`char(1)`;

/** The triggers that add to an index. Those that only remove from it (after a delete) stay. */
const ADDING_TRIGGERS = [
	'tasks_search_insert',
	'tasks_search_update',
	'updates_search_insert',
	'updates_search_update'
];

/**
 * Runs `work` with the indexes' adding triggers dropped, then — whether `work` succeeded or
 * failed — empties both indexes, fills them from the rows the database holds, and recreates the
 * triggers as they were, in one transaction. `work` must write in its own transactions.
 */
export async function withSearchIndexesBuiltAfter<T>(db: DB, work: () => Promise<T>): Promise<T> {
	const triggers = await writeTransaction(db, async (trx) => {
		const { rows } = await sql<{ name: string; sql: string }>`select name, sql from sqlite_schema
			where type = 'trigger' and name in (${sql.join(ADDING_TRIGGERS)}) order by name`.execute(trx);
		const missing = ADDING_TRIGGERS.filter((name) => !rows.some((r) => r.name === name));
		if (missing.length > 0) throw new Error(`the search index triggers ${missing.join(', ')} are missing`);
		for (const { name } of rows) await sql`drop trigger ${sql.id(name)}`.execute(trx);
		return rows;
	});
	try {
		return await work();
	} finally {
		await writeTransaction(db, async (trx) => {
			await sql`insert into task_search (task_search) values ('delete-all')`.execute(trx);
			await sql`insert into update_search (update_search) values ('delete-all')`.execute(trx);
			// In key order, as the triggers write a report's rows: FTS5 then appends instead of sorting. Each text
			// ends with the marker the triggers append (migration 0025), so a pair at its end is found.
			await sql`insert into task_search (rowid, name, content)
				select id, name || ${END}, content || ${END} from tasks order by id`.execute(trx);
			await sql`insert into update_search (rowid, status_text)
				select (period_id << ${TASK_BITS}) | task_id, status_text || ${END} from updates
				where superseded_at is null order by 1`.execute(trx);
			for (const trigger of triggers) await sql.raw(trigger.sql).execute(trx);
		});
	}
}
