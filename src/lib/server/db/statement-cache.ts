/**
 * Prepared statements kept by their SQL text. kysely's SQLite driver prepares every statement
 * it runs, and preparing costs as much as running for the short statements of the write path
 * (15% of generating a city went to sqlite3_prepare). Statements are reused across runs of the
 * same text; the least recently used go past `limit`. Safe with kysely's single connection: a
 * statement is never run again while it is still being iterated.
 */
import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export function cachingStatements(sqlite: Database.Database, limit = 500): SqliteDatabase {
	const statements = new Map<string, SqliteStatement>();
	return {
		prepare(sql: string) {
			let statement = statements.get(sql);
			if (statement) {
				statements.delete(sql);
			} else {
				statement = rowsAsObjects(sqlite.prepare(sql));
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

/**
 * A statement whose rows better-sqlite3 gives as arrays (`raw`), made into objects here, one property a
 * column in the statement's order (a later column of the same name overwrites, as better-sqlite3's own
 * objects do). better-sqlite3 makes each row's object through V8's API, a property at a time: for the
 * 1 270 rows of a province's category counts, 8–9 ms against 5 ms for the arrays and this loop; a page
 * reads hundreds to thousands of rows.
 *
 * The names are read once where the text lists its columns. A `*` stands for the table's columns when
 * the statement runs: SQLite prepares it again after a migration changed the table, so its names are read
 * at every run (and a `count(*)` pays that small cost too).
 */
export function rowsAsObjects(statement: Database.Statement): SqliteStatement {
	if (!statement.reader) return statement;
	statement.raw(true);
	const readNames = () => statement.columns().map((column) => column.name);
	const listed = statement.source.includes('*') ? null : readNames();
	const objects = (names: string[]) => (values: unknown[]) => {
		const row: Record<string, unknown> = {};
		for (let i = 0; i < names.length; i++) row[names[i]] = values[i];
		return row;
	};
	const fixed = listed && objects(listed);
	return {
		reader: true,
		all: (parameters) => (statement.all(parameters) as unknown[][]).map(fixed ?? objects(readNames())),
		run: (parameters) => statement.run(parameters),
		*iterate(parameters) {
			const object = fixed ?? objects(readNames());
			for (const values of statement.iterate(parameters) as IterableIterator<unknown[]>) yield object(values);
		}
	};
}
