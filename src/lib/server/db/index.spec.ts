import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statfsSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DatabaseError, checkpoint, explainDatabaseError, openDatabase, quickCheck, type DB } from './index';
import { migrateToLatest } from './migrate';
import { importDocument } from '../import';

const REPORT = readFileSync('data/reports/xinjie-2024-q2.txt');
const OTHER = readFileSync('data/reports/keqiao-2023-q1.txt');
const REPORT_3 = readFileSync('data/reports/shaoxing-2021-h1.txt');

const dirs: string[] = [];
const open: DB[] = [];
afterEach(async () => {
	for (const db of open.splice(0)) await db.destroy();
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A migrated database file in a new directory. */
async function databaseFile(): Promise<{ file: string; db: DB }> {
	const dir = mkdtempSync(path.join(tmpdir(), 'jindu-db-'));
	dirs.push(dir);
	const file = path.join(dir, 'test.db');
	const db = openDatabase(file);
	open.push(db);
	await migrateToLatest(db);
	return { file, db };
}

const count = async (db: DB) =>
	(
		await db
			.selectFrom('sources')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow()
	).n;

/** A 1000 KiB file system to fill (the migrated empty database takes about 780 KiB), when this process may mount one (root on Linux); else null. */
function smallFileSystem(): string | null {
	const dir = mkdtempSync(path.join(tmpdir(), 'jindu-full-'));
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2000k', 'tmpfs', dir], { stdio: 'ignore' });
	} catch {
		rmSync(dir, { recursive: true, force: true });
		return null;
	}
	return dir;
}

describe('a full disk', () => {
	it('keeps the error that ended a transaction SQLite had already rolled back', async () => {
		const { db } = await databaseFile();
		// What SQLite does on SQLITE_FULL while writing the log: it ends the transaction itself.
		const failing = db.transaction().execute(async (trx) => {
			await trx.insertInto('organizations').values({ name: '甲', parent_id: null, created_at: 'now' }).execute();
			await sql`rollback`.execute(trx);
			throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
		});
		await expect(failing).rejects.toMatchObject({ code: 'SQLITE_FULL' });
		expect(await db.selectFrom('organizations').selectAll().execute()).toEqual([]);
	});

	const mounted = smallFileSystem();
	afterAll(() => {
		if (mounted) execFileSync('umount', [mounted]);
		if (mounted) rmSync(mounted, { recursive: true, force: true });
	});
	it.runIf(mounted)('on a real full file system: SQLITE_FULL, a clear message, nothing written', async () => {
		const file = path.join(mounted!, 'full.db');
		const db = openDatabase(file);
		open.push(db);
		await migrateToLatest(db);
		// Leave about as much room as the first of the three imports needs, whatever the schema's size.
		const { bavail, bsize } = statfsSync(mounted!);
		writeFileSync(path.join(mounted!, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - 300_000)));
		const failures: unknown[] = [];
		for (const report of [REPORT, OTHER, REPORT_3])
			await importDocument(db, report, { fileName: 'r.txt', organization: ['绍兴市', '柯桥区'] }).catch((e: unknown) =>
				failures.push(e)
			);
		expect(failures.length).toBeGreaterThan(0);
		for (const failure of failures) {
			expect(failure).toMatchObject({ code: 'SQLITE_FULL' });
			expect(explainDatabaseError(failure, 'x.db')).toMatch(
				/^x\.db: the disk is full \(SQLITE_FULL\).*nothing of it was written/
			);
		}
		expect(await count(db)).toBe(3 - failures.length);
		await quickCheck(db, file);
	});

	it('leaves an ordinary failed transaction rolled back as before', async () => {
		const { db } = await databaseFile();
		const failing = db.transaction().execute(async (trx) => {
			await trx.insertInto('organizations').values({ name: '甲', parent_id: null, created_at: 'now' }).execute();
			throw new Error('stop');
		});
		await expect(failing).rejects.toThrow('stop');
		expect(await db.selectFrom('organizations').selectAll().execute()).toEqual([]);
	});
});

describe('opening', () => {
	it('says which directory is missing', () => {
		const file = path.join(tmpdir(), 'jindu-no-such-dir', 'x.db');
		expect(() => openDatabase(file)).toThrow(DatabaseError);
		expect(() => openDatabase(file)).toThrow(`${file}: the directory ${path.dirname(file)} does not exist`);
	});

	it('read-only: reads, and refuses a write with a clear message', async () => {
		const { file, db } = await databaseFile();
		await importDocument(db, REPORT, { fileName: 'xinjie.txt' });
		await checkpoint(db);
		const reader = openDatabase(file, { readonly: true });
		open.push(reader);
		expect(await count(reader)).toBe(1);
		const failure = await importDocument(reader, OTHER, {
			fileName: 'keqiao.txt',
			organization: ['绍兴市', '柯桥区']
		}).catch((e: unknown) => e);
		expect(failure).toMatchObject({ code: 'SQLITE_READONLY' });
		expect(explainDatabaseError(failure, file)).toContain('the database is read-only (SQLITE_READONLY)');
	});

	it('read-only: a file that does not exist is not created', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'jindu-db-'));
		dirs.push(dir);
		expect(() => openDatabase(path.join(dir, 'none.db'), { readonly: true })).toThrow(
			/cannot open the database \(SQLITE_CANTOPEN\)/
		);
	});

	it('maps a file (read-write and read-only), and a mapped reader sees what another connection writes', async () => {
		const mapped = async (db: DB) =>
			(await sql<{ mmap_size: number }>`pragma mmap_size`.execute(db)).rows[0]?.mmap_size ?? 0;
		const { file, db } = await databaseFile();
		expect(await mapped(db)).toBeGreaterThan(1 << 30);
		const reader = openDatabase(file, { readonly: true });
		open.push(reader);
		expect(await mapped(reader)).toBeGreaterThan(1 << 30);
		expect(await count(reader)).toBe(0);
		await importDocument(db, REPORT, { fileName: 'xinjie.txt' });
		expect(await count(reader)).toBe(1);
		await checkpoint(db);
		await importDocument(db, OTHER, { fileName: 'keqiao.txt', organization: ['绍兴市', '柯桥区'] });
		expect(await count(reader)).toBe(2);
		// A test's private database has no file to map.
		const memory = openDatabase(':memory:');
		open.push(memory);
		expect(await mapped(memory)).toBe(0);
	});
	it('quick_check names a damaged database', async () => {
		const { file, db } = await databaseFile();
		await importDocument(db, REPORT, { fileName: 'xinjie.txt' });
		await checkpoint(db);
		await db.destroy();
		open.length = 0;
		// Overwrite the middle of an index page past the header with garbage; page 1 (the schema) stays readable.
		const fd = openSync(file, 'r+');
		const pages = readFileSync(file).length / 4096;
		for (let page = 3; page < pages; page += 2) writeSync(fd, Buffer.alloc(1000, 0x5a), 0, 1000, page * 4096 + 100);
		closeSync(fd);
		const damaged = await (async () => {
			const reopened = openDatabase(file);
			open.push(reopened);
			await quickCheck(reopened, file);
		})().catch((e: unknown) => e);
		expect(damaged).toBeInstanceOf(DatabaseError);
		// Depending on which page the garbage hit, SQLite notices at open or in the check: both say so.
		expect((damaged as Error).message).toMatch(
			/: (the database is damaged \(PRAGMA quick_check: |not a jindu database, or damaged \(SQLITE_CORRUPT)/
		);
		expect((damaged as Error).message.startsWith(file)).toBe(true);
	});

	it('quick_check passes a sound database', async () => {
		const { db } = await databaseFile();
		await expect(quickCheck(db, 'test.db')).resolves.toBeUndefined();
	});
});
