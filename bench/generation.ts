/**
 * The write path's figures for `npm run bench`, measured in the run that prints them:
 *
 * - `npm run generate -- --preset city`, always regenerated: wall time (the command as a person
 *   runs it: `node scripts/cli.js generate`, the CLI bundle the build made, compiled again first if any
 *   source is newer) and the rate over the first and last tenth.
 * - `--preset province`, regenerated with `--province`; otherwise the file is reused and the row
 *   says so, with the file's date.
 * - One report imported into a copy of the province database vs into an empty one: p50 of
 *   IMPORTS documents each, on files opened as the CLI opens them, and their ratio.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/lib/server/db';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { importDocument } from '../src/lib/server/import';

export type Preset = 'city' | 'province';
type Record = (row: { group: string; name: string; value: string; budget?: string; ok?: boolean }) => void;

const BUDGET_SECONDS: { [preset in Preset]: number } = { city: 20, province: 240 };
const IMPORTS = 15;

/**
 * Runs the generator as `npm run generate` does (not through tsx, which compiles at every start) and reads
 * its closing lines.
 */
function generate(preset: Preset, file: string) {
	mkdirSync(path.dirname(file), { recursive: true });
	console.log(`  generating ${file} (--preset ${preset}) …`);
	const started = performance.now();
	const run = spawnSync(
		process.execPath,
		['scripts/cli.js', 'generate', '--preset', preset, '--out', file, '--force'],
		{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }
	);
	const seconds = (performance.now() - started) / 1000;
	if (run.status !== 0) throw new Error(`generating ${file} failed`);
	const rates = run.stdout.match(/rate: (\d+) updates\/s over the first tenth, (\d+) over the last/);
	if (!rates) throw new Error(`the generator printed no rates:\n${run.stdout}`);
	return { seconds, startRate: Number(rates[1]), endRate: Number(rates[2]) };
}

/** Makes (or, for the province without --province, reuses) bench/data/PRESET.db and records how long it took. */
export async function prepareDatabase(preset: Preset, regenerate: boolean, record: Record): Promise<string> {
	const file = `bench/data/${preset}.db`;
	if (!regenerate && existsSync(file)) {
		// Before the migrations, which may write to it.
		const written = statSync(file).mtime;
		const db = openDatabase(file);
		await migrateToLatest(db);
		await db.destroy();
		record({
			group: 'generate',
			name: `--preset ${preset}`,
			value: `reused: ${file} from ${written.toISOString().slice(0, 16)} (not measured; --province regenerates)`
		});
		return file;
	}
	const { seconds, startRate, endRate } = generate(preset, file);
	record({
		group: 'generate',
		name: `--preset ${preset}, wall`,
		value: `${seconds.toFixed(1)} s (${(statSync(file).size / 2 ** 20).toFixed(0)} MiB)`,
		budget: `≤ ${BUDGET_SECONDS[preset]} s`,
		ok: seconds <= BUDGET_SECONDS[preset]
	});
	const slowdown = startRate / endRate;
	record({
		group: 'generate',
		name: `  rate, first → last tenth`,
		value: `${startRate} → ${endRate} updates/s (${slowdown.toFixed(2)}×)`,
		budget: 'end within 1.5× of start',
		ok: slowdown <= 1.5
	});
	return file;
}

/** p50 ms of importing IMPORTS new documents (the seed, as published by other streets) into `file`. */
async function importTimes(file: string): Promise<number> {
	const db = openDatabase(file);
	await migrateToLatest(db);
	const seed = readFileSync('data/reports/xinjie-2024-q2.txt', 'utf8');
	const samples: number[] = [];
	// The first import warms the statement cache; it is not counted.
	for (let i = 0; i <= IMPORTS; i++) {
		const street = `基准${i}街道`;
		const bytes = Buffer.from(
			seed.replace('新街街道办事处', `${street}办事处`).replace('发布机构 新街街道', `发布机构 ${street}`)
		);
		const start = performance.now();
		await importDocument(db, bytes, { fileName: `${street}.txt` });
		if (i > 0) samples.push(performance.now() - start);
	}
	await db.destroy();
	return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

/** The same report into the province database and into an empty one, in this run. */
export async function benchImportIntoProvince(provinceFile: string, record: Record): Promise<void> {
	const dir = mkdtempSync(path.join(tmpdir(), 'jindu-bench-import-'));
	try {
		const copy = path.join(dir, 'province.db');
		copyFileSync(provinceFile, copy);
		const empty = await importTimes(path.join(dir, 'empty.db'));
		const province = await importTimes(copy);
		record({
			group: 'import',
			name: 'one report (12 tasks): province vs empty database',
			value: `p50 ${province.toFixed(1)} ms vs ${empty.toFixed(1)} ms (${(province / empty).toFixed(2)}×)`,
			budget: '≤ 2×',
			ok: province / empty <= 2
		});
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
