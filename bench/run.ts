/**
 * npm run bench — measures jindu against its budgets (issue 8) on this machine and prints one
 * table; also writes bench/results/DATE.json. Ratios are what count: the machine is shared.
 *
 * 1. Databases: bench/data/city.db generated in every run (wall time, rate over the first and
 *    last tenth); bench/data/province.db generated with --province or when missing, else reused
 *    and said so (bench/generation.ts).
 * 2. Loaders: the overview and /tasks loaders (the very functions the routes call), p50/p95 over
 *    RUNS runs after warm-up, beside a floor: the same SQL statements replayed through prepared
 *    better-sqlite3 statements with no app code (kysely, shaping, async) around them.
 * 3. HTTP: req/s and latency of / and /tasks on the built server (autocannon, loopback, 8
 *    connections), beside a bare node:http server sending the same bytes.
 * 4. Client: gzip JS/CSS per route; in Debian chromium, navigation start → first chart in view (/, and /present at its first slide with a chart).
 * 5. Import: the seed's import time; one report into the province database vs an empty one; the CLI's
 *    wall time for one report (npm run import).
 * 6. Load (bench/load.ts), city and province: pages not in the cache, one at a time over distinct
 *    URLs (p50 per route: loader + render + loopback HTTP), just after start and once ≈ 1 800 others
 *    have run the code hot; 32 keep-alive users over a fixed, seeded list of distinct URLs
 *    (overviews, task lists, task pages, slides, CSV exports) against one worker per core, after
 *    30 s on other URLs (recorded in 10 s windows), beside a bare node:http server sending as many
 *    bytes; a whole-city export while other requests come in.
 *
 *   npm run bench                          # everything (builds first)
 *   npm run bench -- --province            # also regenerate the province database (≈ 4 min or more)
 *   npx tsx bench/run.ts --quick           # fewer runs, shorter HTTP phases (a few minutes)
 *   npx tsx bench/run.ts --preset city     # one database only
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATHS } from '../src/lib/server/chromium';
import { mapFile, openDatabase, type DB } from '../src/lib/server/db';
import { openTestDatabase } from '../src/lib/server/db/testing';
import { importDocument } from '../src/lib/server/import';
import { loadOverviewPage } from '../src/lib/server/pages/overview';
import { loadTaskPage } from '../src/lib/server/pages/tasks';
import { loadTaskDetailPage } from '../src/lib/server/pages/task-detail';
import { measureClientSizes } from './client-size';
import { readFirstChart, watchFirstChart, type FirstChart } from './first-chart';
import { measureSlideChanges } from './slide-change';
import { benchImportIntoProvince, prepareDatabase } from './generation';
import {
	bareLoad,
	cliWallTime,
	exportWhileServing,
	loadUrls,
	mixedUrls,
	startServer,
	uncachedPages,
	type PageTimes,
	type LoadFigures
} from './load';

const QUICK = process.argv.includes('--quick');
const PROVINCE = process.argv.includes('--province');
const RUNS = QUICK ? 15 : 60;
const WARMUP = 5;
const HTTP_SECONDS = QUICK ? 4 : 10;
const ALL_PRESETS = ['city', 'province'] as const;
const presetArg = process.argv.indexOf('--preset');
const PRESETS = ALL_PRESETS.filter((p) => presetArg < 0 || process.argv[presetArg + 1] === p);
if (PRESETS.length === 0) throw new Error(`--preset: one of ${ALL_PRESETS.join(', ')}`);
/** Distinct URLs per route for the uncached times; distinct URLs and seconds of the mixed load. */
const UNCACHED_PER_ROUTE = QUICK ? 15 : 40;
/** Other URLs of every kind, one at a time, between the uncached pages just after start and the budget's. */
const UNCACHED_WARM = QUICK ? 300 : 1500;
/**
 * More than the load asks in its time, so that no URL is asked twice: 4 000 until the run of 2026-12-03 10:17, which
 * asked 4 088 in its 20 s. The list is drawn in order from its seed, so its first 4 000 are the same as before.
 */
const MIXED_URLS = QUICK ? 1500 : 6000;
const LOAD_SECONDS = QUICK ? 8 : 20;
/**
 * The load first runs this long on other URLs, in windows of WARM_WINDOW seconds each recorded: its budget is
 * for a server that has been serving. Throughput climbs for the first 20–30 s (V8 still optimising).
 */
const WARM_SECONDS = QUICK ? 6 : 30;
const WARM_WINDOW = QUICK ? 3 : 10;
const USERS = 32;
/** The database the HTTP rows and the first chart are measured on: the province unless --preset says otherwise. */
const SERVED = PRESETS.at(-1)!;

interface Row {
	group: string;
	name: string;
	value: string;
	budget?: string;
	ok?: boolean;
}
const rows: Row[] = [];
const record = (row: Row) => {
	rows.push(row);
	const mark = row.ok === undefined ? ' ' : row.ok ? '✓' : '✗';
	console.log(`${mark} ${row.group.padEnd(22)} ${row.name.padEnd(44)} ${row.value.padEnd(34)} ${row.budget ?? ''}`);
};

function percentile(samples: number[], p: number): number {
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const ms = (v: number) => `${v.toFixed(1)} ms`;

/**
 * Times each of `fns` RUNS times after warm-up, taking turns (a run of each, then the next round), so a change
 * in the machine's speed meanwhile falls on all of them alike and their ratio holds; p50 and p95 in ms of each.
 */
async function time(...fns: (() => unknown | Promise<unknown>)[]): Promise<{ p50: number; p95: number }[]> {
	for (let i = 0; i < WARMUP; i++) for (const fn of fns) await fn();
	const samples = fns.map(() => [] as number[]);
	for (let i = 0; i < RUNS; i++)
		for (const [k, fn] of fns.entries()) {
			const start = performance.now();
			await fn();
			samples[k].push(performance.now() - start);
		}
	return samples.map((times) => ({ p50: percentile(times, 50), p95: percentile(times, 95) }));
}

/**
 * A loader and its floor. The floor replays, through statements prepared in advance, exactly the
 * SQL the loader ran (captured by kysely's log), so loader / floor is the cost of the app code.
 */
/** The request locals a loader sees for a Chinese page. */
const LOCALS: App.Locals = { lang: 'zh' };

async function benchLoader(
	file: string,
	label: string,
	url: string,
	load: (db: DB, url: URL, locals: App.Locals) => Promise<unknown>,
	budget?: { p50: number }
) {
	const sqlite = new Database(file, { readonly: true });
	// Read as the app reads (src/lib/server/db), the floor too.
	mapFile(sqlite);
	const statements: { sql: string; params: readonly unknown[] }[] = [];
	let capturing = false;
	const db = openDatabase(file, {
		handle: sqlite,
		log: (e) => capturing && e.level === 'query' && statements.push({ sql: e.query.sql, params: e.query.parameters })
	});
	const target = new URL(url, 'http://bench.local');
	capturing = true;
	await load(db, target, LOCALS);
	capturing = false;
	// Rows as arrays (raw): the least a reader can take them as, as the app's statements take them since 2026-12-01.
	const prepared = statements.map((s) => {
		const stmt = sqlite.prepare(s.sql);
		return { stmt: stmt.reader ? stmt.raw(true) : stmt, params: s.params as unknown[] };
	});
	const [loader, floor] = await time(
		() => load(db, target, LOCALS),
		() => {
			for (const { stmt, params } of prepared) stmt.all(...params);
		}
	);
	const ratio = loader.p50 / floor.p50;
	record({
		group: `loader ${label}`,
		name: url,
		value: `p50 ${ms(loader.p50)} p95 ${ms(loader.p95)}`,
		budget: budget ? `≤ ${budget.p50} ms p50` : undefined,
		ok: budget ? loader.p50 <= budget.p50 : undefined
	});
	record({
		group: `loader ${label}`,
		name: `  floor (${statements.length} statements, prepared)`,
		value: `p50 ${ms(floor.p50)}  ratio ${ratio.toFixed(2)}×`,
		budget: label === 'province' && url === '/' ? '≤ 1.5× floor' : undefined,
		ok: label === 'province' && url === '/' ? ratio <= 1.5 : undefined
	});
	sqlite.close();
}

async function benchHttp(base: string, path: string) {
	const response = await fetch(base + path);
	const body = Buffer.from(await response.arrayBuffer());
	const type = response.headers.get('content-type') ?? 'text/html';
	const bare = createServer((_req, res) => {
		res.writeHead(200, { 'content-type': type, 'content-length': body.length });
		res.end(body);
	});
	await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
	const barePort = (bare.address() as AddressInfo).port;
	const app = await autocannon({ url: base + path, connections: 8, duration: HTTP_SECONDS });
	const plain = await autocannon({
		url: `http://127.0.0.1:${barePort}${path}`,
		connections: 8,
		duration: HTTP_SECONDS
	});
	bare.close();
	const share = app.requests.average / plain.requests.average;
	record({
		group: `http ${SERVED}`,
		name: `${path} (8 connections, ${HTTP_SECONDS} s)`,
		value: `${app.requests.average.toFixed(0)} req/s p50 ${app.latency.p50} ms p99 ${app.latency.p99} ms`,
		budget: path === '/' ? 'p50 ≤ 50 ms' : undefined,
		ok: path === '/' ? app.latency.p50 <= 50 && app.non2xx === 0 : undefined
	});
	record({
		group: `http ${SERVED}`,
		name: `  bare node:http, same ${(body.length / 1024).toFixed(0)} KB`,
		value: `${plain.requests.average.toFixed(0)} req/s  app/bare ${(share * 100).toFixed(0)}%`,
		budget: path === '/' ? '≥ 40% of bare' : undefined,
		ok: path === '/' ? share >= 0.4 : undefined
	});
}

/**
 * Navigation → the first frame with a chart in view, against the first contentful paint, 1920×1080. `what` says
 * which chart that is: on /present the first slide is the title, so the deck is opened at its first slide with a
 * chart (a deep link, #/2, as a reload there or a link to it does); its hash never reaches the server, which
 * sends the title slide and the next one without its chart, and the browser shows slide 2 and draws its donut
 * once it has hydrated.
 */
async function benchFirstChart(base: string, path: string, what: string) {
	const browser = await chromium.launch({
		executablePath: CHROMIUM_PATHS[0],
		args: CHROMIUM_ARGS
	});
	const runs: FirstChart[] = [];
	for (let i = 0; i < (QUICK ? 3 : 7); i++) {
		const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
		await watchFirstChart(page);
		await page.goto(base + path);
		runs.push(await readFirstChart(page));
		await page.close();
	}
	await browser.close();
	const chart = percentile(
		runs.map((r) => r.drawn),
		50
	);
	const paint = percentile(
		runs.map((r) => r.firstContentfulPaint),
		50
	);
	const interactive = percentile(
		runs.map((r) => r.interactive),
		50
	);
	// The budget is relative too: the chart comes with the first paint, not long after it.
	const ratio = chart / paint;
	const svg = runs.filter((r) => r.seen.kind === 'svg').length;
	const inView = percentile(
		runs.map((r) => r.seen.height),
		50
	);
	const of = percentile(
		runs.map((r) => r.seen.of),
		50
	);
	record({
		group: `client ${SERVED}`,
		name: `${path}: navigation → first chart in view (${what})`,
		value: `p50 ${ms(chart)} (server SVG in ${svg}/${runs.length}, ${inView.toFixed(0)} of its ${of.toFixed(0)} px in view), first contentful paint ${ms(paint)} (${ratio.toFixed(2)}×); interactive ${ms(interactive)}`,
		budget: '≤ 700 ms and ≤ 1.2× FCP',
		ok: chart <= 700 && ratio <= 1.2
	});
}

/**
 * The deck at 1920×1080 as a presenter steps through it: each → from the first slide to the last, then three
 * jumps to a far slide. A → shows a neighbour drawn ahead; a jump draws its slide on demand.
 */
async function benchSlideChanges(base: string, path: string) {
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATHS[0], args: CHROMIUM_ARGS });
	try {
		const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
		await page.goto(base + path);
		await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
		await page.waitForFunction(() =>
			[...document.querySelectorAll('[data-testid="current-slide"] .echart')].every(
				(chart) => chart.getAttribute('data-rendered') === 'true'
			)
		);
		const number = await page.getByTestId('current-slide').getByTestId('slide-number').textContent();
		const count = Number(number!.split('/')[1]);
		const { next, jump } = await measureSlideChanges(page, count);
		const nextP50 = percentile(next, 50);
		const jumpP50 = percentile(jump, 50);
		record({
			group: `client ${SERVED}`,
			name: `${path}: key → the next slide's charts finished (${next.length} × →, 1920×1080)`,
			value: `p50 ${ms(nextP50)} max ${ms(Math.max(...next))}`,
			budget: '≤ 150 ms p50',
			ok: nextP50 <= 150
		});
		record({
			group: `client ${SERVED}`,
			name: `${path}: a jump to a far slide (${jump.length} × number + Enter), drawn on demand`,
			value: `p50 ${ms(jumpP50)} max ${ms(Math.max(...jump))}`,
			budget: '≤ 500 ms p50',
			ok: jumpP50 <= 500
		});
	} finally {
		await browser.close();
	}
}

/** A task in the middle of the latest period's whole list (the default period of /tasks). */
function middleTask(file: string): number {
	const sqlite = new Database(file, { readonly: true });
	const { id, n } = sqlite
		.prepare(
			`select p.id, (select count(*) from updates u where u.period_id = p.id and u.superseded_at is null) as n
			 from periods p where exists (select 1 from updates u where u.period_id = p.id) order by p.year desc, p.month_end desc limit 1`
		)
		.get() as { id: number; n: number };
	const task = sqlite
		.prepare(
			'select task_id from updates where period_id = ? and superseded_at is null order by task_id limit 1 offset ?'
		)
		.pluck()
		.get(id, Math.floor(n / 2)) as number;
	sqlite.close();
	return task;
}

const loadValue = (f: LoadFigures) =>
	`${f.requestsPerSecond.toFixed(0)} req/s p50 ${f.p50} ms p99 ${f.p99} ms, ${f.non2xx + f.errors} errors (${f.resets} resets, ${f.timeouts} timeouts) of ${f.total}`;

/**
 * The server under load on one database: uncached pages one at a time on a single process (and,
 * for the city, an export of every task while other requests come in), then 32 users over
 * distinct URLs against one worker per core, beside a bare server.
 */
async function benchServer(preset: string, file: string) {
	const city = preset === 'city';
	const single = await startServer(file, 1);
	try {
		const warm = mixedUrls(file, UNCACHED_WARM, 19);
		const { started, early, running, warmed } = await uncachedPages(single, file, UNCACHED_PER_ROUTE, 11, warm);
		const firstCount = [...started.values()].reduce((n, t) => n + t.n, 0);
		const route: Record<string, string> = { overview: '/', tasks: '/tasks', task: '/tasks/[id]', present: '/present' };
		// The budget is the issue's "server time": the server's own, from its request log; the client's beside it.
		const times = (t: PageTimes) =>
			`server p50 ${ms(t.server.p50)} p90 ${ms(t.server.p90)} · client p50 ${ms(t.p50)} p90 ${ms(t.p90)}${t.failed ? `, ${t.failed} not 200` : ''}`;
		for (const [kind, t] of running) {
			const budget = city ? 10 : 2 * (cityUncached.get(kind) ?? Infinity);
			if (city) cityUncached.set(kind, t.server.p50);
			record({
				group: `uncached ${preset}`,
				name: `${route[kind]} (${t.n} distinct URLs, one at a time, after ${warmed} others)`,
				value: times(t),
				budget: city ? '≤ 10 ms server p50' : cityUncached.has(kind) ? '≤ 2× city' : undefined,
				ok: city || cityUncached.has(kind) ? t.server.p50 <= budget && t.failed === 0 : undefined
			});
			// The same kind of page just after the server started, its code not yet run hot: a restart's first minutes.
			record({
				group: `uncached ${preset}`,
				name: `  the first ${started.get(kind)!.n} after start`,
				value: times(started.get(kind)!)
			});
			// What the budget's row measured before 2026-11-30's last run: code still warming.
			record({
				group: `uncached ${preset}`,
				name: `  ${early.get(kind)!.n} others after those ${firstCount}`,
				value: times(early.get(kind)!)
			});
		}
		// On one process: with several, the other requests would go to another worker and hide a block.
		if (city) {
			const e = await exportWhileServing(single.base, '/tasks/export.csv', '/');
			record({
				group: `load ${preset}`,
				name: `whole-city CSV export (${(e.exportBytes / 1024 / 1024).toFixed(1)} MB, ${ms(e.exportMs)})`,
				value: `meanwhile / p50 ${ms(e.duringP50)} max ${ms(e.duringMax)} (${e.n} requests; before p50 ${ms(e.before)})`,
				budget: 'max ≤ 250 ms',
				ok: e.duringMax <= 250
			});
		}
	} finally {
		await single.stop();
	}
	const workers = (await import('node:os')).availableParallelism();
	const cluster = await startServer(file, workers);
	record({
		group: `load ${preset}`,
		name: `server start, ${workers} workers (${(statSync(file).size / 1024 / 1024).toFixed(0)} MB database)`,
		value: `${(cluster.startMs / 1000).toFixed(1)} s to every worker listening and / answering (single process: ${(single.startMs / 1000).toFixed(1)} s)`
	});
	try {
		const urls = mixedUrls(file, MIXED_URLS, 17);
		const exports = urls.filter((u) => u.kind === 'export').length;
		// The same kind of load on URLs the measured list does not ask (none of its pages is cached by it): the
		// workers' code runs hot and their answers per data version fill, as in a server that has been serving.
		const measured = new Set(urls.map((u) => u.path));
		const other = mixedUrls(file, MIXED_URLS * 3, 18).filter((u) => !measured.has(u.path));
		// Each window starts where the last one stopped asking (on a machine fast enough to ask them all, wrapping).
		let next = 0;
		for (let from = 0; from < WARM_SECONDS; from += WARM_WINDOW) {
			const window = await loadUrls(cluster.base, [...other.slice(next), ...other.slice(0, next)], USERS, WARM_WINDOW);
			next = (next + window.asked) % other.length;
			record({
				group: `load ${preset}`,
				name: `${USERS} users, ${from}–${from + WARM_WINDOW} s after start, other URLs`,
				value: loadValue(window)
			});
		}
		const app = await loadUrls(cluster.base, urls, USERS, LOAD_SECONDS);
		record({
			group: `load ${preset}`,
			// The list is longer than this machine asks in the time; a faster one would ask some URLs twice, and says so.
			name: `${USERS} users, ${urls.length} distinct URLs (${exports} CSV${app.asked > urls.length ? `; ${app.asked} asked, so some twice` : ''}), ${workers} workers, the next ${LOAD_SECONDS} s`,
			value: loadValue(app),
			budget: city ? '≥ 200 req/s, p99 ≤ 250 ms, 0 errors' : undefined,
			ok: city ? app.requestsPerSecond >= 200 && app.p99 <= 250 && app.non2xx + app.errors === 0 : undefined
		});
		// Where the tail is: every kind's own p50 and p99 in the same load.
		const kinds = (['overview', 'tasks', 'task', 'present', 'export'] as const).flatMap((kind) => {
			const k = app.byKind.get(kind);
			return k ? [`${kind} ${k.p50.toFixed(0)}/${k.p99.toFixed(0)}`] : [];
		});
		record({ group: `load ${preset}`, name: '  p50/p99 ms by kind of URL', value: kinds.join(' · ') });
		const bare = await bareLoad(app.meanBytes, USERS, QUICK ? 4 : 8);
		record({
			group: `load ${preset}`,
			name: `  bare node:http, ${(app.meanBytes / 1024).toFixed(0)} KB each (the app's mean)`,
			value: `${bare.requestsPerSecond.toFixed(0)} req/s  app/bare ${((100 * app.requestsPerSecond) / bare.requestsPerSecond).toFixed(0)}%`
		});
	} finally {
		await cluster.stop();
	}
}
const cityUncached = new Map<string, number>();

console.log(
	`jindu benchmark — ${new Date().toISOString()} — node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`
);
const databases = {
	city: { file: await prepareDatabase('city', true, record) },
	province: { file: await prepareDatabase('province', PROVINCE, record) }
};

for (const preset of PRESETS) {
	const { file } = databases[preset];
	const sqlite = new Database(file, { readonly: true });
	const { name: category } = sqlite
		.prepare(
			`select c.name from categories c join tasks t on t.category_id = c.id group by c.name order by count(*) desc limit 1`
		)
		.get() as { name: string };
	const { name: theme } = sqlite
		.prepare(
			`select th.name from themes th join task_themes tt on tt.theme_id = th.id group by th.id order by count(*) desc limit 1`
		)
		.get() as { name: string };
	sqlite.close();
	const filtered = `/tasks?category=${encodeURIComponent(category)}&status=behind`;
	const province = preset === 'province';
	await benchLoader(file, preset, '/', loadOverviewPage, province ? { p50: 50 } : undefined);
	// The overview under the filter bar's 主题: counts by category and by theme that no rollup row answers.
	await benchLoader(file, preset, `/?theme=${encodeURIComponent(theme)}`, loadOverviewPage);
	await benchLoader(file, preset, '/tasks', loadTaskPage, province ? { p50: 15 } : undefined);
	await benchLoader(file, preset, filtered, loadTaskPage, province ? { p50: 30 } : undefined);
	for (const q of ['数字化改造', '养老']) {
		// Five characters go to the trigram index as one string; two, through the trigrams that begin with them.
		await benchLoader(
			file,
			preset,
			`/tasks?q=${encodeURIComponent(q)}`,
			loadTaskPage,
			province ? { p50: 30 } : undefined
		);
	}
	// A task page opened from the unfiltered list: previous / next and the page it is on come from the whole list.
	await benchLoader(file, preset, `/tasks/${middleTask(file)}`, loadTaskDetailPage, province ? { p50: 30 } : undefined);
}

if (!existsSync('build/index.js')) throw new Error('no build: run npm run build (npm run bench does)');
for (const preset of PRESETS) await benchServer(preset, databases[preset].file);

const { base, stop } = await startServer(databases[SERVED].file, 1);
try {
	await benchHttp(base, '/');
	await benchHttp(base, '/tasks');
	for (const size of await measureClientSizes()) {
		const budgeted = size.route === '/';
		record({
			group: 'client',
			name: `${size.route} JS + CSS gzip`,
			value: `${(size.jsGzip / 1024).toFixed(1)} KB + ${(size.cssGzip / 1024).toFixed(1)} KB`,
			budget: budgeted ? 'JS ≤ 250 KB' : undefined,
			ok: budgeted ? size.jsGzip / 1024 <= 250 : undefined
		});
	}
	await benchFirstChart(base, '/', 'the status mix, first in the first screen');
	await benchFirstChart(base, '/present#/2', 'slide 2, the KPI donut: slide 1 is the title, without a chart');
	await benchSlideChanges(base, '/present');
} finally {
	await stop();
}

const seed = readFileSync('data/reports/xinjie-2024-q2.txt');
const seedSamples: number[] = [];
for (let i = 0; i < (QUICK ? 5 : 20); i++) {
	const db = await openTestDatabase();
	const start = performance.now();
	await importDocument(db, seed, { fileName: 'xinjie-2024-q2.txt' });
	seedSamples.push(performance.now() - start);
	await db.destroy();
}
record({
	group: 'import',
	name: 'seed report (12 tasks), into an empty database',
	value: `p50 ${ms(percentile(seedSamples, 50))}`
});
await benchImportIntoProvince(databases.province.file, record);

const cli = cliWallTime('data/reports/xinjie-2024-q2.txt', 'data/reports/xiaoshan-2020-h1.txt', QUICK ? 3 : 7);
record({
	group: 'import',
	name: 'npm run import -- FILE (one report, 12 tasks)',
	value: `p50 ${(cli.npm / 1000).toFixed(2)} s wall (node scripts/cli.js: ${(cli.node / 1000).toFixed(2)} s)`,
	budget: '≤ 0.8 s',
	ok: cli.npm <= 800
});

mkdirSync('bench/results', { recursive: true });
const out = `bench/results/${new Date().toISOString().slice(0, 10)}.json`;
writeFileSync(
	out,
	JSON.stringify({ at: new Date().toISOString(), node: process.version, quick: QUICK, rows }, null, 2)
);
const failed = rows.filter((r) => r.ok === false);
console.log(
	`\n${rows.filter((r) => r.ok !== undefined).length - failed.length} budgets met, ${failed.length} missed; written to ${out}`
);
