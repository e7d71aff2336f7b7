/**
 * Opens the SQLite database behind kysely. One connection per process: better-sqlite3 is
 * synchronous and SQLite serialises writes anyway, so a pool would only add contention.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type LogEvent, type SqliteDatabase, type SqliteStatement } from 'kysely';
import { DatabaseError, asDatabaseError } from './errors';
import type { Database as Schema } from './schema';
import { cachingStatements } from './statement-cache';

export type DB = Kysely<Schema>;
export { DatabaseError, explainDatabaseError, asDatabaseError } from './errors';

export interface OpenOptions {
	/** Sees every statement run (the benchmark replays them; tests read query plans). */
	log?: (event: LogEvent) => void;
	/** Reuse an open better-sqlite3 handle instead of opening the file again. */
	handle?: Database.Database;
	/** Open for reading only (read-only storage, JINDU_READONLY=1): the file must exist; every write fails. */
	readonly?: boolean;
}

/** A statement that does nothing, standing in for a ROLLBACK that SQLite has already done. */
const NOTHING: SqliteStatement = {
	reader: false,
	all: () => [],
	run: () => ({ changes: 0, lastInsertRowid: 0 }),
	iterate: () => [][Symbol.iterator]()
};

/**
 * The handle as kysely sees it. On SQLITE_FULL (and some I/O errors) SQLite rolls the transaction
 * back by itself; the ROLLBACK a transaction runs on failure then throws "cannot rollback - no
 * transaction is active", which replaced the real error. A ROLLBACK with no transaction open is
 * therefore skipped, so the caller sees SQLITE_FULL.
 */
function guarded(sqlite: Database.Database, inner: SqliteDatabase): SqliteDatabase {
	return {
		close: () => inner.close(),
		prepare: (text: string) =>
			/^\s*rollback\s*;?\s*$/i.test(text) && !sqlite.inTransaction ? NOTHING : inner.prepare(text)
	};
}

/** Opens (creating if needed) the database file; ':memory:' gives a private in-memory database for tests. */
export function openDatabase(path: string, options: OpenOptions = {}): DB {
	const sqlite = options.handle ?? openHandle(path, options.readonly ?? false);
	return new Kysely<Schema>({
		dialect: new SqliteDialect({ database: guarded(sqlite, cachingStatements(sqlite)) }),
		log: options.log
	});
}

function openHandle(path: string, readonly: boolean): Database.Database {
	try {
		const sqlite = new Database(path, { readonly, fileMustExist: readonly });
		// Readers wait for a writer's commit instead of failing at once (a rollback journal on read-only storage too).
		sqlite.pragma('busy_timeout = 5000');
		if (!readonly) {
			if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
			sqlite.pragma('synchronous = NORMAL');
		}
		sqlite.pragma('foreign_keys = ON');
		if (path !== ':memory:') mapFile(sqlite);
		return sqlite;
	} catch (error) {
		throw asDatabaseError(error, path);
	}
}

/** The most of a file SQLite maps (its build's SQLITE_MAX_MMAP_SIZE, ≈ 2 GiB; it lowers a larger request to it). */
const MAPPED_BYTES = 2 ** 31;

/**
 * Reads the file through a memory map rather than a read() into the connection's own page cache: a page read
 * is then a memory access, not a system call and a copy, and the workers of `npm start` share one copy of the
 * file's pages (the OS's). SQLite's time under the benchmark's mixed load, the same 2 000 city URLs one at a
 * time: 7.1 and 8.1 s without, 5.7 and 7.1 s with it. Writes still go through SQLite's write path (and WAL).
 * Exported for handles opened elsewhere (the benchmark's), so they read as the app does.
 */
export function mapFile(sqlite: Database.Database): void {
	sqlite.pragma(`mmap_size = ${MAPPED_BYTES}`);
}

/**
 * `PRAGMA quick_check`: the structure of every page and index, without comparing index contents
 * to their tables (that is integrity_check, which restore runs). Throws DatabaseError naming the
 * first problems.
 */
export async function quickCheck(db: DB, file: string): Promise<void> {
	const { rows } = await sql<{ quick_check: string }>`pragma quick_check`.execute(db).catch((error: unknown) => {
		throw asDatabaseError(error, file);
	});
	const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
	if (problems.length > 0)
		throw new DatabaseError(
			`${file}: the database is damaged (PRAGMA quick_check: ${problems.slice(0, 3).join('; ')}); restore a backup with npm run restore`
		);
}

/**
 * Copies the write-ahead log into the database file (PASSIVE: never waits for readers). SQLite
 * does this by itself only every 1 000 pages; after an import the file alone is then current,
 * and the -wal file stops growing while the server serves.
 */
export async function checkpoint(db: DB): Promise<void> {
	await sql`pragma wal_checkpoint(PASSIVE)`.execute(db);
}

/** `PRAGMA integrity_check`: everything quick_check reads, and every index against its table. Throws DatabaseError. */
export async function integrityCheck(db: DB, file: string): Promise<void> {
	const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`
		.execute(db)
		.catch((error: unknown) => {
			throw asDatabaseError(error, file);
		});
	const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
	if (problems.length > 0)
		throw new DatabaseError(`${file}: damaged (PRAGMA integrity_check: ${problems.slice(0, 3).join('; ')})`);
}
