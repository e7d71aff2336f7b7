/**
 * Prepared statements kept by their SQL text. kysely's SQLite driver prepares every statement
 * it runs, and preparing costs as much as running for the short statements of the write path
 * (15% of generating a city went to sqlite3_prepare). Statements are reused across runs of the
 * same text; the least recently used go past `limit`. Safe with kysely's single connection: a
 * statement is never run again while it is still being iterated.
 */
import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

export function cachingStatements(sqlite: Database.Database, limit = 500): SqliteDatabase {
	const statements = new Map<string, Database.Statement>();
	return {
		prepare(sql: string) {
			let statement = statements.get(sql);
			if (statement) {
				statements.delete(sql);
			} else {
				statement = sqlite.prepare(sql);
				if (statements.size >= limit) statements.delete(statements.keys().next().value!);
			}
			statements.set(sql, statement);
			return statement;
		},
		close() {
			statements.clear();
			sqlite.close();
		}
	};
}
