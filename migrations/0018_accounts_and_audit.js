// Accounts granted roles on organization subtrees, their sessions and login attempts, and the audit trail of every write.
// @ts-check
import { sql } from 'kysely';

/**
 * Staff change data in the browser from now on, so the database has to say who they are and who did what.
 * - `users`: local accounts (a scrypt hash with its own salt); `disabled_at` ends every session at once.
 *   `provider`/`subject` leave room for an external identity provider; local accounts keep 'local'.
 * - `user_grants`: a role (viewer < editor < admin) on one organization, which covers its whole subtree.
 * - `sessions`: only the SHA-256 of the random token is stored, so a copy of the database logs nobody in.
 * - `login_attempts`: what the rate limit counts, per account name and per address.
 * - `audit_events`: one row per write (import, withdrawal, status confirmation or correction, account change),
 *   with before and after as JSON. Triggers refuse UPDATE and DELETE: nobody edits the trail, not even the app.
 *   `actor` is the account's name, or the shell user for the CLI (`actor_user_id` null).
 *
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
	await db.schema
		.createTable('users')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('name', 'text', (c) => c.notNull().unique())
		.addColumn('display_name', 'text')
		.addColumn('provider', 'text', (c) => c.notNull().defaultTo('local'))
		.addColumn('subject', 'text')
		.addColumn('password_hash', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`))
		.addColumn('disabled_at', 'text')
		.execute();
	await db.schema
		.createTable('user_grants')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('viewer', 'editor', 'admin')`))
		.addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
		.addUniqueConstraint('user_grants_once', ['user_id', 'organization_id'])
		.execute();
	await db.schema
		.createTable('sessions')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`))
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
	await db.schema
		.createTable('login_attempts')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('address', 'text', (c) => c.notNull())
		.addColumn('at', 'text', (c) => c.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`))
		.addColumn('succeeded', 'integer', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('login_attempts_name').on('login_attempts').columns(['name', 'at']).execute();
	await db.schema.createIndex('login_attempts_address').on('login_attempts').columns(['address', 'at']).execute();
	await db.schema
		.createTable('audit_events')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('at', 'text', (c) => c.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`))
		.addColumn('actor', 'text', (c) => c.notNull())
		// No foreign key: the trail outlives the account (and a deleted one must not erase its rows).
		.addColumn('actor_user_id', 'integer')
		.addColumn('kind', 'text', (c) =>
			c
				.notNull()
				.check(
					sql`kind in ('import', 'withdraw', 'status_confirm', 'status_correct', 'account_add', 'account_change', 'account_disable', 'login')`
				)
		)
		.addColumn('organization_id', 'integer')
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('before', 'text')
		.addColumn('after', 'text')
		.addColumn('reason', 'text')
		.execute();
	await db.schema.createIndex('audit_events_at').on('audit_events').column('at').execute();
	await db.schema
		.createIndex('audit_events_organization')
		.on('audit_events')
		.columns(['organization_id', 'at'])
		.execute();
	await sql`create trigger audit_events_no_update before update on audit_events
		begin select raise(abort, 'audit_events are append-only'); end`.execute(db);
	await sql`create trigger audit_events_no_delete before delete on audit_events
		begin select raise(abort, 'audit_events are append-only'); end`.execute(db);
}
