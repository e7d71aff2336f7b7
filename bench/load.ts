/**
 * The server under realistic load, for bench/run.ts: pages not in the cache one at a time (p50 per
 * route over distinct URLs), 32 keep-alive users over many distinct URLs (beside a bare node:http
 * server sending responses of the same size), a whole-scope export while other requests come in,
 * and the CLI's wall time for one import.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { SERVER_NODE_FLAGS } from '../scripts/server-env.js';
import { benchUrls, type BenchUrl, type UrlKind } from './urls';

export interface Server {
	base: string;
	stop: () => Promise<void>;
	/** From starting the process to every worker listening and `/` answering 200 (the database checked, migrated). */
	startMs: number;
	/** What the server has written to its standard output so far: its request log among it. */
	output: () => string;
	/** The server's process: with one worker, the one that serves. */
	pid: number;
}

/** The city's database that bench/ab.ts and bench/soak.ts serve; an error saying how to make it when it is missing. */
export function cityDatabase(): string {
	const file = path.resolve('bench/data/city.db');
	if (!existsSync(file))
		throw new Error(`${file} is missing: npm run generate -- --preset city --out bench/data/city.db`);
	return file;
}

/** Node flags given as one argument (`--flags="--a --b=1"`), as a list for `startServer`. */
export function nodeFlags(text: string): string[] {
	return text.split(' ').filter(Boolean);
}

/** Ports for the servers this process starts: from a random one, so two benchmarks at once rarely meet. */
let nextPort = 4300 + Math.floor(Math.random() * 500);

/**
 * The built app on `file` as `npm start` runs it (scripts/serve.js): `workers` processes, 1 for
 * a single process without a cluster. Resolves once every worker listens. `checkout` serves another
 * built checkout's app (bench/ab.ts), `flags` are node flags added to the server's own.
 */
export async function startServer(
	file: string,
	workers: number,
	{ checkout, flags = [] }: { checkout?: string; flags?: string[] } = {}
): Promise<Server> {
	const started = performance.now();
	const port = nextPort++;
	const server: ChildProcess = spawn(
		process.execPath,
		[
			...(process.env.PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROF}`] : []),
			...SERVER_NODE_FLAGS,
			...flags,
			'scripts/serve.js'
		],
		{
			cwd: checkout,
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				DATABASE_PATH: file,
				JINDU_SAMPLE: '0',
				WEB_CONCURRENCY: String(workers),
				// The uncached pages read the server's time from its request lines (plain text, info and above).
				LOG_FORMAT: 'plain',
				LOG_LEVEL: 'info'
			},
			stdio: ['ignore', 'pipe', 'inherit']
		}
	);
	let output = '';
	server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const base = `http://127.0.0.1:${port}`;
	const stop = () =>
		new Promise<void>((resolve) => {
			if (server.exitCode !== null) return resolve();
			server.once('exit', () => resolve());
			server.kill('SIGTERM');
		});
	for (let i = 0; i < 600; i++) {
		const ready = workers === 1 || output.includes(`${workers} workers serving`);
		if (ready) {
			try {
				if ((await fetch(base + '/')).ok)
					return { base, stop, startMs: performance.now() - started, output: () => output, pid: server.pid! };
			} catch {
				/* not up yet */
			}
		}
		if (server.exitCode !== null) break;
		await new Promise((r) => setTimeout(r, 100));
	}
	await stop();
	throw new Error(`the built server did not start (run npm run build): ${output}`);
}

export function percentile(samples: number[], p: number): number {
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * p50 and p90 of one kind of page over its URLs, and how many answered other than 200: as the client saw
 * them, and as the server's request log timed them.
 */
export interface PageTimes {
	p50: number;
	p90: number;
	server: { p50: number; p90: number };
	n: number;
	failed: number;
}

/**
 * One GET on a kept-alive connection, its body read to the end (counted, not decoded), timed from the request
 * to the body's last byte; `id` goes as its x-request-id, which the server's log line for it carries.
 */
export function timedGet(
	agent: Agent,
	base: string,
	path: string,
	id: string
): Promise<{ ms: number; status: number }> {
	const start = performance.now();
	return new Promise((resolve, reject) => {
		get(`${base}${path}`, { agent, headers: { 'x-request-id': id } }, (response) => {
			response.on('data', () => {});
			response.on('end', () => resolve({ ms: performance.now() - start, status: response.statusCode ?? 0 }));
			response.on('error', reject);
		}).on('error', reject);
	});
}

/** The `ms=` the server logged for each request id (its time from the handle hook to the body's last byte). */
export function loggedTimes(output: string): Map<string, number> {
	const times = new Map<string, number>();
	for (const [, id, ms] of output.matchAll(/ request id=(\S+) .*? ms=([\d.]+)/g)) times.set(id, Number(ms));
	return times;
}

/**
 * Each URL requested once, one after another: none is in the page cache, so every time is the loader plus
 * rendering plus loopback HTTP. p50 and p90 per kind of page, twice on the same server:
 * - `started`: the list of `seed`, on the fresh server after one request per kind (its modules loaded);
 * - `early`: then the list of `seed + 2`, after those 4 × `perKind` (the budget's row before 2026-11-30's last run);
 * - `running`: then the list of `seed + 1` (less any URL already asked), once `warm` (other URLs of every kind,
 *   none measured) have run the server's code hot, as it runs in a server that has been serving. V8 goes on
 *   optimising the app's functions for thousands of requests: after 200 others, the overviews of units still
 *   cost ≈ 15–35% more than after 4 000 others, the page times of code still warming.
 * The client is node:http on one kept-alive connection, reading each body as bytes: fetch's own work on a
 * 200 KB page (its streams, decoding) cost the client ≈ 1–2 ms more, in the same process as the timer. Beside
 * the client's time, the server's own: the `ms=` of its request log line, which the request's x-request-id names.
 */
export async function uncachedPages(
	server: Pick<Server, 'base' | 'output'>,
	file: string,
	perKind: number,
	seed: number,
	warm: readonly BenchUrl[]
): Promise<{
	started: Map<UrlKind, PageTimes>;
	early: Map<UrlKind, PageTimes>;
	running: Map<UrlKind, PageTimes>;
	warmed: number;
}> {
	const kinds: UrlKind[] = ['overview', 'tasks', 'task', 'present'];
	const asked = new Set<string>();
	const agent = new Agent({ keepAlive: true, maxSockets: 1 });
	// Interleaved, so a slow phase of the machine spreads over every route.
	const listOf = (seed: number) => {
		const lists = kinds.map((kind) =>
			benchUrls(file, 2 * perKind, seed, { overview: 0, tasks: 0, task: 0, present: 0, export: 0, [kind]: 1 })
				.filter((url) => !asked.has(url.path))
				.slice(0, perKind)
		);
		return lists[0].flatMap((_, i) => lists.map((list) => list[i]).filter(Boolean));
	};
	const measure = async (urls: { kind: UrlKind; path: string }[], phase: string) => {
		const samples = new Map<UrlKind, { id: string; ms: number }[]>(kinds.map((k) => [k, []]));
		const failed = new Map<UrlKind, number>(kinds.map((k) => [k, 0]));
		for (const [i, url] of urls.entries()) {
			asked.add(url.path);
			const id = `bench-${phase}-${i}`;
			const { ms, status } = await timedGet(agent, server.base, url.path, id);
			samples.get(url.kind)!.push({ id, ms });
			if (status !== 200) failed.set(url.kind, failed.get(url.kind)! + 1);
		}
		// The log line is written as the body's last byte goes: wait for the pipe to bring the last ones.
		const ids = [...samples.values()].flat().map((sample) => sample.id);
		let logged = loggedTimes(server.output());
		for (let tries = 0; tries < 50 && !ids.every((id) => logged.has(id)); tries++) {
			await new Promise((r) => setTimeout(r, 100));
			logged = loggedTimes(server.output());
		}
		return new Map(
			kinds.map((kind) => {
				const times = samples.get(kind)!;
				const client = times.map((sample) => sample.ms);
				const own = times.flatMap(({ id }) => (logged.has(id) ? [logged.get(id)!] : []));
				if (own.length < times.length) throw new Error(`the server logged no time for some ${kind} requests`);
				const figures = {
					p50: percentile(client, 50),
					p90: percentile(client, 90),
					server: { p50: percentile(own, 50), p90: percentile(own, 90) },
					n: times.length
				};
				return [kind, { ...figures, failed: failed.get(kind)! }];
			})
		);
	};
	const first = listOf(seed);
	// One warm-up request per kind (module loading, first statements) on a URL not measured.
	for (const kind of kinds) {
		const { path } = first.find((u) => u.kind === kind)!;
		await timedGet(agent, server.base, `${path}${path.includes('?') ? '&' : '?'}warm=1`, `bench-warm-${kind}`);
	}
	try {
		const started = await measure(first, 'started');
		const early = await measure(listOf(seed + 2), 'early');
		const warming = warm.filter((url) => !asked.has(url.path));
		for (const [i, url] of warming.entries()) {
			asked.add(url.path);
			await timedGet(agent, server.base, url.path, `bench-warming-${i}`);
		}
		const warmed = asked.size;
		const running = await measure(listOf(seed + 1), 'running');
		return { started, early, running, warmed };
	} finally {
		agent.destroy();
	}
}

export interface LoadFigures {
	requestsPerSecond: number;
	p50: number;
	p99: number;
	/** p50 and p99 per kind of URL, from the time each request was written to its response's end. */
	byKind: Map<UrlKind, { n: number; p50: number; p99: number }>;
	total: number;
	/** URLs the load handed out (answered or still in flight at its end): the next load starts past them. */
	asked: number;
	non2xx: number;
	errors: number;
	timeouts: number;
	resets: number;
	meanBytes: number;
}

/**
 * `connections` keep-alive users for `seconds`, every request taking the next URL of `urls` (a shared
 * cursor, so the users spread over the list instead of all asking for the same page). Each user has one
 * request in flight (no pipelining), so its connection's context names the kind of the request answered.
 */
export function loadUrls(base: string, urls: BenchUrl[], connections: number, seconds: number): Promise<LoadFigures> {
	let cursor = 0;
	let resets = 0;
	const samples = new Map<UrlKind, number[]>();
	return new Promise((resolve, reject) => {
		const instance = autocannon(
			{
				url: base,
				connections,
				duration: seconds,
				requests: [
					{
						setupRequest: (request, context) => {
							const url = urls[cursor++ % urls.length];
							context.kind = url.kind;
							context.sent = performance.now();
							return { ...request, path: url.path };
						},
						onResponse: (_status, _body, context) => {
							const kind = context.kind as UrlKind;
							if (!samples.has(kind)) samples.set(kind, []);
							samples.get(kind)!.push(performance.now() - (context.sent as number));
						}
					}
				]
			},
			(error: Error | null, result: Result) => {
				if (error) return reject(error);
				resolve({
					requestsPerSecond: result.requests.average,
					p50: result.latency.p50,
					p99: result.latency.p99,
					byKind: new Map(
						[...samples].map(([kind, times]) => [
							kind,
							{ n: times.length, p50: percentile(times, 50), p99: percentile(times, 99) }
						])
					),
					total: result.requests.total,
					asked: cursor,
					non2xx: result.non2xx,
					errors: result.errors,
					timeouts: result.timeouts,
					resets,
					meanBytes: result.throughput.total / Math.max(1, result.requests.total)
				});
			}
		);
		instance.on('reqError', (error: NodeJS.ErrnoException) => {
			if (error.code === 'ECONNRESET') resets++;
		});
	});
}

/** The mixed list: overviews, task lists, task pages, slides and some CSV exports, all distinct. */
export function mixedUrls(file: string, count: number, seed: number): BenchUrl[] {
	return benchUrls(file, count, seed);
}

/** The same load against a node:http server answering every request with `bytes` bytes of HTML. */
export async function bareLoad(bytes: number, connections: number, seconds: number): Promise<LoadFigures> {
	const body = Buffer.alloc(Math.round(bytes), 'a');
	const bare = createServer((_req, res) => {
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
		res.end(body);
	});
	await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
	const base = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
	try {
		return await loadUrls(base, [{ kind: 'overview', path: '/' }], connections, seconds);
	} finally {
		bare.close();
	}
}

/**
 * A whole-scope CSV export downloaded while another client asks for a cached page every 10 ms:
 * how long the export took, and the latency of the other requests meanwhile against before.
 */
export async function exportWhileServing(
	base: string,
	exportPath: string,
	otherPath: string
): Promise<{ exportMs: number; exportBytes: number; before: number; duringP50: number; duringMax: number; n: number }> {
	await (await fetch(base + otherPath)).arrayBuffer();
	// The export route's first request loads its modules: a one-off, not what an export costs.
	await (await fetch(`${base}${exportPath}${exportPath.includes('?') ? '&' : '?'}org=1`)).arrayBuffer();
	const timeOne = async () => {
		const start = performance.now();
		await (await fetch(base + otherPath)).arrayBuffer();
		return performance.now() - start;
	};
	const beforeSamples: number[] = [];
	for (let i = 0; i < 20; i++) beforeSamples.push(await timeOne());
	let done = false;
	const during: number[] = [];
	const probe = (async () => {
		while (!done) {
			during.push(await timeOne());
			await new Promise((r) => setTimeout(r, 10));
		}
	})();
	const start = performance.now();
	const response = await fetch(base + exportPath);
	const exportBytes = (await response.arrayBuffer()).byteLength;
	const exportMs = performance.now() - start;
	done = true;
	await probe;
	return {
		exportMs,
		exportBytes,
		before: percentile(beforeSamples, 50),
		duringP50: percentile(during, 50),
		duringMax: Math.max(...during),
		n: during.length
	};
}

/**
 * Wall time of `npm run import -- FILE` into an existing database (migrated, holding another
 * report), as an office runs it (npm included), and of the compiled CLI started by node directly;
 * p50 of `runs`. The first, untimed run makes that database, and compiles the CLI when dist/ is
 * missing or stale.
 */
export function cliWallTime(report: string, other: string, runs: number): { npm: number; node: number } {
	const dir = mkdtempSync(path.join(tmpdir(), 'jindu-bench-cli-'));
	const template = path.join(dir, 'template.db');
	const run = (command: string, args: string[], db: string, file: string) => {
		const start = performance.now();
		const result = spawnSync(command, [...args, '--db', db, file], { stdio: 'pipe' });
		if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
		return performance.now() - start;
	};
	try {
		run(process.execPath, ['scripts/cli.js', 'import'], template, other);
		const timed = (command: string, args: string[], i: number) => {
			const db = path.join(dir, `${i}.db`);
			copyFileSync(template, db);
			return run(command, args, db, report);
		};
		const npm: number[] = [];
		const node: number[] = [];
		for (let i = 0; i < runs; i++) {
			npm.push(timed('npm', ['run', '--silent', 'import', '--'], i));
			node.push(timed(process.execPath, ['scripts/cli.js', 'import'], runs + i));
		}
		return { npm: percentile(npm, 50), node: percentile(node, 50) };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
