import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase, checkBackup, restoreDatabase } from './backup';
import { DatabaseError, openDatabase, type DB } from './index';
import { migrateToLatest } from './migrate';
import { importDocument } from '../import';
import { getDataVersion } from '../queries/rollups';

const REPORT = readFileSync('data/reports/xinjie-2024-q2.txt', 'utf8');

const dirs: string[] = [];
const open: DB[] = [];
afterEach(async () => {
	for (const db of open.splice(0)) await db.destroy();
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function workDir(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'jindu-backup-'));
	dirs.push(dir);
	return dir;
}

async function migrated(file: string): Promise<DB> {
	const db = openDatabase(file);
	open.push(db);
	await migrateToLatest(db);
	return db;
}

/** The same report as published by another 街道: a new document each time. */
function reportOf(street: string): Buffer {
	return Buffer.from(
		REPORT.replace('新街街道办事处', `${street}办事处`).replace('发布机构 新街街道', `发布机构 ${street}`)
	);
}

/** Tasks per imported document: an import is in a copy wholly or not at all. */
async function tasksBySource(file: string): Promise<Map<string, number>> {
	const db = openDatabase(file, { readonly: true });
	try {
		const { rows } = await sql<{ sha256: string; n: number }>`select s.sha256, count(*) as n from sources s
			join updates u on u.source_id = s.id group by s.sha256`.execute(db);
		return new Map(rows.map((r) => [r.sha256, r.n]));
	} finally {
		await db.destroy();
	}
}

describe('backup', () => {
	it('copies only what is committed while an import holds the write lock, into one self-contained file', async () => {
		const dir = workDir();
		const file = path.join(dir, 'live.db');
		const db = await migrated(file);
		await importDocument(db, reportOf('东街街道'), { fileName: 'a.txt' });
		// A second connection (another process, in effect) is mid-import: write lock taken, rows written, no commit yet.
		const writer = openDatabase(file);
		open.push(writer);
		await writer.connection().execute(async (connection) => {
			await sql`begin immediate`.execute(connection);
			await connection
				.insertInto('organizations')
				.values({ name: '半途', parent_id: null, created_at: 'now' })
				.execute();
			const summary = await backupDatabase(file, path.join(dir, 'copy.db'));
			await sql`commit`.execute(connection);
			expect(summary).toMatchObject({ sources: 1, migration: expect.stringMatching(/^\d{4}_/) });
		});
		const copy = openDatabase(path.join(dir, 'copy.db'), { readonly: true });
		open.push(copy);
		expect(await copy.selectFrom('organizations').select('name').where('name', '=', '半途').execute()).toEqual([]);
		expect((await sql<{ journal_mode: string }>`pragma journal_mode`.execute(copy)).rows[0].journal_mode).toBe(
			'delete'
		);
		expect(existsSync(path.join(dir, 'copy.db-wal'))).toBe(false);
	});

	it('does not replace an existing file without force', async () => {
		const dir = workDir();
		const file = path.join(dir, 'live.db');
		await migrated(file);
		writeFileSync(path.join(dir, 'taken.db'), 'mine');
		await expect(backupDatabase(file, path.join(dir, 'taken.db'))).rejects.toThrow('taken.db exists; give --force');
		expect(readFileSync(path.join(dir, 'taken.db'), 'utf8')).toBe('mine');
		await expect(backupDatabase(file, path.join(dir, 'taken.db'), { force: true })).resolves.toMatchObject({
			sources: 0
		});
	});

	it('after an import, the database file alone holds it (the log was checkpointed)', async () => {
		const dir = workDir();
		const file = path.join(dir, 'live.db');
		const db = await migrated(file);
		await importDocument(db, reportOf('东街街道'), { fileName: 'a.txt' });
		copyFileSync(file, path.join(dir, 'plain-copy.db'));
		expect((await tasksBySource(path.join(dir, 'plain-copy.db'))).size).toBe(1);
	});
});

describe('restore', () => {
	it('restores a backup taken during imports by another process: whole imports only, checked, newer data version', async () => {
		const dir = workDir();
		const file = path.join(dir, 'live.db');
		const db = await migrated(file);
		await importDocument(db, reportOf('东街街道'), { fileName: 'a.txt' });
		const streets = ['南街街道', '西街街道', '北街街道', '城东街道', '城西街道', '城南街道', '城北街道', '江滨街道'];
		const files = streets.map((street) => {
			const name = path.join(dir, `${street}.txt`);
			writeFileSync(name, reportOf(street));
			return name;
		});
		const child = spawn('node_modules/.bin/tsx', ['scripts/import.ts', '--db', file, ...files], { stdio: 'ignore' });
		const done = new Promise<number | null>((resolve) => child.on('exit', resolve));
		let running = true;
		void done.then(() => (running = false));
		const backups: string[] = [];
		while (running || backups.length === 0) {
			const backup = path.join(dir, `backup-${backups.length}.db`);
			await backupDatabase(file, backup);
			backups.push(backup);
		}
		expect(await done).toBe(0);
		const final = await tasksBySource(file);
		expect(final.size).toBe(1 + streets.length);
		const seen = new Set<number>();
		for (const backup of backups) {
			const target = path.join(dir, 'restored.db');
			rmSync(target, { force: true });
			const { restored } = await restoreDatabase(backup, target);
			const copy = await tasksBySource(target);
			seen.add(copy.size);
			for (const [sha, tasks] of copy) expect(tasks).toBe(final.get(sha));
			expect(restored.sources).toBe(copy.size);
		}
		// Some backup was taken before the last import committed: it really ran during the imports.
		expect(Math.min(...seen)).toBeLessThan(final.size);
	});

	it('replaces a live database, saves the one it replaced, and moves the data version past both', async () => {
		const dir = workDir();
		const file = path.join(dir, 'live.db');
		const db = await migrated(file);
		await importDocument(db, reportOf('东街街道'), { fileName: 'a.txt' });
		await backupDatabase(file, path.join(dir, 'one.db'));
		await importDocument(db, reportOf('西街街道'), { fileName: 'b.txt' });
		const before = await getDataVersion(db);
		const result = await restoreDatabase(path.join(dir, 'one.db'), file, new Date('2026-11-28T23:59:59Z'));
		expect(result.previous).toMatchObject({ sources: 2, dataVersion: before });
		expect(result.savedAs).toBe(`${file}.before-restore-20261128T235959`);
		expect(result.restored).toMatchObject({ sources: 1, dataVersion: before + 1 });
		// The connection that was open all along (the server's) reads the restored data.
		expect(await getDataVersion(db)).toBe(before + 1);
		expect((await tasksBySource(result.savedAs!)).size).toBe(2);
	});

	it('refuses a backup from a newer version', async () => {
		const dir = workDir();
		const file = path.join(dir, 'new.db');
		const db = await migrated(file);
		await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', 'now')`.execute(db);
		await expect(checkBackup(file)).rejects.toThrow(/newer jindu \(migrations 9999_from_the_future are unknown/);
		await expect(restoreDatabase(file, path.join(dir, 'target.db'))).rejects.toThrow(DatabaseError);
		expect(existsSync(path.join(dir, 'target.db'))).toBe(false);
	});

	it.each([
		[
			'a damaged file',
			(file: string) => writeFileSync(file, Buffer.alloc(8192, 0x41)),
			/not a jindu database, or damaged|damaged/
		],
		['a database that is not jindu', (file: string) => writeFileSync(file, ''), /is not a jindu database/],
		['no file', () => undefined, /no such file/]
	])('refuses %s', async (_, make, message) => {
		const dir = workDir();
		const file = path.join(dir, 'bad.db');
		make(file);
		const target = path.join(dir, 'target.db');
		writeFileSync(target, 'untouched');
		await expect(restoreDatabase(file, target)).rejects.toThrow(message);
		expect(readFileSync(target, 'utf8')).toBe('untouched');
	});
});
