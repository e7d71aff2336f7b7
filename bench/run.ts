/**
 * npm run bench — measures jindu against its budgets (issue 8) on this machine and prints one
 * table; also writes bench/results/DATE.json. Ratios are what count: the machine is shared.
 *
 * 1. Databases: bench/data/{city,province}.db from the generator (made on first run; the
 *    generation time is kept in bench/data/PRESET.json).
 * 2. Loaders: the overview and /tasks loaders (the very functions the routes call), p50/p95 over
 *    RUNS runs after warm-up, beside a floor: the same SQL statements replayed through prepared
 *    better-sqlite3 statements with no app code (kysely, shaping, async) around them.
 * 3. HTTP: req/s and latency of / and /tasks on the built server (autocannon, loopback, 8
 *    connections), beside a bare node:http server sending the same bytes.
 * 4. Client: gzip JS/CSS per route; in Debian chromium, navigation start → first chart drawn.
 * 5. Import: the seed's import time.
 *
 *   npm run bench                   # everything (builds first)
 *   npx tsx bench/run.ts --quick    # fewer runs, shorter HTTP
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { chromium } from '@playwright/test';
import { openDatabase, type DB } from '../src/lib/server/db';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { openTestDatabase } from '../src/lib/server/db/testing';
import { importDocument } from '../src/lib/server/import';
import { loadOverviewPage } from '../src/lib/server/pages/overview';
import { loadTaskPage } from '../src/lib/server/pages/tasks';
import { measureClientSizes } from './client-size';

const QUICK = process.argv.includes('--quick');
const RUNS = QUICK ? 15 : 60;
const WARMUP = 5;
const HTTP_SECONDS = QUICK ? 4 : 10;
const PRESETS = ['city', 'province'] as const;

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

async function ensureDatabase(
	preset: (typeof PRESETS)[number]
): Promise<{ file: string; generationSeconds: number | null }> {
	const file = `bench/data/${preset}.db`;
	const meta = `bench/data/${preset}.json`;
	if (!existsSync(file)) {
		mkdirSync('bench/data', { recursive: true });
		console.log(`  generating ${file} (--preset ${preset}) …`);
		const started = performance.now();
		const result = spawnSync(
			process.execPath,
			['node_modules/tsx/dist/cli.mjs', 'scripts/generate.ts', '--preset', preset, '--out', file, '--force'],
			{ stdio: 'inherit' }
		);
		if (result.status !== 0) throw new Error(`generating ${file} failed`);
		writeFileSync(
			meta,
			JSON.stringify({ seconds: (performance.now() - started) / 1000, at: new Date().toISOString() })
		);
	}
	const db = openDatabase(file);
	await migrateToLatest(db);
	await db.destroy();
	return { file, generationSeconds: existsSync(meta) ? JSON.parse(readFileSync(meta, 'utf8')).seconds : null };
}

/** Times `fn` RUNS times after warm-up; p50 and p95 in ms. */
async function time(fn: () => unknown | Promise<unknown>): Promise<{ p50: number; p95: number }> {
	for (let i = 0; i < WARMUP; i++) await fn();
	const samples: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const start = performance.now();
		await fn();
		samples.push(performance.now() - start);
	}
	return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
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
	const prepared = statements.map((s) => ({ stmt: sqlite.prepare(s.sql), params: s.params as unknown[] }));
	const loader = await time(() => load(db, target, LOCALS));
	const floor = await time(() => {
		for (const { stmt, params } of prepared) stmt.all(...params);
	});
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

async function startServer(file: string): Promise<{ server: ChildProcess; base: string }> {
	const port = 4300 + Math.floor(Math.random() * 500);
	const server = spawn(process.execPath, ['build/index.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: file, JINDU_SAMPLE: '0' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const base = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 200; i++) {
		try {
			if ((await fetch(base + '/')).ok) return { server, base };
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	server.kill();
	throw new Error('the built server did not start; run npm run build');
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
		group: 'http province',
		name: `${path} (8 connections, ${HTTP_SECONDS} s)`,
		value: `${app.requests.average.toFixed(0)} req/s p50 ${app.latency.p50} ms p99 ${app.latency.p99} ms`,
		budget: path === '/' ? 'p50 ≤ 50 ms' : undefined,
		ok: path === '/' ? app.latency.p50 <= 50 && app.non2xx === 0 : undefined
	});
	record({
		group: 'http province',
		name: `  bare node:http, same ${(body.length / 1024).toFixed(0)} KB`,
		value: `${plain.requests.average.toFixed(0)} req/s  app/bare ${(share * 100).toFixed(0)}%`,
		budget: path === '/' ? '≥ 40% of bare' : undefined,
		ok: path === '/' ? share >= 0.4 : undefined
	});
}

async function benchFirstChart(base: string, path: string) {
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-dev-shm-usage'
		]
	});
	const samples: number[] = [];
	for (let i = 0; i < (QUICK ? 3 : 7); i++) {
		const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
		await page.goto(base + path);
		const mark = await page.waitForFunction(
			() => performance.getEntriesByName('jindu:first-chart')[0]?.startTime,
			null,
			{ timeout: 15_000 }
		);
		samples.push(Number(await mark.jsonValue()));
		await page.close();
	}
	await browser.close();
	record({
		group: 'client province',
		name: `${path}: navigation → first interactive chart`,
		value: `p50 ${ms(percentile(samples, 50))}`,
		budget: '≤ 1000 ms',
		ok: percentile(samples, 50) <= 1000
	});
}

/**
 * First contentful paint against the first chart painted, which is now the server's SVG frame
 * (issue 17). Element timing reports when the frame's first <text> is painted (it only covers
 * text and images, and the attribute must be on the <text> itself, so the page is instrumented as
 * the parser inserts it). A frame on a hidden slide (the deck's second slide, beside the title)
 * paints nothing: it counts as drawn with the first frame whose document holds it, i.e. at FCP if
 * parsed before it, else at the first animation frame after it was parsed.
 */
async function benchFirstFrame(base: string, path: string) {
	const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
	const samples: { fcp: number; chart: number }[] = [];
	for (let i = 0; i < (QUICK ? 3 : 7); i++) {
		const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
		await page.addInitScript(() => {
			const w = window as unknown as { __frame: { parsed?: number; frame?: number; painted?: number } };
			w.__frame = {};
			new MutationObserver((_, observer) => {
				const text = document.querySelector('.server-frame svg text');
				if (!text) return;
				text.setAttribute('elementtiming', 'jindu:first-frame');
				w.__frame.parsed = performance.now();
				requestAnimationFrame((t) => (w.__frame.frame = t));
				observer.disconnect();
			}).observe(document, { childList: true, subtree: true });
			new PerformanceObserver((list) => {
				for (const e of list.getEntries() as (PerformanceEntry & { renderTime: number })[])
					w.__frame.painted ??= e.renderTime || e.startTime;
			}).observe({ type: 'element', buffered: true });
		});
		await page.goto(base + path);
		await page.waitForFunction(() => performance.getEntriesByName('jindu:first-chart').length > 0, null, {
			timeout: 15_000
		});
		const { fcp, parsed, frame, painted } = await page.evaluate(() => ({
			fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
			...(window as unknown as { __frame: { parsed?: number; frame?: number; painted?: number } }).__frame
		}));
		if (parsed === undefined) throw new Error(`${path}: no server-drawn chart in the HTML`);
		samples.push({ fcp, chart: painted ?? (parsed <= fcp ? fcp : (frame ?? parsed)) });
		await page.close();
	}
	await browser.close();
	const chart = percentile(
		samples.map((s) => s.chart),
		50
	);
	const ratio = percentile(
		samples.map((s) => s.chart / s.fcp),
		50
	);
	record({
		group: 'client province',
		name: `${path}: first chart painted (server SVG)`,
		value: `p50 ${ms(chart)}  FCP ${ms(
			percentile(
				samples.map((s) => s.fcp),
				50
			)
		)}  ×${ratio.toFixed(2)}`,
		budget: '≤ 700 ms, ≤ 1.2× FCP',
		ok: chart <= 700 && ratio <= 1.2
	});
}

console.log(
	`jindu benchmark — ${new Date().toISOString()} — node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`
);
const databases = Object.fromEntries(
	await Promise.all(PRESETS.map(async (p) => [p, await ensureDatabase(p)] as const))
);

for (const preset of PRESETS) {
	const { file } = databases[preset];
	const sqlite = new Database(file, { readonly: true });
	const { name: category } = sqlite
		.prepare(
			`select c.name from categories c join tasks t on t.category_id = c.id group by c.name order by count(*) desc limit 1`
		)
		.get() as { name: string };
	sqlite.close();
	const filtered = `/tasks?category=${encodeURIComponent(category)}&status=behind`;
	await benchLoader(file, preset, '/', loadOverviewPage, preset === 'province' ? { p50: 50 } : undefined);
	await benchLoader(file, preset, '/tasks', loadTaskPage);
	await benchLoader(file, preset, filtered, loadTaskPage, preset === 'province' ? { p50: 30 } : undefined);
	await benchLoader(file, preset, `/tasks?q=${encodeURIComponent('数字化改造')}`, loadTaskPage);
}

if (!existsSync('build/index.js')) throw new Error('no build: run npm run build (npm run bench does)');
const { server, base } = await startServer(databases.province.file);
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
	await benchFirstChart(base, '/');
	await benchFirstChart(base, '/present');
	await benchFirstFrame(base, '/');
	await benchFirstFrame(base, '/present');
} finally {
	server.kill();
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
for (const preset of PRESETS) {
	const seconds = databases[preset].generationSeconds;
	record({
		group: 'import',
		name: `generate --preset ${preset}`,
		value: seconds === null ? 'not measured here (file existed)' : `${seconds.toFixed(0)} s`
	});
}

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
