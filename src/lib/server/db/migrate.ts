import { Migrator, type MigrationProvider } from 'kysely';
import { migrations } from '../../../../migrations/index.js';
import type { DB } from './index';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: DB): Promise<void> {
	const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
	if (error) {
		const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
		throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
			cause: error
		});
	}
}
