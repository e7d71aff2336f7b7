/**
 * Where the city load's p99 comes from: each page of the load's measured list timed alone, then those times
 * played through a model of one worker's render queue.
 *
 *   npx tsx bench/tail.ts [--workers 2] [--heavy 20]
 *
 * One server process (`npm start`'s, one worker) on bench/data/city.db serves, one at a time, the load's warming
 * URLs and then its measured ones (bench/run.ts's seeds): each page's own time is its request log's `ms=`, and
 * what a request costs beyond it (HTTP, the client) is the median of the client's time less the server's.
 * The model: 32 users split evenly over `--workers` workers; a worker renders pages one at a time in the order
 * asked (src/lib/server/render-queue.ts); each user asks its next page as soon as its last one is answered. The
 * CSV exports are left out of the model (they do not wait in the queue, they give way to it between chunks).
 * It prints the pages' own times, the model's p50 and p99, and the same with the pages above `--heavy` ms made
 * twice as fast, or every page a fifth faster: which of the two moves the p99.
 *
 * The model has no garbage collection, no exports' chunks between the pages and no client sharing the cores, and
 * each page costs under it what it costs alone: its figures are what the queue alone makes of the pages' times.
 * Against the load's row of `npm run bench`, the difference is what concurrency adds.
 */
import { Agent } from 'node:http';
import { parseArgs } from 'node:util';
import { cityDatabase, loggedTimes, mixedUrls, percentile, startServer, timedGet } from './load';
import { random } from './urls';

const USERS = 32;
const MEASURED = 4000;

interface QueueModel {
	p50: number;
	p99: number;
	requestsPerSecond: number;
}

/**
 * `users` closed-loop users of one worker that answers one request at a time, first asked first answered;
 * each request costs one of `costs` (ms), drawn by a seeded generator (urls.ts's), `count` requests in all.
 */
function modelQueue(costs: number[], users: number, count = 60_000): QueueModel {
	if (costs.length === 0 || users < 1) throw new Error('modelQueue: no costs or no users');
	const next = random(7);
	let clock = 0;
	// When each user asked its request now waiting, in the order asked.
	const asked: number[] = new Array(users).fill(0);
	const latencies: number[] = [];
	for (let i = 0; i < count; i++) {
		const at = asked.shift()!;
		clock = Math.max(clock, at) + costs[Math.floor(next() * costs.length)];
		latencies.push(clock - at);
		asked.push(clock);
	}
	return {
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		requestsPerSecond: (count / clock) * 1000
	};
}

async function main() {
	const { values } = parseArgs({
		options: { workers: { type: 'string', default: '2' }, heavy: { type: 'string', default: '20' } }
	});
	const workers = Number(values.workers);
	const heavy = Number(values.heavy);
	if (!Number.isInteger(workers) || workers < 1)
		throw new Error(`--workers must be a whole number above 0, not ${values.workers}`);
	if (!(heavy > 0)) throw new Error(`--heavy must be a number of ms above 0, not ${values.heavy}`);
	const file = cityDatabase();
	const urls = mixedUrls(file, MEASURED, 17);
	const measured = new Set(urls.map((u) => u.path));
	const warming = mixedUrls(file, MEASURED * 3, 18)
		.filter((u) => !measured.has(u.path))
		.slice(0, 3000);
	const server = await startServer(file, 1);
	const agent = new Agent({ keepAlive: true, maxSockets: 1 });
	const client = new Map<string, number>();
	try {
		for (const [i, url] of warming.entries()) await timedGet(agent, server.base, url.path, `tail-warm-${i}`);
		for (const [i, url] of urls.entries())
			client.set(`tail-${i}`, (await timedGet(agent, server.base, url.path, `tail-${i}`)).ms);
		await new Promise((r) => setTimeout(r, 500));
	} finally {
		agent.destroy();
		await server.stop();
	}
	const own = loggedTimes(server.output());
	const pages = urls.flatMap((url, i) => {
		const ms = own.get(`tail-${i}`);
		if (ms === undefined) throw new Error(`the server logged no time for ${url.path}`);
		return url.kind === 'export' ? [] : [{ path: url.path, ms, beyond: client.get(`tail-${i}`)! - ms }];
	});
	const beyond = percentile(
		pages.map((p) => p.beyond),
		50
	);
	const times = pages.map((p) => p.ms);
	const total = times.reduce((sum, ms) => sum + ms, 0);
	const heavyPages = pages.filter((p) => p.ms > heavy);
	const share = heavyPages.reduce((sum, p) => sum + p.ms, 0) / total;
	// The cluster hands each worker its share of the connections.
	const users = Math.max(1, Math.round(USERS / workers));
	const show = (name: string, costs: number[]) => {
		const m = modelQueue(costs, users);
		console.log(
			`${name.padEnd(44)} p50 ${m.p50.toFixed(0)} ms  p99 ${m.p99.toFixed(0)} ms  (${(m.p99 / m.p50).toFixed(2)}×)  ` +
				`${(m.requestsPerSecond * workers).toFixed(0)} req/s if the workers had a core each`
		);
	};
	console.log(
		`${pages.length} pages of the load's list, one at a time: own time p50 ${percentile(times, 50).toFixed(1)} ms, ` +
			`p90 ${percentile(times, 90).toFixed(1)}, p99 ${percentile(times, 99).toFixed(1)}, mean ${(total / pages.length).toFixed(2)}; ` +
			`${beyond.toFixed(1)} ms more each beyond the server's own (median)`
	);
	console.log(
		`${heavyPages.length} pages (${((100 * heavyPages.length) / pages.length).toFixed(1)}%) over ${heavy} ms take ` +
			`${(100 * share).toFixed(0)}% of the time; the heaviest:`
	);
	for (const p of [...heavyPages].sort((a, b) => b.ms - a.ms).slice(0, 10))
		console.log(`  ${p.ms.toFixed(1).padStart(6)} ms  ${decodeURIComponent(p.path)}`);
	console.log(`Model: ${users} users a worker, one page at a time in the order asked:`);
	const cost = (ms: number) => ms + beyond;
	show('as measured', times.map(cost));
	show(
		`pages over ${heavy} ms twice as fast`,
		times.map((ms) => cost(ms > heavy ? ms / 2 : ms))
	);
	show(
		'every page a fifth faster',
		times.map((ms) => cost(ms * 0.8))
	);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
