/**
 * The load-while-writing check: keep-alive connections request many distinct pages of the built
 * server while the import CLI, in other processes, imports new reports. It passes when no request
 * failed (no error, reset, timeout or non-2xx), every import was visible on the very next request,
 * and the database's integrity_check is ok afterwards. Used by `npm run soak` (30 s) and by a
 * short browser-suite run (e2e/soak.spec.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { SERVER_NODE_FLAGS, serverEnvironment } from './server-env.js';

/** The part of autocannon's callback API used here (the package ships no types). */
type Cannon = (
	options: {
		url: string;
		connections: number;
		duration: number;
		requests: { setupRequest: (request: { path: string }) => { path: string } }[];
	},
	done: (error: Error | null, result: CannonResult) => void
) => NodeJS.EventEmitter;
interface CannonResult {
	requests: { average: number; total: number };
	latency: { p50: number; p99: number; max: number };
	errors: number;
	timeouts: number;
	non2xx: number;
}

export interface SoakOptions {
	/** The built app's server, e.g. http://127.0.0.1:4500 */
	base: string;
	/** Its database file, for the imports and the integrity check. */
	database: string;
	/** Seconds of load. */
	duration: number;
	/** How many distinct URLs to spread the load over. */
	urls: number;
	/** How many reports to import during the load (one CLI process each, one after another). */
	imports: number;
	/** Connections kept alive. */
	connections: number;
	/** A scratch directory for the generated reports. */
	workDir: string;
}

export interface SoakResult {
	requests: number;
	requestsPerSecond: number;
	latency: { p50: number; p99: number; max: number };
	errors: number;
	timeouts: number;
	non2xx: number;
	/** ECONNRESET and other socket errors, by code. */
	socketErrors: Record<string, number>;
	distinctUrls: number;
	imports: number;
	importsFailed: number;
	importsVisible: number;
	integrity: string;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
		probe.on('error', reject);
	});
}

/** Starts `node build/index.js` on a new database, as npm start would; resolves when /healthz answers 200. */
export async function startServer(port: number, database: string): Promise<ChildProcess> {
	const env = serverEnvironment({ ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: database });
	const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, 'build/index.js'], { env, stdio: 'ignore' });
	for (let waited = 0; waited < 60_000; waited += 200) {
		if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
		const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
			(r) => r.ok,
			() => false
		);
		if (ok) return server;
		await new Promise((r) => setTimeout(r, 200));
	}
	server.kill();
	throw new Error('the server did not answer /healthz within 60 s');
}

/** Distinct URLs that all answer 200: overview and task list per organization and period, filters, sorts, tasks, slides. */
export function soakUrls(database: string, count: number): string[] {
	const db = new Database(database, { readonly: true });
	try {
		const scopes = db
			.prepare(
				`select distinct o.name as org, p.year, pe.quarter from plans p join organizations o on o.id = p.organization_id
				 join sources s on s.plan_id = p.id join periods pe on pe.id = s.period_id where pe.quarter is not null`
			)
			.all() as { org: string; year: number; quarter: number }[];
		const tasks = (db.prepare('select id from tasks order by id').all() as { id: number }[]).map((t) => t.id);
		const overviews: string[] = ['/', '/present'];
		const lists: string[] = ['/tasks'];
		for (const scope of scopes) {
			const filter = `org=${encodeURIComponent(scope.org)}&year=${scope.year}&quarter=${scope.quarter}`;
			for (const lang of ['', '&lang=en']) {
				overviews.push(`/?${filter}${lang}`, `/present?${filter}&slides=kpi,categories${lang}`);
				for (const status of ['', '&status=behind', '&status=completed', '&status=on_track', '&status=ahead,on_track'])
					for (const sort of ['seq', 'status', 'owner', 'task'])
						for (const dir of ['asc', 'desc']) lists.push(`/tasks?${filter}${status}&sort=${sort}&dir=${dir}${lang}`);
			}
		}
		// Round robin over the kinds, so a short list still has pages of each.
		const kinds = [overviews, lists, tasks.map((id) => `/tasks/${id}`)];
		const urls = new Set<string>();
		for (let i = 0; urls.size < count && kinds.some((kind) => i < kind.length); i++)
			for (const kind of kinds) if (i < kind.length && urls.size < count) urls.add(kind[i]);
		return [...urls];
	} finally {
		db.close();
	}
}

const STEMS = '甲乙丙丁戊己庚辛壬癸';

/** Runs the import CLI on `file`; resolves with its exit code. */
function importFile(database: string, file: string): Promise<number | null> {
	const child = spawn(process.execPath, ['scripts/cli.js', 'import', '--db', database, file], { stdio: 'ignore' });
	return new Promise((resolve) => child.on('exit', resolve));
}

/** Imports `count` new reports one after another; after each, the next request must show it. */
async function importWhileLoaded(options: SoakOptions, stop: () => boolean) {
	const template = readFileSync('data/reports/xinjie-2024-q2.txt', 'utf8');
	let imports = 0;
	let failed = 0;
	let visible = 0;
	const pause = (options.duration * 1000) / (options.imports + 1);
	for (let i = 0; i < options.imports && !stop(); i++) {
		await new Promise((r) => setTimeout(r, pause / 2));
		// A place name has no digits: 试验甲街道, 试验乙街道 … (the title's chain stops at a digit).
		const street = `试验${STEMS[i % 10]}${i >= 10 ? STEMS[Math.floor(i / 10) % 10] : ''}街道`;
		const file = path.join(options.workDir, `soak-${i + 1}.txt`);
		writeFileSync(
			file,
			template.replace('新街街道办事处', `${street}办事处`).replace('发布机构 新街街道', `发布机构 ${street}`)
		);
		imports++;
		if ((await importFile(options.database, file)) !== 0) {
			failed++;
			continue;
		}
		// An unknown organization is a 400: a 200 means the import is served.
		const page = await fetch(`${options.base}/tasks?org=${encodeURIComponent(street)}`);
		if (page.status === 200 && (await page.text()).includes(street)) visible++;
	}
	return { imports, failed, visible };
}

export async function soak(options: SoakOptions): Promise<SoakResult> {
	const urls = soakUrls(options.database, options.urls);
	let next = 0;
	const socketErrors: Record<string, number> = {};
	let finished = false;
	const load = new Promise<CannonResult>((resolve, reject) => {
		const tracker = (autocannon as unknown as Cannon)(
			{
				url: options.base,
				connections: options.connections,
				duration: options.duration,
				requests: [{ setupRequest: (request) => ({ ...request, path: urls[next++ % urls.length] }) }]
			},
			(error, result) => (error ? reject(error) : resolve(result))
		);
		tracker.on('reqError', (error: NodeJS.ErrnoException) => {
			const code = error.code ?? error.message;
			socketErrors[code] = (socketErrors[code] ?? 0) + 1;
		});
	});
	const writes = importWhileLoaded(options, () => finished);
	const result = await load;
	finished = true;
	const imported = await writes;
	const db = new Database(options.database, { readonly: true });
	const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
		.map((r) => r.integrity_check)
		.join('; ');
	db.close();
	return {
		requests: result.requests.total,
		requestsPerSecond: Math.round(result.requests.average),
		latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
		errors: result.errors,
		timeouts: result.timeouts,
		non2xx: result.non2xx,
		socketErrors,
		distinctUrls: urls.length,
		imports: imported.imports,
		importsFailed: imported.failed,
		importsVisible: imported.visible,
		integrity
	};
}

/** Why a soak failed, one line each; [] when it passed. */
export function soakFailures(result: SoakResult): string[] {
	const failures: string[] = [];
	if (result.errors > 0) failures.push(`${result.errors} request errors (${JSON.stringify(result.socketErrors)})`);
	if (result.non2xx > 0) failures.push(`${result.non2xx} responses other than 2xx`);
	if (result.importsFailed > 0) failures.push(`${result.importsFailed} of ${result.imports} imports failed`);
	if (result.importsVisible < result.imports - result.importsFailed)
		failures.push(`only ${result.importsVisible} of ${result.imports} imports were visible on the next request`);
	if (result.integrity !== 'ok') failures.push(`integrity_check: ${result.integrity}`);
	return failures;
}
