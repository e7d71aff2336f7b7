/**
 * Opens the SQLite database behind kysely. One connection per process: better-sqlite3 is
 * synchronous and SQLite serialises writes anyway, so a pool would only add contention.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type LogEvent } from 'kysely';
import type { Database as Schema } from './schema';
import { cachingStatements } from './statement-cache';

export type DB = Kysely<Schema>;

export interface OpenOptions {
	/** Sees every statement run (the benchmark replays them; tests read query plans). */
	log?: (event: LogEvent) => void;
	/** Reuse an open better-sqlite3 handle instead of opening the file again. */
	handle?: Database.Database;
}

/** Opens (creating if needed) the database file; ':memory:' gives a private in-memory database for tests. */
export function openDatabase(path: string, options: OpenOptions = {}): DB {
	const sqlite = options.handle ?? new Database(path);
	if (!options.handle) {
		if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
		sqlite.pragma('foreign_keys = ON');
		sqlite.pragma('busy_timeout = 5000');
		sqlite.pragma('synchronous = NORMAL');
	}
	return new Kysely<Schema>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }), log: options.log });
}
