// The browser tests' city database (200 organizations, 5 years), generated once and kept in data/ beside
// a stamp of the code that made it: made again only when the generator, the write path or the migrations
// change. `npm run test:e2e` runs this beside the app's build; scripts/serve-city.js runs it too, so a
// Playwright run started by itself still finds the database.
// @ts-check
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const CITY_DATABASE = path.join(root, 'data', 'e2e-city.db');
const stampFile = `${CITY_DATABASE}.stamp`;
/** What the generated rows depend on. */
const SOURCES = ['src/lib/server/generate', 'src/lib/server/queries', 'src/lib/domain', 'migrations'];

/** @param {string} dir @returns {string[]} */
function filesUnder(dir) {
	return readdirSync(dir, { withFileTypes: true })
		.flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))
		.filter((f) => !f.endsWith('.spec.ts'))
		.sort();
}

/** Generates the database unless the one in data/ was made by the same sources. */
export function ensureCityDatabase() {
	const hash = createHash('sha256');
	for (const f of SOURCES.flatMap((s) => filesUnder(path.join(root, s)))) hash.update(f).update(readFileSync(f));
	const stamp = hash.digest('hex');
	const current = existsSync(CITY_DATABASE) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
	if (!current) {
		for (const suffix of ['', '-wal', '-shm', '.stamp']) rmSync(CITY_DATABASE + suffix, { force: true });
		console.log('generating the city database for the browser tests (once per change of the generator)…');
		execFileSync(process.execPath, ['scripts/cli.js', 'generate', '--preset', 'city', '--out', CITY_DATABASE], {
			cwd: root,
			stdio: 'inherit'
		});
		writeFileSync(stampFile, stamp);
	}
	console.log(`city database: ${(statSync(CITY_DATABASE).size / 2 ** 20).toFixed(0)} MB`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) ensureCityDatabase();
