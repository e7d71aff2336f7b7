/**
 * The city's mixed load held for minutes, window by window: how a server that has been serving for a while
 * answers, beyond the 50 s the benchmark's load row covers.
 *
 *   npx tsx bench/soak.ts [--minutes 3] [--window 20] [--workers N] [--flags="…"]
 *
 * The server as `npm start` runs it (scripts/serve.js, one worker per core unless `--workers`; `--flags` adds
 * node flags) on bench/data/city.db, 32 keep-alive users over the load's distinct URLs (bench/load.ts
 * `loadUrls`, `mixedUrls`: exports included), one window after another with no pause between them, no URL
 * asked twice. Each window prints its requests/s, p50 and p99 and its errors; the end, the windows after the
 * first minute together.
 *
 * Why: bench/run.ts measures the load from 30 to 50 s after the server starts. The workers' code is still being
 * optimised then, and again after each collection of the old generation (bench/README.md, twenty-eighth round);
 * this says whether the budget is met once that settles, and how far the p99 moves from one window to the next.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { cityDatabase, loadUrls, mixedUrls, nodeFlags, startServer, type LoadFigures } from './load';

const USERS = 32;

/** Within the list's length with room to spare: the fastest window seen served ≈ 215 requests a second. */
const MOST_REQUESTS_A_SECOND = 400;

function positive(name: string, value: string): number {
	const n = Number(value);
	if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a number above 0, not ${value}`);
	return n;
}

const line = (f: LoadFigures) =>
	`${f.requestsPerSecond.toFixed(0)} req/s  p50 ${f.p50} ms  p99 ${f.p99} ms  ` +
	`${f.errors + f.non2xx} errors (${f.resets} resets, ${f.timeouts} timeouts) of ${f.total}`;

async function main() {
	const { values } = parseArgs({
		options: {
			minutes: { type: 'string', default: '3' },
			window: { type: 'string', default: '20' },
			workers: { type: 'string', default: String(availableParallelism()) },
			flags: { type: 'string', default: '' }
		}
	});
	const minutes = positive('minutes', values.minutes);
	const windowSeconds = positive('window', values.window);
	const workers = positive('workers', values.workers);
	if (!Number.isInteger(workers)) throw new Error(`--workers must be a whole number, not ${values.workers}`);
	const database = cityDatabase();
	const windows = Math.max(1, Math.round((minutes * 60) / windowSeconds));
	const needed = Math.ceil(windows * windowSeconds * MOST_REQUESTS_A_SECOND);
	const urls = mixedUrls(database, needed, 4242);
	if (urls.length < needed)
		throw new Error(`only ${urls.length} distinct URLs in this database for ${needed} requests: a shorter --minutes`);

	const flags = nodeFlags(values.flags);
	const server = await startServer(database, workers, { flags });
	console.log(
		`${workers} workers${flags.length ? ` (${flags.join(' ')})` : ''}, ${USERS} users, ${windows} windows of ` +
			`${windowSeconds} s, bench/data/city.db; started in ${(server.startMs / 1000).toFixed(1)} s`
	);
	const started = performance.now();
	const settled: LoadFigures[] = [];
	let offset = 0;
	try {
		for (let w = 0; w < windows; w++) {
			const from = (performance.now() - started) / 1000;
			const figures = await loadUrls(server.base, urls.slice(offset), USERS, windowSeconds);
			offset += figures.asked;
			console.log(
				`${from.toFixed(0).padStart(4)}–${((performance.now() - started) / 1000).toFixed(0)} s  ${line(figures)}`
			);
			if (from >= 60) settled.push(figures);
		}
	} finally {
		await server.stop();
	}
	if (settled.length > 0) {
		const total = settled.reduce((sum, f) => sum + f.total, 0);
		const seconds = settled.length * windowSeconds;
		const p99s = settled.map((f) => f.p99);
		console.log(
			`after the first minute (${settled.length} windows): ${(total / seconds).toFixed(0)} req/s, ` +
				`p99 ${Math.min(...p99s)}–${Math.max(...p99s)} ms by window, ` +
				`${settled.reduce((sum, f) => sum + f.errors + f.non2xx, 0)} errors`
		);
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
