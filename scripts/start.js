// npm start: builds the app when the build is missing or older than its sources, then serves it with
// one worker per core (scripts/serve.js; WEB_CONCURRENCY=1 for a single process).
// The server itself opens DATABASE_PATH, migrates and seeds the bundled reports (src/hooks.server.ts).
// @ts-check
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { SERVER_NODE_FLAGS, originProblem, serverEnvironment, withLocalOrigin } from './server-env.js';

const SOURCES = [
	'src',
	'migrations',
	'static',
	'data/themes.json',
	'svelte.config.js',
	'vite.config.ts',
	'package.json'
];

/** @param {string} p @returns {number} newest modification time under p, 0 when missing */
function newest(p) {
	if (!existsSync(p)) return 0;
	const stat = statSync(p);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(p).reduce((max, name) => Math.max(max, newest(path.join(p, name))), stat.mtimeMs);
}

// Before building: a configuration that cannot serve fails at once.
const problem = originProblem(process.env);
if (problem) {
	console.error(`[jindu] cannot start: ${problem}`);
	process.exit(1);
}

const built = existsSync('build/index.js') ? statSync('build/index.js').mtimeMs : 0;
if (built < Math.max(...SOURCES.map(newest))) {
	console.log('[jindu] building…');
	const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
		stdio: 'inherit'
	});
	if (result.status !== 0) process.exit(result.status ?? 1);
}

const port = process.env.PORT || '3000';
const { env, note } = withLocalOrigin(process.env, port);
if (note) console.log(`[jindu] ${note}`);
console.log(`[jindu] serving on http://localhost:${port} (database: ${process.env.DATABASE_PATH || 'data/jindu.db'})`);
const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, 'scripts/serve.js'], {
	stdio: 'inherit',
	env: { ...serverEnvironment(env), PORT: port }
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
