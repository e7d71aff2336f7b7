/**
 * Opens the SQLite database behind kysely. One connection per process: better-sqlite3 is
 * synchronous and SQLite serialises writes anyway, so a pool would only add contention.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database as Schema } from './schema';

export type DB = Kysely<Schema>;

/** Opens (creating if needed) the database file; ':memory:' gives a private in-memory database for tests. */
export function openDatabase(path: string): DB {
	const sqlite = new Database(path);
	if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = NORMAL');
	return new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
}
