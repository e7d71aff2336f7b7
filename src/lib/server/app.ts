/**
 * The app's one database, configured from the environment. Opened lazily so that building
 * the app (which imports server modules to analyse routes) never touches a database file.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type DB } from './db';
import { migrateToLatest } from './db/migrate';
import { seedIfEmpty } from './seed';
import { addSampleOrganization } from './generate/sample';
import { countSources } from './queries/plans';
import { trafficLightRule, type TrafficLightRule } from '../domain/schedule';

let instance: DB | undefined;

export interface Settings {
	/** JINDU_TRAFFIC_LIGHTS: which 序时进度 traffic-light rule colours tasks (default 银川). */
	trafficLightRule: TrafficLightRule;
}

let current: Settings | undefined;

/** The app's settings from the environment; read once, and checked at start so a typo fails fast. */
export function settings(): Settings {
	current ??= { trafficLightRule: trafficLightRule(process.env.JINDU_TRAFFIC_LIGHTS) };
	return current;
}

export function databasePath(): string {
	return process.env.DATABASE_PATH || 'data/jindu.db';
}

/** The open, migrated database; `initDatabase` must have run (the server hook does it at start). */
export function getDb(): DB {
	if (!instance) throw new Error('database not initialised: initDatabase() runs in the server init hook');
	return instance;
}

/** Opens and migrates the database; seeds the bundled reports and the sample organization into an empty one. Fails fast. */
export async function initDatabase(): Promise<DB> {
	if (instance) return instance;
	settings();
	const file = databasePath();
	if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
	const db = openDatabase(file);
	await migrateToLatest(db);
	const empty = (await countSources(db)) === 0;
	const seeded = await seedIfEmpty(db, process.env.JINDU_REPORTS_DIR || 'data/reports');
	for (const report of seeded) {
		if (report.error) console.error(`[jindu] bundled report ${report.file} not imported: ${report.error}`);
		else console.log(`[jindu] imported ${report.file}: ${report.result?.taskCount} tasks`);
	}
	// A new database also gets one sample organization (示例数据), so the quarter charts have a trend
	// to show; JINDU_SAMPLE=0 leaves it out, and `npm run sample:remove` takes it out later.
	if (empty && process.env.JINDU_SAMPLE !== '0') {
		try {
			const sample = await addSampleOrganization(db);
			console.log(
				`[jindu] added sample organization ${sample.organization.join(' › ')} (示例数据, ${sample.updates} updates); remove it with: npm run sample:remove`
			);
		} catch (error) {
			console.error(`[jindu] sample organization not added: ${error instanceof Error ? error.message : String(error)}`);
		}
	}
	instance = db;
	return db;
}
