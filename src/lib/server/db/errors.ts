/**
 * What SQLite's failures mean to the person running jindu. better-sqlite3's own messages
 * ("unable to open database file", "database or disk is full") name neither the file nor what to
 * do, and at open time they came with a stack trace; these say both, and keep SQLite's code.
 */
import path from 'node:path';

/** A database failure with a message fit for the CLI, the server log and the health check. */
export class DatabaseError extends Error {
	constructor(
		message: string,
		/** SQLite's result code (SQLITE_FULL, SQLITE_READONLY, …) when SQLite gave one. */
		readonly code?: string,
		options?: ErrorOptions
	) {
		super(message, options);
		this.name = 'DatabaseError';
	}
}

function sqliteCode(error: unknown): string | undefined {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/** The explanation of a SQLite failure on `file`, or null when the error is not SQLite's. */
export function explainDatabaseError(error: unknown, file: string): string | null {
	const code = sqliteCode(error);
	const message = error instanceof Error ? error.message : String(error);
	if (/directory does not exist/.test(message)) return `${file}: the directory ${path.dirname(file)} does not exist`;
	if (!code) return null;
	if (code === 'SQLITE_FULL')
		return `${file}: the disk is full (SQLITE_FULL); the transaction was rolled back and nothing of it was written — free some space and run it again`;
	if (code.startsWith('SQLITE_READONLY'))
		return `${file}: the database is read-only (${code}); nothing was written — importing needs writable storage`;
	if (code.startsWith('SQLITE_CANTOPEN'))
		return `${file}: cannot open the database (${code}): the file or its directory is missing, not readable, or on read-only storage without the database's -wal/-shm files beside it (serve a copy made by npm run backup instead)`;
	if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
		return `${file}: not a jindu database, or damaged (${code}); restore a backup with npm run restore`;
	if (code.startsWith('SQLITE_BUSY'))
		return `${file}: the database stayed locked by another writer (${code}); run it again`;
	if (code.startsWith('SQLITE_IOERR')) return `${file}: the disk reported an error (${code}): ${message}`;
	return `${file}: ${message} (${code})`;
}

/** `error` as a DatabaseError with the clear message when it is SQLite's; otherwise unchanged. */
export function asDatabaseError(error: unknown, file: string): unknown {
	if (error instanceof DatabaseError) return error;
	const message = explainDatabaseError(error, file);
	return message ? new DatabaseError(message, sqliteCode(error), { cause: error }) : error;
}
