// Serves the built app on the generated city database (200 organizations, 5 years), for the browser
// tests that must see a leader's scale. The database is generated once and kept in data/ beside a
// stamp of the code that made it: it is made again only when the generator, the write path or the
// migrations change. Served read-only, so no test can change what the next one sees.
// @ts-check
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverEnvironment } from './server-env.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const file = path.join(root, 'data', 'e2e-city.db');
const stampFile = `${file}.stamp`;
/** What the generated rows depend on. */
const SOURCES = ['src/lib/server/generate', 'src/lib/server/queries', 'src/lib/domain', 'migrations'];

/** @param {string} dir @returns {string[]} */
function filesUnder(dir) {
	return readdirSync(dir, { withFileTypes: true })
		.flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))
		.filter((f) => !f.endsWith('.spec.ts'))
		.sort();
}

const hash = createHash('sha256');
for (const f of SOURCES.flatMap((s) => filesUnder(path.join(root, s)))) hash.update(f).update(readFileSync(f));
const stamp = hash.digest('hex');

const current = existsSync(file) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
if (!current) {
	for (const suffix of ['', '-wal', '-shm', '.stamp']) rmSync(file + suffix, { force: true });
	console.log('generating the city database for the browser tests (once per change of the generator)…');
	execFileSync(process.execPath, ['scripts/cli.js', 'generate', '--preset', 'city', '--out', file], {
		cwd: root,
		stdio: 'inherit'
	});
	writeFileSync(stampFile, stamp);
}
console.log(`city database: ${(statSync(file).size / 2 ** 20).toFixed(0)} MB`);

Object.assign(process.env, serverEnvironment(process.env), { DATABASE_PATH: file, JINDU_READONLY: '1' });
const entry = '../build/index.js';
await import(entry);
