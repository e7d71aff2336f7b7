import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupDatabase } from './db/backup';
import { openDatabase } from './db';
import { migrateToLatest } from './db/migrate';

/** app.ts keeps the open database in module state: each case loads it afresh. */
async function freshApp() {
	vi.resetModules();
	return import('./app');
}

let dir: string;
const saved = { ...process.env };
beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'jindu-app-'));
	process.env.JINDU_SAMPLE = '0';
	process.env.JINDU_REPORTS_DIR = 'data/reports';
	process.env.LOG_LEVEL = 'silent';
});
afterEach(async () => {
	const app = await import('./app');
	try {
		await app.getDb().destroy();
	} catch {
		// that case opened nothing, or closed it itself
	}
	process.env = { ...saved };
	rmSync(dir, { recursive: true, force: true });
});

/** A migrated database file with no reports; `extra` runs on it before it is closed. */
async function databaseFile(name: string, extra?: (db: ReturnType<typeof openDatabase>) => Promise<unknown>) {
	const file = path.join(dir, name);
	const db = openDatabase(file);
	await migrateToLatest(db);
	await extra?.(db);
	await db.destroy();
	return file;
}

const sources = async (db: ReturnType<typeof openDatabase>) =>
	(await sql<{ n: number }>`select count(*) as n from sources`.execute(db)).rows[0].n;

describe('initDatabase', () => {
	it('creates a missing directory, migrates and seeds the bundled reports', async () => {
		process.env.DATABASE_PATH = path.join(dir, 'new', 'sub', 'jindu.db');
		const app = await freshApp();
		const db = await app.initDatabase();
		expect(app.isReadOnly()).toBe(false);
		expect(await sources(db)).toBe(4);
		expect(await app.checkHealth()).toMatchObject({
			ok: true,
			readOnly: false,
			database: 'ok',
			migrations: { current: true }
		});
	});

	it('stops at start on a JINDU_READ typo, before opening anything', async () => {
		process.env.DATABASE_PATH = path.join(dir, 'never', 'jindu.db');
		process.env.JINDU_READ = 'logon';
		const app = await freshApp();
		await expect(app.initDatabase()).rejects.toThrow('JINDU_READ: unknown mode "logon" (use open or login)');
		expect(existsSync(path.join(dir, 'never'))).toBe(false);
		process.env.JINDU_READ = 'login';
		expect((await freshApp()).settings().read).toBe('login');
	});

	it('the health check says why when the database cannot be read', async () => {
		process.env.DATABASE_PATH = await databaseFile('gone.db');
		const app = await freshApp();
		await app.initDatabase();
		await app.getDb().destroy();
		expect(await app.checkHealth()).toMatchObject({
			ok: false,
			database: expect.stringMatching(/destroyed/),
			dataVersion: null
		});
	});

	it('JINDU_READONLY=1: opens without migrating or seeding, and says so in the health check', async () => {
		process.env.DATABASE_PATH = await databaseFile('current.db');
		process.env.JINDU_READONLY = '1';
		const app = await freshApp();
		const db = await app.initDatabase();
		expect(app.isReadOnly()).toBe(true);
		expect(await sources(db)).toBe(0);
		const health = await app.checkHealth();
		expect(health).toMatchObject({ ok: true, readOnly: true, migrations: { current: true } });
		expect(health.dataVersion).toBeGreaterThan(0);
	});

	it('read-only: refuses a database it would have to migrate, naming what is missing', async () => {
		const file = await databaseFile('old.db', (db) =>
			sql`delete from kysely_migration where name = (select max(name) from kysely_migration)`.execute(db)
		);
		process.env.DATABASE_PATH = file;
		process.env.JINDU_READONLY = '1';
		const app = await freshApp();
		await expect(app.initDatabase()).rejects.toThrow(
			/^read-only: .*old\.db is at migration \d{4}_\w+, this version needs \d{4}_/
		);
	});

	it('refuses a database written by a newer version instead of calling its migrations corrupted', async () => {
		process.env.DATABASE_PATH = await databaseFile('newer.db', (db) =>
			sql`insert into kysely_migration (name, timestamp) values ('9999_later', 'now')`.execute(db)
		);
		const app = await freshApp();
		await expect(app.initDatabase()).rejects.toThrow(/newer\.db was written by a newer jindu \(migrations 9999_later/);
	});

	// Needs root and mount(8): a read-only bind mount is read-only for root too.
	const canMount = (() => {
		try {
			execFileSync('mount', ['--version'], { stdio: 'ignore' });
			return process.getuid?.() === 0;
		} catch {
			return false;
		}
	})();
	it.runIf(canMount)('detects read-only storage and serves a backup from it without JINDU_READONLY', async () => {
		const live = await databaseFile('live.db');
		const shelf = path.join(dir, 'shelf');
		const mounted = path.join(dir, 'ro');
		mkdirSync(shelf);
		mkdirSync(mounted);
		await backupDatabase(live, path.join(shelf, 'jindu.db'));
		execFileSync('mount', ['--bind', shelf, mounted]);
		try {
			execFileSync('mount', ['-o', 'remount,bind,ro', mounted]);
			process.env.DATABASE_PATH = path.join(mounted, 'jindu.db');
			const app = await freshApp();
			await app.initDatabase();
			expect(app.isReadOnly()).toBe(true);
			expect(await app.checkHealth()).toMatchObject({ ok: true, readOnly: true });
			await app.getDb().destroy();
		} finally {
			execFileSync('umount', [mounted]);
		}
		expect(existsSync(path.join(shelf, 'jindu.db-wal'))).toBe(false);
	});
});
