/**
 * Two builds of the app side by side: which one costs the server less CPU a request.
 *
 *   npx tsx bench/ab.ts DIR_A DIR_B [--rounds 3] [--requests 1500] [--warm 1000] [--flags-a="…"] [--flags-b="…"]
 *
 * Each directory is a checkout with its own `npm run build` (`build/` and `scripts/`; `git worktree add` makes
 * one of another commit). Both serve bench/data/city.db as one process each (`WEB_CONCURRENCY=1`, the server's
 * own node flags, plus `--flags-a` / `--flags-b`), at the same time. The same distinct URLs of the load's mix
 * (bench/urls.ts, without the exports) are asked of both, one request at a time, each URL of A and of B in
 * turn, half the time A first. Each round reports the CPU time (user + system, every thread of the process,
 * from /proc) each server used per request, and B ÷ A.
 *
 * Why: this machine's speed drifts by a third within minutes (README.md, twenty-seventh round: the same build served
 * 197 req/s at 10:30 and 102 at 11:00), so two loads run one after the other cannot tell a change of 5%. Side by side, both servers see the
 * same machine at every moment, and CPU time, unlike latency, does not count the time a process waits for a
 * core. It measures the work a request costs — the collector's and the optimising compiler's threads included —
 * not how a server queues 32 users: the load (bench/load.ts) measures that.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchUrls } from './urls';
import { SERVER_NODE_FLAGS } from '../scripts/server-env.js';

const DATABASE = path.resolve('bench/data/city.db');

interface Side {
	name: 'A' | 'B';
	dir: string;
	base: string;
	server: ChildProcess;
	output: () => string;
}

/** CPU time (ms) a process has used so far, every thread: utime + stime of /proc/PID/stat, in clock ticks. */
function cpuMs(pid: number, ticksPerSecond: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command name (which may hold spaces, so split after its closing parenthesis).
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/** Throws, naming what is missing, unless `dir` is a built checkout: checked for both before either starts. */
function checkBuilt(name: 'A' | 'B', dir: string): void {
	for (const needed of ['build/handler.js', 'scripts/serve.js'])
		if (!existsSync(path.join(dir, needed)))
			throw new Error(`${name}: ${dir} has no ${needed} (a checkout after npm ci and npm run build)`);
}

function start(name: 'A' | 'B', dir: string, port: number, flags: string[]): Side {
	const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...flags, 'scripts/serve.js'], {
		cwd: dir,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DATABASE_PATH: DATABASE,
			JINDU_SAMPLE: '0',
			WEB_CONCURRENCY: '1',
			LOG_LEVEL: 'warn'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	return { name, dir, base: `http://127.0.0.1:${port}`, server, output: () => output };
}

async function ready(side: Side): Promise<void> {
	for (let i = 0; i < 600; i++) {
		if (side.server.exitCode !== null) break;
		try {
			if ((await fetch(side.base + '/')).ok) return;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`${side.name} (${side.dir}) did not start: ${side.output()}`);
}

/** The page's bytes, or an error naming the side and the URL when it does not answer 200. */
async function ask(side: Side, url: string): Promise<number> {
	const response = await fetch(side.base + url);
	const bytes = (await response.arrayBuffer()).byteLength;
	if (response.status !== 200) throw new Error(`${side.name} answered ${response.status} to ${url}`);
	return bytes;
}

async function main() {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			rounds: { type: 'string', default: '3' },
			requests: { type: 'string', default: '1500' },
			warm: { type: 'string', default: '1000' },
			'flags-a': { type: 'string', default: '' },
			'flags-b': { type: 'string', default: '' }
		}
	});
	if (positionals.length !== 2)
		throw new Error('usage: npx tsx bench/ab.ts DIR_A DIR_B [--rounds N] [--requests N] [--warm N]');
	if (!existsSync(DATABASE))
		throw new Error(`${DATABASE} is missing: npm run generate -- --preset city --out bench/data/city.db`);
	if (!existsSync('/proc/self/stat')) throw new Error('bench/ab.ts reads CPU time from /proc (Linux only)');
	const count = (name: string, value: string) => {
		const n = Number(value);
		if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1, not ${value}`);
		return n;
	};
	const rounds = count('rounds', values.rounds);
	const requests = count('requests', values.requests);
	const warm = count('warm', values.warm);
	if (requests < rounds) throw new Error(`--requests (${requests}) must be at least --rounds (${rounds})`);
	const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());
	const flags = (text: string) => text.split(' ').filter(Boolean);

	const dirs = positionals.map((dir) => path.resolve(dir));
	checkBuilt('A', dirs[0]);
	checkBuilt('B', dirs[1]);
	const port = 4700 + Math.floor(Math.random() * 200);
	const sides = [
		start('A', dirs[0], port, flags(values['flags-a'])),
		start('B', dirs[1], port + 1, flags(values['flags-b']))
	];
	try {
		await Promise.all(sides.map(ready));
		const urls = benchUrls(DATABASE, warm + requests, 17, {
			overview: 0.3,
			tasks: 0.3,
			task: 0.25,
			present: 0.12,
			export: 0
		}).map((url) => url.path);
		if (urls.length < warm + requests) throw new Error(`only ${urls.length} distinct URLs in this database`);
		// Warming: the modules loaded, the statements prepared, the hot code optimised, on both.
		for (const url of urls.slice(0, warm)) for (const side of sides) await ask(side, url);

		const per = Math.floor(requests / rounds);
		const ratios: number[] = [];
		const totals = [0, 0];
		const bytes = [0, 0];
		console.log(`A ${sides[0].dir}${values['flags-a'] ? ` (${values['flags-a']})` : ''}`);
		console.log(`B ${sides[1].dir}${values['flags-b'] ? ` (${values['flags-b']})` : ''}`);
		console.log(`${warm} URLs to warm each, then ${rounds} rounds of ${per} (bench/data/city.db)`);
		for (let round = 0; round < rounds; round++) {
			const slice = urls.slice(warm + round * per, warm + (round + 1) * per);
			const before = sides.map((side) => cpuMs(side.server.pid!, ticksPerSecond));
			for (const [i, url] of slice.entries()) {
				const order = i % 2 === 0 ? [0, 1] : [1, 0];
				for (const k of order) bytes[k] += await ask(sides[k], url);
			}
			const used = sides.map((side, k) => (cpuMs(side.server.pid!, ticksPerSecond) - before[k]) / slice.length);
			totals[0] += used[0];
			totals[1] += used[1];
			ratios.push(used[1] / used[0]);
			console.log(
				`round ${round + 1}: A ${used[0].toFixed(2)} ms  B ${used[1].toFixed(2)} ms of CPU a request  B/A ${ratios.at(-1)!.toFixed(3)}`
			);
		}
		const asked = per * rounds;
		console.log(
			`mean: A ${(totals[0] / rounds).toFixed(2)} ms  B ${(totals[1] / rounds).toFixed(2)} ms  B/A ${(totals[1] / totals[0]).toFixed(3)}` +
				` (rounds ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)});` +
				` mean page A ${(bytes[0] / asked / 1024).toFixed(1)} KB  B ${(bytes[1] / asked / 1024).toFixed(1)} KB`
		);
	} finally {
		for (const side of sides) side.server.kill('SIGTERM');
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
