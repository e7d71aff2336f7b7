/**
 * The app's one database, configured from the environment. Opened lazily so that building
 * the app (which imports server modules to analyse routes) never touches a database file.
 */
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseError, openDatabase, quickCheck, type DB } from './db';
import { migrateToLatest } from './db/migrate';
import { KNOWN_MIGRATIONS, describeSchemaState, schemaState } from './db/schema-state';
import { seedIfEmpty } from './seed';
import { addSampleOrganization } from './generate/sample';
import { log } from './log';
import { countSources } from './queries/plans';
import { getHealthFacts, listAppliedMigrations } from './queries/maintenance';
import { trafficLightRule, type TrafficLightRule } from '../domain/schedule';
import { readMode, type ReadMode } from './auth/reading';

let instance: DB | undefined;
let readOnly = false;

export interface Settings {
	/** JINDU_TRAFFIC_LIGHTS: which 序时进度 traffic-light rule colours tasks (default 银川). */
	trafficLightRule: TrafficLightRule;
	/**
	 * JINDU_READ: `open` (default) lets anyone read; `login` needs an account and shows it only its subtrees.
	 * Optional only so that tests setting other settings need not name it: absent reads as `open`.
	 */
	read?: ReadMode;
}

let current: Settings | undefined;

/** The app's settings from the environment; read once, and checked at start so a typo fails fast. */
export function settings(): Settings {
	current ??= {
		trafficLightRule: trafficLightRule(process.env.JINDU_TRAFFIC_LIGHTS),
		read: readMode(process.env.JINDU_READ)
	};
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

/** Whether the server serves a database it may not write (JINDU_READONLY=1, or read-only storage). */
export function isReadOnly(): boolean {
	return readOnly;
}

/**
 * Whether SQLite could write the file and its -wal/-shm files beside it (false on a read-only
 * mount); for a directory still to be made, whether its nearest existing parent is writable.
 */
function storageIsWritable(file: string): boolean {
	try {
		if (existsSync(file)) accessSync(file, constants.W_OK);
		let dir = path.dirname(path.resolve(file));
		while (!existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
		accessSync(dir, constants.W_OK);
		return true;
	} catch {
		return false;
	}
}

/**
 * Opens the database and checks it (quick_check, unless the first worker just did); then migrates it
 * and seeds the bundled reports and the sample organization into an empty one — or, read-only, only
 * checks that its migrations are current. Throws DatabaseError with a message fit to print; fails fast.
 */
export async function initDatabase(): Promise<DB> {
	if (instance) return instance;
	settings();
	const file = databasePath();
	const started = performance.now();
	readOnly = process.env.JINDU_READONLY === '1' || (file !== ':memory:' && !storageIsWritable(file));
	if (!readOnly && file !== ':memory:') createDirectory(file);
	const db = openDatabase(file, { readonly: readOnly });
	// A worker scripts/serve.js starts once the first has checked this file, seconds ago, does not check it
	// again (serve.js sets this variable).
	const checked = process.env.JINDU_CHECKED_BY_FIRST_WORKER !== '1';
	try {
		if (checked) await quickCheck(db, file);
		if (readOnly) await requireCurrentSchema(db, file);
		else await migrateAndSeed(db, file);
	} catch (error) {
		await db.destroy();
		throw error;
	}
	log.info({ file, readOnly, checked, ms: Math.round(performance.now() - started) }, 'database open');
	instance = db;
	return db;
}

function createDirectory(file: string): void {
	const dir = path.dirname(path.resolve(file));
	try {
		mkdirSync(dir, { recursive: true });
	} catch (error) {
		throw new DatabaseError(`${file}: cannot create the directory ${dir} (${(error as NodeJS.ErrnoException).code})`);
	}
}

/** A read-only database cannot be migrated: serve it only when this code knows its schema exactly. */
async function requireCurrentSchema(db: DB, file: string): Promise<void> {
	const state = schemaState(await listAppliedMigrations(db));
	if (state.kind !== 'current') throw new DatabaseError(`read-only: ${describeSchemaState(state, file)}`);
}

async function migrateAndSeed(db: DB, file: string): Promise<void> {
	// Kysely would call a newer jindu's migrations "corrupted"; say what happened instead.
	const state = schemaState(await listAppliedMigrations(db));
	if (state.kind === 'ahead') throw new DatabaseError(describeSchemaState(state, file));
	await migrateToLatest(db);
	const empty = (await countSources(db)) === 0;
	const seeded = await seedIfEmpty(db, process.env.JINDU_REPORTS_DIR || 'data/reports');
	for (const report of seeded) {
		if (report.error) log.error({ file: report.file }, `bundled report not imported: ${report.error}`);
		else log.info({ file: report.file, tasks: report.result?.taskCount }, 'bundled report imported');
	}
	// A new database also gets one sample organization (示例数据), so the quarter charts have a trend
	// to show; JINDU_SAMPLE=0 leaves it out, and `npm run sample:remove` takes it out later.
	if (empty && process.env.JINDU_SAMPLE !== '0') {
		try {
			const sample = await addSampleOrganization(db);
			log.info(
				{ organization: sample.organization.join(' › '), updates: sample.updates },
				'added the sample organization (示例数据); remove it with: npm run sample:remove'
			);
		} catch (error) {
			log.error(`sample organization not added: ${error instanceof Error ? error.message : String(error)}`);
		}
	}
}

/** What GET /healthz answers: whether the database reads, whether its migrations are this code's, its data version. */
export interface Health {
	ok: boolean;
	readOnly: boolean;
	/** 'ok', or why the database could not be read. */
	database: string;
	migrations: { latest: string | null; current: boolean } | null;
	/** Bumped by every import; changes when the data does. */
	dataVersion: number | null;
}

/** One statement over two small tables: cheap enough for a probe every second. */
export async function checkHealth(): Promise<Health> {
	try {
		const facts = await getHealthFacts(getDb());
		// Migrations are only ever added at the end, so the count and the last name tell it.
		const current =
			facts.migrationCount === KNOWN_MIGRATIONS.length && facts.latestMigration === KNOWN_MIGRATIONS.at(-1);
		const migrations = { latest: facts.latestMigration, current };
		return { ok: current, readOnly, database: 'ok', migrations, dataVersion: facts.dataVersion };
	} catch (error) {
		const database = error instanceof Error ? error.message : String(error);
		return { ok: false, readOnly, database, migrations: null, dataVersion: null };
	}
}
