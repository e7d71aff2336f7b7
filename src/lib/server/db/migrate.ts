import { Migrator, type MigrationProvider } from 'kysely';
import { migrations } from '../../../../migrations/index.js';
import type { DB } from './index';

const provider: MigrationProvider = { getMigrations: async () => migrations };
/**
 * Migration names are ASCII (`0001_…`), so code-unit order is their order. Kysely's default, localeCompare,
 * loads the ICU collator on first use: ≈ 11 ms of every CLI start, for the same answer.
 */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The app's migrations (migrations/) for `db`, in their order: tests also migrate a database to one of them. */
export function migrator(db: DB): Migrator {
	return new Migrator({ db, provider, nameComparator: byName });
}

/** Brings the schema to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: DB): Promise<void> {
	const { error, results } = await migrator(db).migrateToLatest();
	if (error) {
		const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
		throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
			cause: error
		});
	}
}
