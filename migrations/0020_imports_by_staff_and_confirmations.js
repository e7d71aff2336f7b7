// Who imported each document, who confirmed or corrected a status, and uploads waiting for their preview's confirm.
// @ts-check
import { sql } from 'kysely';

/**
 * Staff import and confirm in the browser (issue 15):
 * - `sources.imported_by`: the account's name (the shell user for the CLI), with the account's id when there is one,
 *   so the import history says who without reading the audit trail.
 * - `updates.confirmed_by` / `confirmed_by_user_id` / `reason`: a person's confirmation or correction is a new
 *   current update (status_source 'confirmed') that supersedes the machine's reading, which stays as history; these
 *   say who and why, `created_at` says when.
 * - `pending_imports`: an upload's bytes between its preview and the editor's confirm, keyed by a random id and
 *   the account, expiring; the file's name is only shown, never used as a path.
 *
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
	await db.schema.alterTable('sources').addColumn('imported_by', 'text').execute();
	await db.schema.alterTable('sources').addColumn('imported_by_user_id', 'integer').execute();
	await db.schema.alterTable('updates').addColumn('confirmed_by', 'text').execute();
	await db.schema.alterTable('updates').addColumn('confirmed_by_user_id', 'integer').execute();
	await db.schema.alterTable('updates').addColumn('reason', 'text').execute();
	await db.schema
		.createTable('pending_imports')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('batch', 'text', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('bytes', 'blob', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`))
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('pending_imports_batch').on('pending_imports').columns(['batch', 'position']).execute();
	await db.schema.createIndex('pending_imports_expires').on('pending_imports').column('expires_at').execute();
}
