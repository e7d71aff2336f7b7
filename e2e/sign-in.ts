/**
 * Signs a browser context in without the login page (built by another part of the app): a user, a grant
 * and a session are written straight into the fresh test database the server runs on, the way
 * src/lib/server/auth/session.ts stores them (only the token's SHA-256), and the context gets the cookie.
 */
import { createHash, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { BrowserContext } from '@playwright/test';

/** The e2e server's database file (playwright.config.ts sets the variable for the test run). */
export function e2eDatabase(): Database.Database {
	const file = process.env.E2E_DATABASE_PATH;
	if (!file) throw new Error('E2E_DATABASE_PATH is not set: run through playwright.config.ts');
	const db = new Database(file);
	db.pragma('busy_timeout = 5000');
	return db;
}

/** The id of an organization by name (the bundled reports' names are unique). */
export function organizationId(db: Database.Database, name: string): number {
	const row = db.prepare('select id from organizations where name = ?').get(name) as { id: number } | undefined;
	if (!row) throw new Error(`no organization ${name} in the e2e database`);
	return row.id;
}

/** Creates the account with one role on one organization and signs the context in as it; returns the account's name. */
export async function signIn(
	context: BrowserContext,
	baseURL: string,
	role: 'viewer' | 'editor' | 'admin',
	organization: string
): Promise<string> {
	const db = e2eDatabase();
	try {
		const name = `${role}-${randomBytes(4).toString('hex')}`;
		const userId = Number(db.prepare('insert into users (name) values (?)').run(name).lastInsertRowid);
		db.prepare('insert into user_grants (user_id, role, organization_id) values (?, ?, ?)').run(
			userId,
			role,
			organizationId(db, organization)
		);
		const token = randomBytes(32).toString('base64url');
		const expires = new Date(Date.now() + 3_600_000);
		db.prepare('insert into sessions (token_hash, user_id, expires_at) values (?, ?, ?)').run(
			createHash('sha256').update(token).digest('hex'),
			userId,
			expires.toISOString()
		);
		await context.addCookies([
			{
				name: 'jindu_session',
				value: token,
				url: baseURL,
				httpOnly: true,
				sameSite: 'Lax',
				expires: expires.getTime() / 1000
			}
		]);
		return name;
	} finally {
		db.close();
	}
}
