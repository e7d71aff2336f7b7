/**
 * npm run generate -- [--preset city|province] [--orgs N] [--years Y] [--tasks-per-plan T]
 *                     [--last-year YYYY] [--seed S] [--out FILE] [--force] [--hash]
 *
 * Builds a database of synthetic reports for invented organizations, through the importer's
 * write step. Same options → same database (--hash prints a hash of its rows to compare).
 * Exit code 0 on success, 1 on failure, 2 on bad usage.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../src/lib/server/db';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { generateData, PRESETS, DEFAULT_LAST_YEAR, type GenerateProgress } from '../src/lib/server/generate';
import { hashDatabase } from '../src/lib/server/queries/dump';

const USAGE = `usage: npm run generate -- [--preset city|province] [--orgs N] [--years Y] [--tasks-per-plan T]
                           [--last-year YYYY] [--seed S] [--out FILE] [--force] [--hash]
  --preset          city (≈ 200 organizations × 5 years ≈ 100 000 updates; the default)
                    or province (≈ 2 000 organizations ≈ 1 000 000 updates); flags below override it
  --orgs            organizations in the invented tree (市 → 区/县 → 街道/镇, a 省 above past 400)
  --years           years of plans per organization, ending with --last-year (default ${DEFAULT_LAST_YEAR})
  --tasks-per-plan  mean tasks per plan (each plan has 10–60)
  --seed            any text (default 1); the same seed gives the same database
  --out             database file to create (default data/generated.db)
  --force           replace --out if it exists
  --hash            print a SHA-256 of every row at the end (for comparing runs)`;

function fail(message: string): never {
	console.error(`${message}\n${USAGE}`);
	process.exit(2);
}

let values: ReturnType<typeof parse>['values'];
function parse() {
	return parseArgs({
		options: {
			preset: { type: 'string' },
			orgs: { type: 'string' },
			years: { type: 'string' },
			'tasks-per-plan': { type: 'string' },
			'last-year': { type: 'string' },
			seed: { type: 'string', default: '1' },
			out: { type: 'string', default: 'data/generated.db' },
			force: { type: 'boolean', default: false },
			hash: { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false }
		}
	});
}
try {
	values = parse().values;
} catch (error) {
	fail((error as Error).message);
}
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}

const presetName = values.preset ?? 'city';
if (!(presetName in PRESETS)) fail(`unknown preset "${presetName}"`);
const preset = PRESETS[presetName as keyof typeof PRESETS];

function integer(name: string, value: string | undefined, fallback: number, min: number): number {
	if (value === undefined) return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < min) fail(`--${name} must be an integer ≥ ${min}, got "${value}"`);
	return n;
}
const options = {
	seed: values.seed!,
	organizations: integer('orgs', values.orgs, preset.organizations, 1),
	years: integer('years', values.years, preset.years, 1),
	tasksPerPlan: integer('tasks-per-plan', values['tasks-per-plan'], preset.tasksPerPlan, 10),
	lastYear: integer('last-year', values['last-year'], DEFAULT_LAST_YEAR, 1950)
};
if (options.tasksPerPlan > 60) fail('--tasks-per-plan must be at most 60');

const out = values.out!;
if (existsSync(out)) {
	if (!values.force) fail(`${out} exists; pass --force to replace it`);
	for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(out + suffix, { force: true });
}

const db = openDatabase(out);
try {
	await migrateToLatest(db);
	// The file is built from scratch and thrown away if the run fails, so crash safety buys
	// nothing here: no fsync, rollback journal in memory (rollback still works). The app reopens
	// it in WAL mode with its usual settings.
	await sql`pragma journal_mode = memory`.execute(db);
	await sql`pragma synchronous = off`.execute(db);
	await sql`pragma cache_size = -65536`.execute(db);

	console.log(
		`generating ${options.organizations} organizations × ${options.years} years (${options.lastYear - options.years + 1}–${options.lastYear}), ` +
			`≈ ${options.tasksPerPlan} tasks per plan, seed "${options.seed}" → ${out}`
	);
	const summary = await generateData(db, { ...options, onProgress: (p) => console.log(progressLine(p)) });
	await db.destroy();

	const size = statSync(out).size;
	console.log(
		`done: ${summary.organizations} organizations, ${summary.plans} plans, ${summary.documents} documents, ` +
			`${summary.updates} updates, ${summary.flags} quality flags in ${formatDuration(summary.elapsedMs)} ` +
			`(the search indexes built in the last ${formatDuration(summary.searchIndexMs)}); ` +
			`${out} is ${(size / 1024 / 1024).toFixed(1)} MiB`
	);
	console.log(
		`rate: ${Math.round(summary.startRate)} updates/s over the first tenth, ${Math.round(summary.endRate)} over the last`
	);
	if (values.hash) {
		const reopened = openDatabase(out);
		console.log(`sha256 of rows: ${await hashDatabase(reopened)}`);
		await reopened.destroy();
	}
} catch (error) {
	console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}

function progressLine(p: GenerateProgress): string {
	const rate = p.updates / (p.elapsedMs / 1000 || 1);
	const left = (p.expectedUpdates - p.updates) / (rate || 1);
	const share = ((p.updates / p.expectedUpdates) * 100).toFixed(1);
	return `  ${p.updates.toLocaleString('en')} / ${p.expectedUpdates.toLocaleString('en')} updates (${share}%), ${p.documents} documents, ${Math.round(rate).toLocaleString('en')} updates/s, ETA ${formatDuration(left * 1000)}`;
}

function formatDuration(ms: number): string {
	const s = Math.round(ms / 1000);
	return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${(ms / 1000).toFixed(1)} s`;
}
