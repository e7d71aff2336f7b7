import { openDatabase, type DB } from './index';
import { migrateToLatest } from './migrate';

/** A fresh in-memory database with the real migrations applied, for tests. */
export async function openTestDatabase(): Promise<DB> {
	const db = openDatabase(':memory:');
	await migrateToLatest(db);
	return db;
}
