// Two-character search through the trigram indexes: every indexed text ends with a marker, and the indexes' terms can be listed.
// @ts-check
import { sql } from 'kysely';

/**
 * Chinese is searched in two characters more than in any other length (养老, 消防, 社区), and the trigram indexes
 * could not find them: a two-character term went to LIKE over every task and status text of the scope, 80 ms for
 * the tasks of a province alone and 222 ms for the task list's search. A second index of character pairs found
 * the same rows in 9–26 ms but doubled what the indexes cost to write.
 *
 * The trigrams already hold the pairs: every place a pair occurs begins a trigram, unless the pair ends its text.
 * So each indexed text now ends with the marker U+0001 (typed by nobody; the search drops control characters), a
 * pair at the end begins the trigram pair + marker, and the texts holding a pair are those matching any of the
 * index's terms that begin with it — a range of the terms, which fts5vocab reads without a scan. 养老 in a
 * province: 2 terms in the task index, 0.4 ms to match, the same 3 611 tasks as LIKE.
 *
 * The triggers of 0008 and 0024 are recreated with the marker and both indexes rebuilt from their rows; the
 * generator's bulk build (src/lib/server/queries/search-index.ts) appends the same marker.
 *
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
	await db.transaction().execute(async (trx) => {
		for (const trigger of [
			'tasks_search_insert',
			'tasks_search_update',
			'updates_search_insert',
			'updates_search_update'
		]) {
			await sql`drop trigger ${sql.raw(trigger)}`.execute(trx);
		}
		const end = sql`char(1)`;
		const key = (/** @type {'new' | 'old'} */ row) => sql`(${sql.raw(row)}.period_id << 32) | ${sql.raw(row)}.task_id`;

		await sql`create trigger tasks_search_insert after insert on tasks begin
			insert into task_search (rowid, name, content) values (new.id, new.name || ${end}, new.content || ${end});
		end`.execute(trx);
		await sql`create trigger tasks_search_update after update of name, content on tasks begin
			delete from task_search where rowid = old.id;
			insert into task_search (rowid, name, content) values (new.id, new.name || ${end}, new.content || ${end});
		end`.execute(trx);
		await sql`create trigger updates_search_insert after insert on updates when new.superseded_at is null begin
			insert into update_search (rowid, status_text) values (${key('new')}, new.status_text || ${end});
		end`.execute(trx);
		await sql`create trigger updates_search_update after update of status_text, superseded_at, task_id, period_id on updates begin
			delete from update_search where old.superseded_at is null and rowid = ${key('old')};
			insert into update_search (rowid, status_text) select ${key('new')}, new.status_text || ${end} where new.superseded_at is null;
		end`.execute(trx);

		await sql`create virtual table task_search_terms using fts5vocab(task_search, 'row')`.execute(trx);
		await sql`create virtual table update_search_terms using fts5vocab(update_search, 'row')`.execute(trx);

		await sql`insert into task_search (task_search) values ('delete-all')`.execute(trx);
		await sql`insert into update_search (update_search) values ('delete-all')`.execute(trx);
		await sql`insert into task_search (rowid, name, content)
			select id, name || ${end}, content || ${end} from tasks order by id`.execute(trx);
		await sql`insert into update_search (rowid, status_text)
			select ${sql.raw('(period_id << 32) | task_id')}, status_text || ${end} from updates where superseded_at is null order by 1`.execute(
			trx
		);
	});
}
