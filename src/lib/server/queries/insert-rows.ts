/**
 * Multi-row INSERTs whose SQL text kysely compiles once per shape. Building an INSERT turns every
 * value of every row into a node and compiles the nodes back into text; for the write path's
 * chunks of hundreds of rows that was about a tenth of generating a city, for a text that is the
 * same whenever the table, the columns, the clauses and the number of rows are.
 *
 * The first chunk of a shape is built and compiled by kysely as before. Its parameters must equal
 * the row values taken column by column, row by row: only then is its text kept for the shape, and
 * the next chunks of that shape run it with their own values, bound as parameters like any other.
 * A chunk kysely would compile differently is built the usual way: a row without some column or
 * with an `undefined` (kysely writes DEFAULT for it), or a value that is not a plain one (an
 * expression, an object).
 */
import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

type Row = Readonly<Record<string, unknown>>;

/** Texts kept by shape: `name|columns|rows`. The least recently used go past the limit. */
const texts = new Map<string, string>();
const TEXT_LIMIT = 400;
/** Shapes whose compiled parameters did not follow the rows: always built by kysely. */
const unkept = new Set<string>();

/**
 * Inserts `rows` in chunks of `size`, each chunk the statement `build` makes of it. `name` names
 * what `build` adds beyond the rows (a table and its ON CONFLICT clause): one name, one builder,
 * whose text may depend on the number of rows but not on their values.
 */
export async function insertRows<R extends Row>(
	db: Kysely<Database>,
	name: string,
	rows: readonly R[],
	size: number,
	build: (chunk: R[]) => Compilable
): Promise<void> {
	for (let i = 0; i < rows.length; i += size) {
		const chunk = rows.slice(i, i + size);
		const columns = plainColumns(chunk);
		const shape = columns && `${name}|${columns.join(',')}|${chunk.length}`;
		const text = shape ? texts.get(shape) : undefined;
		if (shape && text !== undefined) {
			texts.delete(shape);
			texts.set(shape, text);
			await db.executeQuery(CompiledQuery.raw(text, valuesOf(chunk, columns)));
			continue;
		}
		const compiled = build(chunk).compile();
		if (shape && !unkept.has(shape)) keep(shape, compiled, valuesOf(chunk, columns));
		await db.executeQuery(compiled);
	}
}

function keep(shape: string, compiled: CompiledQuery, values: unknown[]): void {
	const same =
		compiled.parameters.length === values.length && compiled.parameters.every((p, i) => Object.is(p, values[i]));
	if (!same) {
		unkept.add(shape);
		return;
	}
	texts.set(shape, compiled.sql);
	if (texts.size > TEXT_LIMIT) texts.delete(texts.keys().next().value!);
}

/** The first row's columns, when every row has exactly those, each with a plain value; else null. */
function plainColumns(rows: readonly Row[]): string[] | null {
	if (rows.length === 0) return null;
	const columns = Object.keys(rows[0]);
	for (const row of rows) {
		if (Object.keys(row).length !== columns.length) return null;
		for (const column of columns) if (!isPlain(row[column])) return null;
	}
	return columns;
}

function isPlain(value: unknown): boolean {
	if (value === null) return true;
	const type = typeof value;
	return type === 'string' || type === 'number' || type === 'bigint' || value instanceof Uint8Array;
}

function valuesOf(rows: readonly Row[], columns: readonly string[]): unknown[] {
	const values: unknown[] = new Array(rows.length * columns.length);
	let at = 0;
	for (const row of rows) for (const column of columns) values[at++] = row[column];
	return values;
}
