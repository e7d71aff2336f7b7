/**
 * Every write transaction of the app begins IMMEDIATE. kysely's `db.transaction()` begins
 * DEFERRED: the first write then has to upgrade a read lock while another process may hold the
 * write lock, and SQLite answers "database is locked" at once instead of waiting busy_timeout
 * (six CLI imports started together: four failed after ~250 ms). BEGIN IMMEDIATE takes the
 * write lock first, which is where busy_timeout applies.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db';
import type { Database } from '../db/schema';

/** Runs `work` on the one connection inside BEGIN IMMEDIATE … COMMIT; any error rolls it all back. */
export async function writeTransaction<T>(db: DB, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
	return db.connection().execute(async (connection) => {
		await sql`begin immediate`.execute(connection);
		try {
			const result = await work(connection);
			await sql`commit`.execute(connection);
			return result;
		} catch (error) {
			// SQLite has already rolled back after some errors (SQLITE_FULL, SQLITE_IOERR); then
			// ROLLBACK fails with "no transaction is active" and would hide the error that matters.
			await sql`rollback`.execute(connection).catch(() => undefined);
			throw error;
		}
	});
}
