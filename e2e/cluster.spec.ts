/**
 * `npm start` serves with one worker per core (scripts/serve.js). Every worker must see an import
 * made by the CLI in another process on its very next request: each page cache reads the
 * database's data version per request. Requests go on fresh connections, which the primary hands
 * to the workers in turn, so both workers answer before and after the import.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';

const PORT = Number(process.env.E2E_PORT || 4173) + 1;
const DATABASE = `test-results/cluster-${PORT}.db`;
let server: ChildProcess | undefined;
/** What the server has written to its standard output: its request log among it. */
let output = '';

test.afterAll(() => {
	server?.kill('SIGTERM');
});

/** One GET on its own connection (no keep-alive), so consecutive requests reach different workers. */
function fetchFresh(path: string): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		get({ host: '127.0.0.1', port: PORT, path, agent: false }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (chunk) => (body += chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
		}).on('error', reject);
	});
}

/** The 任务 KPI tile of the overview: how many tasks the page counts. */
async function taskCounts(requests: number): Promise<number[]> {
	const counts: number[] = [];
	for (let i = 0; i < requests; i++) {
		const { status, body } = await fetchFresh('/');
		expect(status).toBe(200);
		const match = /data-kpi="tasks"[\s\S]*?data-testid="kpi-count"[^>]*>(\d+)</.exec(body);
		counts.push(Number(match?.[1]));
	}
	return counts;
}

test('two workers serve, and both see a CLI import on their next request', async () => {
	test.setTimeout(90_000);
	for (const suffix of ['', '-wal', '-shm']) rmSync(DATABASE + suffix, { force: true });
	server = spawn(process.execPath, ['scripts/serve.js'], {
		env: {
			...process.env,
			PORT: String(PORT),
			HOST: '127.0.0.1',
			DATABASE_PATH: DATABASE,
			JINDU_SAMPLE: '0',
			WEB_CONCURRENCY: '2'
		},
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise<void>((resolve, reject) => {
		server!.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes('2 workers serving')) resolve();
		});
		server!.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${output}`)));
	});
	// The first worker checked the file (quick_check); the second, started once the first listened, did not again.
	const opened = output.match(/database open .*/g) ?? [];
	expect(opened.map((line) => /checked=(true|false)/.exec(line)?.[1])).toEqual(['true', 'false']);
	// The first worker seeded the new database alone: each bundled report was imported once.
	const sqlite = new Database(DATABASE, { readonly: true });
	const sources = sqlite.prepare('select count(*) as n, count(distinct sha256) as files from sources').get() as {
		n: number;
		files: number;
	};
	sqlite.close();
	expect(sources.n).toBeGreaterThan(0);
	expect(sources.n).toBe(sources.files);

	// Every worker renders and caches the overview for the current data version.
	const before = await taskCounts(6);
	expect(new Set(before).size).toBe(1);
	expect(before[0]).toBeGreaterThanOrEqual(12);

	const other = readFileSync('data/reports/xinjie-2024-q2.txt', 'utf8')
		.replace('新街街道办事处', '东街街道办事处')
		.replace('发布机构 新街街道', '发布机构 东街街道');
	writeFileSync('test-results/cluster-dongjie-2024-q2.txt', other);
	execFileSync(
		process.execPath,
		['scripts/cli.js', 'import', '--db', DATABASE, 'test-results/cluster-dongjie-2024-q2.txt'],
		{
			stdio: 'pipe'
		}
	);

	expect(await taskCounts(6)).toEqual(Array(6).fill(before[0] + 12));
});

/** One GET of `path` with a request id the log line names, on a connection of `agent`. */
function fetchNamed(path: string, agent: Agent, id: string): Promise<number> {
	return new Promise((resolve, reject) => {
		get({ host: '127.0.0.1', port: PORT, path, agent, headers: { 'x-request-id': id } }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		}).on('error', reject);
	});
}

test('connections opened at once go to the workers in turn, and a stop lets a request in flight finish', async () => {
	test.setTimeout(60_000);
	expect(server, 'the server the test above started').toBeDefined();
	// Eight users connecting together, each keeping its connection: four on each worker, as the log says.
	const agent = new Agent({ keepAlive: true, maxSockets: 8 });
	const ids = Array.from({ length: 8 }, (_, i) => `turns-${i}`);
	expect(await Promise.all(ids.map((id) => fetchNamed('/tasks', agent, id)))).toEqual(Array(8).fill(200));
	agent.destroy();
	const workers = ids.map((id) => new RegExp(`request worker=(\\d+) id=${id} `).exec(output)?.[1]);
	const perWorker = new Map<string | undefined, number>();
	for (const worker of workers) perWorker.set(worker, (perWorker.get(worker) ?? 0) + 1);
	expect([...perWorker.values()]).toEqual([4, 4]);
	expect(perWorker.has(undefined)).toBe(false);

	// A request begun before the stop is answered, its connection then closed, and every process ends with 0.
	const socket = connect(PORT, '127.0.0.1');
	await once(socket, 'connect');
	let response = '';
	socket.setEncoding('utf8').on('data', (chunk: string) => (response += chunk));
	socket.write('GET /tasks HTTP/1.1\r\nHost: 127.0.0.1\r\n');
	await sleep(300);
	const exited = once(server!, 'exit');
	server!.kill('SIGTERM');
	await sleep(300);
	socket.write('x-request-id: in-flight\r\n\r\n');
	await once(socket, 'close');
	expect(response).toMatch(/^HTTP\/1\.1 200 /);
	expect(response).toContain('</html>');
	expect(await exited).toEqual([0, null]);
	expect(output).toMatch(/request worker=\d+ id=in-flight .*status=200/);
	server = undefined;
});
