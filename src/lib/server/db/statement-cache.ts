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
 * 1 270 rows of a province's category counts, 8–9 ms against 5 ms for the arrays made objects here; a
 * page reads hundreds to thousands of rows.
 *
 * The names are read once where the text lists its columns. A `*` stands for the table's columns when
 * the statement runs: SQLite prepares it again after a migration changed the table, so its names are read
 * at every run, and its rows made by the function for those names (a `count(*)` pays that small cost too).
 */
export function rowsAsObjects(statement: Database.Statement): SqliteStatement {
	if (!statement.reader) return statement;
	statement.raw(true);
	const readNames = () => statement.columns().map((column) => column.name);
	const listed = statement.source.includes('*') ? null : rowMakerFor(readNames());
	const maker = (): RowMaker => listed ?? rowMakerFor(readNames());
	return {
		reader: true,
		all: (parameters) => (statement.all(parameters) as unknown[][]).map(maker()),
		run: (parameters) => statement.run(parameters),
		*iterate(parameters) {
			const make = maker();
			for (const values of statement.iterate(parameters) as IterableIterator<unknown[]>) yield make(values);
		}
	};
}

type RowMaker = (values: unknown[]) => Record<string, unknown>;

/** How many column lists keep their function: far more than the app's statements name between them. */
const MAKER_LIMIT = 1000;
const makers = new Map<string, RowMaker>();

/**
 * The one function for rows of these column names, made the first time they are asked. Statements that differ
 * only in how many values an `in (…)` list has (a scope's units: 1 to 200 of them) name the same columns, and
 * each new text used to make a new function, which V8 compiled and optimised again: on the city's mixed pages,
 * 916 texts over 2 100 requests against 495 without the lists' lengths. Past `MAKER_LIMIT` lists the oldest go.
 */
export function rowMakerFor(names: readonly string[]): RowMaker {
	const key = JSON.stringify(names);
	let make = makers.get(key);
	if (!make) {
		make = rowMaker(names);
		if (makers.size >= MAKER_LIMIT) makers.delete(makers.keys().next().value!);
		makers.set(key, make);
	}
	return make;
}

/**
 * The function that makes a row of these column names an object: `(v) => ({ "a": v[0], "b": v[1] })`, made
 * for the names, so each statement's rows are built by their own code, all of one shape. One loop shared by
 * every statement (`row[names[i]] = values[i]`) sees every statement's names at the same store, which V8
 * then handles at its slowest: 40 statements' rows of 4–11 columns, 170 ns a row through the loop against
 * 100 ns through their own functions. The names are written as JSON strings, which JavaScript reads as the
 * same strings; `__proto__` as a computed key (`["__proto__"]`), which makes a property where the plain key
 * would set the prototype.
 */
function rowMaker(names: readonly string[]): RowMaker {
	const properties = names.map((name, i) => {
		const key = JSON.stringify(name);
		return `${name === '__proto__' ? `[${key}]` : key}: v[${i}]`;
	});
	return new Function('v', `return { ${properties.join(', ')} };`) as RowMaker;
}
