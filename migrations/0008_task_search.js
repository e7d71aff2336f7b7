// Chinese full-text search: trigram FTS5 indexes over task name/content and current status texts, kept by triggers.
// @ts-check
import { sql } from 'kysely';

/**
 * Two contentless tables (the text already lives in tasks and updates; a copy would double the
 * largest column at a million updates), keyed by rowid = tasks.id / updates.id. contentless_delete
 * lets the triggers delete by rowid without restating the old text.
 *
 * Triggers, not the importer, keep them in sync, so every write path (imports, the generator's
 * bulk inserts, a person's correction, cascading deletes) is covered. Only current updates
 * (superseded_at is null) are indexed: search finds what the tables show, and the index does
 * not grow with history.
 *
 * Trigram matching needs at least three characters; shorter queries use LIKE (see
 * src/lib/domain/search.ts).
 *
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
	await sql`create virtual table task_search using fts5(name, content, content='', contentless_delete=1, tokenize='trigram')`.execute(
		db
	);
	await sql`create virtual table update_search using fts5(status_text, content='', contentless_delete=1, tokenize='trigram')`.execute(
		db
	);

	await sql`create trigger tasks_search_insert after insert on tasks begin
		insert into task_search (rowid, name, content) values (new.id, new.name, new.content);
	end`.execute(db);
	await sql`create trigger tasks_search_update after update of name, content on tasks begin
		delete from task_search where rowid = old.id;
		insert into task_search (rowid, name, content) values (new.id, new.name, new.content);
	end`.execute(db);
	await sql`create trigger tasks_search_delete after delete on tasks begin
		delete from task_search where rowid = old.id;
	end`.execute(db);

	await sql`create trigger updates_search_insert after insert on updates when new.superseded_at is null begin
		insert into update_search (rowid, status_text) values (new.id, new.status_text);
	end`.execute(db);
	await sql`create trigger updates_search_update after update of status_text, superseded_at on updates begin
		delete from update_search where rowid = old.id;
		insert into update_search (rowid, status_text) select new.id, new.status_text where new.superseded_at is null;
	end`.execute(db);
	await sql`create trigger updates_search_delete after delete on updates begin
		delete from update_search where rowid = old.id;
	end`.execute(db);

	await sql`insert into task_search (rowid, name, content) select id, name, content from tasks`.execute(db);
	await sql`insert into update_search (rowid, status_text) select id, status_text from updates where superseded_at is null`.execute(
		db
	);
}
