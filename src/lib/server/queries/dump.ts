/**
 * A canonical dump of the application's tables, and its hash: two databases with the same hash
 * hold the same rows. Used to show that generation is deterministic (same seed → same hash) and
 * that removing the sample organization leaves every other row as it was.
 *
 * Rows are streamed, so hashing a million-update database does not hold it in memory. Search
 * indexes (virtual tables) and SQLite's own tables are left out: they derive from the rows.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db';
import type { Database } from '../db/schema';

/** The tables of schema.ts, parents before children. */
export const DUMP_TABLES = [
	'organizations',
	'plans',
	'periods',
	'sources',
	'categories',
	'tasks',
	'targets',
	'updates',
	'themes',
	'task_themes',
	'quality_flags',
	'period_summaries'
] as const satisfies readonly (keyof Database)[];

export type DumpTable = (typeof DUMP_TABLES)[number];

/** One row as canonical text: columns in table order, blobs as hex. */
function rowText(row: Record<string, unknown>): string {
	return JSON.stringify(
		Object.values(row).map((v) => (v instanceof Uint8Array ? `x'${Buffer.from(v).toString('hex')}'` : v))
	);
}

/** Every row of `table` as canonical text, ordered by all its columns (so insertion order does not matter). */
export async function* dumpTable(db: DB, table: DumpTable): AsyncGenerator<string> {
	const columns = (
		await sql<{ name: string }>`select name from pragma_table_info(${table}) order by cid`.execute(db)
	).rows.map((c) => c.name);
	const query = columns.reduce(
		(qb, column) => qb.orderBy(sql.ref(column)),
		(db as unknown as Kysely<Record<string, Record<string, unknown>>>).selectFrom(table).selectAll()
	);
	for await (const row of query.stream(1000)) yield rowText(row);
}

/** SHA-256 over every row of every table in DUMP_TABLES, hex. */
export async function hashDatabase(db: DB): Promise<string> {
	const hash = createHash('sha256');
	for (const table of DUMP_TABLES) {
		hash.update(`# ${table}\n`);
		for await (const line of dumpTable(db, table)) hash.update(line + '\n');
	}
	return hash.digest('hex');
}
