/**
 * Two builds of the app side by side: which one costs the server less CPU a request.
 *
 *   npx tsx bench/ab.ts DIR_A DIR_B [--rounds 3] [--requests 1500] [--warm 1000] [--flags-a="…"] [--flags-b="…"]
 *
 * Each directory is a checkout with its own `npm run build` (`build/` and `scripts/`; `git worktree add` makes
 * one of another commit). Both serve bench/data/city.db as one process each (`startServer`, with the node flags
 * of `--flags-a` / `--flags-b` added), at the same time. The same distinct URLs of the load's mix without its
 * exports are asked of both, one request at a time, each URL of A and of B in turn, half the time A first. Each
 * round reports the CPU time (user + system, every thread of the process, from /proc) each server used per
 * request, and B ÷ A.
 *
 * Why: this machine's speed drifts by a third within minutes (bench/README.md, twenty-seventh round: the same
 * build served 197 req/s at 10:30 and 102 at 11:00), so two loads run one after the other cannot tell a change
 * of 5%. Side by side, both servers see the same machine at every moment, and CPU time, unlike latency, does not
 * count the time a process waits for a core. It measures the work a request costs — the collector's and the
 * optimising compiler's threads included — not how a server queues 32 users: the load (bench/load.ts) does.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cityDatabase, nodeFlags, startServer, type Server } from './load';
import { benchUrls, LOAD_MIX } from './urls';

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

/** The page's bytes, or an error naming the side and the URL when it does not answer 200. */
async function ask(server: Server, name: string, url: string): Promise<number> {
	const response = await fetch(server.base + url);
	const bytes = (await response.arrayBuffer()).byteLength;
	if (response.status !== 200) throw new Error(`${name} answered ${response.status} to ${url}`);
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
	const database = cityDatabase();
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

	const dirs = positionals.map((dir) => path.resolve(dir));
	checkBuilt('A', dirs[0]);
	checkBuilt('B', dirs[1]);
	const names = ['A', 'B'];
	const sides: Server[] = [];
	try {
		// One after the other: each start reads the database whole, and a failed start stops what started.
		sides.push(await startServer(database, 1, { checkout: dirs[0], flags: nodeFlags(values['flags-a']) }));
		sides.push(await startServer(database, 1, { checkout: dirs[1], flags: nodeFlags(values['flags-b']) }));
		const urls = benchUrls(database, warm + requests, 17, { ...LOAD_MIX, export: 0 }).map((url) => url.path);
		if (urls.length < warm + requests) throw new Error(`only ${urls.length} distinct URLs in this database`);
		// Warming: the modules loaded, the statements prepared, the hot code optimised, on both.
		for (const url of urls.slice(0, warm)) for (const [k, side] of sides.entries()) await ask(side, names[k], url);

		const per = Math.floor(requests / rounds);
		const ratios: number[] = [];
		const totals = [0, 0];
		const bytes = [0, 0];
		console.log(`A ${dirs[0]}${values['flags-a'] ? ` (${values['flags-a']})` : ''}`);
		console.log(`B ${dirs[1]}${values['flags-b'] ? ` (${values['flags-b']})` : ''}`);
		console.log(`${warm} URLs to warm each, then ${rounds} rounds of ${per} (bench/data/city.db)`);
		for (let round = 0; round < rounds; round++) {
			const slice = urls.slice(warm + round * per, warm + (round + 1) * per);
			const before = sides.map((side) => cpuMs(side.pid, ticksPerSecond));
			for (const [i, url] of slice.entries()) {
				const order = i % 2 === 0 ? [0, 1] : [1, 0];
				for (const k of order) bytes[k] += await ask(sides[k], names[k], url);
			}
			const used = sides.map((side, k) => (cpuMs(side.pid, ticksPerSecond) - before[k]) / slice.length);
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
		await Promise.all(sides.map((side) => side.stop()));
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
