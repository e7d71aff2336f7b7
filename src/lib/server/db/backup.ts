/**
 * Backup and restore through SQLite's online backup API: it copies a consistent snapshot page by
 * page while other connections (the server, an import in another process) go on reading and
 * writing; a write during the copy makes it start over, so a backup never holds half an import.
 * Copying the file instead misses whatever is still in the -wal file, i.e. possibly everything.
 */
import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { DatabaseError, asDatabaseError, integrityCheck, openDatabase, type DB } from './index';
import { describeSchemaState, schemaState } from './schema-state';
import { listAppliedMigrations, setDataVersion } from '../queries/maintenance';
import { countSources } from '../queries/plans';
import { getDataVersion } from '../queries/rollups';

export interface DatabaseSummary {
	file: string;
	bytes: number;
	/** The latest migration applied. */
	migration: string | null;
	dataVersion: number;
	/** Imported documents. */
	sources: number;
}

async function summarise(db: DB, file: string): Promise<DatabaseSummary> {
	const migration = (await listAppliedMigrations(db)).at(-1) ?? null;
	const dataVersion = await getDataVersion(db);
	return { file, bytes: statSync(file).size, migration, dataVersion, sources: await countSources(db) };
}

/** Copies the committed state of `from` into `to` (a path) with the backup API; waits while a writer holds `to`. */
async function copyPages(from: string, to: string): Promise<void> {
	const source = new Database(from, { readonly: true, fileMustExist: true });
	try {
		source.pragma('busy_timeout = 5000');
		await source.backup(to);
	} catch (error) {
		throw asDatabaseError(error, from);
	} finally {
		source.close();
	}
}

export interface BackupOptions {
	/** Replace an existing target. */
	force?: boolean;
	/** Run integrity_check on the copy (on by default; off to save a damaged database as it is). */
	check?: boolean;
}

/**
 * Writes a backup of `sourceFile` to `targetFile`: a single self-contained file (rollback
 * journal, no -wal beside it), so it can be copied anywhere or served from read-only storage.
 * Written under a temporary name and renamed when whole and checked; an existing target is
 * replaced only with `force`.
 */
export async function backupDatabase(
	sourceFile: string,
	targetFile: string,
	{ force = false, check = true }: BackupOptions = {}
): Promise<DatabaseSummary> {
	if (!existsSync(sourceFile)) throw new DatabaseError(`${sourceFile}: no such database`);
	if (existsSync(targetFile) && !force) throw new DatabaseError(`${targetFile} exists; give --force to replace it`);
	if (!existsSync(path.dirname(path.resolve(targetFile))))
		throw new DatabaseError(`${targetFile}: the directory ${path.dirname(targetFile)} does not exist`);
	const partial = `${targetFile}.partial-${process.pid}`;
	try {
		await copyPages(sourceFile, partial);
		// The copy as it is (openDatabase would turn WAL back on).
		const db = openDatabase(partial, { handle: new Database(partial) });
		let summary: DatabaseSummary;
		try {
			await sql`pragma journal_mode = delete`.execute(db);
			if (check) await integrityCheck(db, sourceFile);
			summary = await summarise(db, partial);
		} finally {
			await db.destroy();
		}
		renameSync(partial, targetFile);
		return { ...summary, file: targetFile };
	} finally {
		for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
	}
}

/** Reads a backup: whole (integrity_check), a jindu database, and not from a newer version. Throws DatabaseError. */
export async function checkBackup(file: string): Promise<DatabaseSummary> {
	if (!existsSync(file)) throw new DatabaseError(`${file}: no such file`);
	const db = openDatabase(file, { readonly: true });
	try {
		await integrityCheck(db, file);
		const state = schemaState(await listAppliedMigrations(db));
		if (state.kind === 'ahead' || state.latest === null) throw new DatabaseError(describeSchemaState(state, file));
		return await summarise(db, file);
	} finally {
		await db.destroy();
	}
}

export interface Restore {
	restored: DatabaseSummary;
	/** The database that was replaced, as it was; null when there was none. */
	previous: DatabaseSummary | null;
	/** Where the replaced database was saved first. */
	savedAs: string | null;
}

/** `jindu.db.before-restore-20261128T235959` */
function savedName(file: string, now: Date): string {
	return `${file}.before-restore-${now.toISOString().slice(0, 19).replace(/[-:]/g, '')}`;
}

/**
 * Replaces the database at `targetFile` with a checked backup, through the backup API, so a
 * server serving that file needs no restart: its next request reads the restored data (the
 * data version is set above both, so no cached page survives). The database it replaces is first
 * saved beside it. A writer holding the database (an import) is waited for.
 */
export async function restoreDatabase(backupFile: string, targetFile: string, now = new Date()): Promise<Restore> {
	if (path.resolve(backupFile) === path.resolve(targetFile))
		throw new DatabaseError(`${backupFile} is the database itself; restore a backup into it`);
	const backup = await checkBackup(backupFile);
	let previous: DatabaseSummary | null = null;
	let savedAs: string | null = null;
	if (existsSync(targetFile)) {
		savedAs = savedName(targetFile, now);
		previous = await backupDatabase(targetFile, savedAs, { check: false });
	}
	await copyPages(backupFile, targetFile);
	const db = openDatabase(targetFile);
	try {
		await integrityCheck(db, targetFile);
		await setDataVersion(db, Math.max(previous?.dataVersion ?? 0, backup.dataVersion) + 1);
		return { restored: await summarise(db, targetFile), previous, savedAs };
	} finally {
		await db.destroy();
	}
}
