/**
 * What the health check, the start-up check, backup and restore read and write: the migrations a
 * database has had, its data version. Cheap by design — /healthz runs them on every probe.
 */
import { sql } from 'kysely';
import type { DB } from '../db';

/**
 * The names of the migrations applied to the database, in order; [] for a file that has never
 * been migrated (kysely's own table does not exist yet).
 */
export async function listAppliedMigrations(db: DB): Promise<string[]> {
	const table = await sql<{
		n: number;
	}>`select count(*) as n from sqlite_schema where type = 'table' and name = 'kysely_migration'`.execute(db);
	if (table.rows[0].n === 0) return [];
	const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
	return rows.map((r) => r.name);
}

/**
 * Sets the data version (every cached page and ETag is keyed by it). A restore sets it above both
 * the replaced database's and the backup's, so no page cached before the restore is served after.
 */
export async function setDataVersion(db: DB, version: number): Promise<void> {
	await db.updateTable('data_version').set({ version }).where('id', '=', 1).execute();
}

export interface HealthFacts {
	/** How many migrations have been applied, and the latest. */
	migrationCount: number;
	latestMigration: string | null;
	dataVersion: number;
}

/** One statement for /healthz (fails when the database has never been migrated). */
export async function getHealthFacts(db: DB): Promise<HealthFacts> {
	const { rows } = await sql<HealthFacts>`select
		(select count(*) from kysely_migration) as migrationCount,
		(select max(name) from kysely_migration) as latestMigration,
		(select version from data_version where id = 1) as dataVersion`.execute(db);
	return rows[0];
}
