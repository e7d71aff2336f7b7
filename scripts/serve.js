// Serves the built app (build/index.js) with one worker process per core, as `npm start` does.
// WEB_CONCURRENCY sets the number of workers; 1 serves in this process, without a cluster.
//
// The first worker starts alone: it checks the database (PRAGMA quick_check), migrates it and seeds a
// new one, and the others start once it is ready, so they never race over a migration or a seed — and
// do not check again the file it has just checked (a province's takes ≈ 13 s a worker). A worker that
// replaces one that died checks it again: something may have gone wrong since. This process listens on
// the port once every worker is ready and hands the connections to the workers in turn
// (scripts/balance.js, which says why not node:cluster's own hand-out); each worker serves the app's
// handler (scripts/serve-worker.js). Each page cache reads the database's data version on every
// request, so an import by any process is seen by every worker on its next request.
// @ts-check
import cluster from 'node:cluster';
import { rmSync, statSync } from 'node:fs';
import net from 'node:net';
import { availableParallelism } from 'node:os';
import { RoundRobin } from './balance.js';
import { MESSAGE, isMessage, serveWorker } from './serve-worker.js';
import { originProblem } from './server-env.js';

/** Set by the primary on the workers started after the first: src/lib/server/app.ts then skips quick_check. */
const CHECKED_BY_FIRST_WORKER = 'JINDU_CHECKED_BY_FIRST_WORKER';

// Variable specifiers: the build is made by `npm run build` (or by start.js when missing).
const entry = '../build/index.js';
const buildEnv = '../build/env.js';

/** @param {string | undefined} value @returns {number} */
function workerCount(value) {
	if (value === undefined || value.trim() === '') return availableParallelism();
	const count = Number(value);
	if (!Number.isInteger(count) || count < 1)
		throw new Error(`WEB_CONCURRENCY must be a whole number of workers, 1 or more (got “${value}”)`);
	return count;
}

const problem = originProblem(process.env);
if (problem) {
	console.error(`[jindu] cannot start: ${problem}`);
	process.exit(1);
}
const count = workerCount(process.env.WEB_CONCURRENCY);
if (count === 1) {
	await import(entry);
} else if (cluster.isWorker) {
	await serveWorker();
	// A worker's channel to the primary would keep it alive once its server has stopped: close that too.
	process.once('sveltekit:shutdown', () => cluster.worker?.disconnect());
} else {
	const balancer = new RoundRobin();
	let stopping = false;
	/** @param {Record<string, string>} [env] @returns {Promise<void>} once the new worker is ready for connections */
	const fork = (env) =>
		new Promise((resolve, reject) => {
			const worker = cluster.fork(env);
			worker.on('message', (message) => {
				if (!isMessage(message, MESSAGE.ready)) return;
				balancer.add(worker.id);
				resolve();
			});
			worker.once('exit', (code) => {
				balancer.remove(worker.id);
				reject(new Error(`worker exited with code ${code} before it was ready`));
			});
		});
	try {
		await fork();
		await Promise.all(Array.from({ length: count - 1 }, () => fork({ [CHECKED_BY_FIRST_WORKER]: '1' })));
	} catch (error) {
		console.error(`[jindu] ${error instanceof Error ? error.message : String(error)}`);
		stopping = true;
		for (const worker of Object.values(cluster.workers ?? {})) worker?.kill();
		process.exit(1);
	}

	/**
	 * Gives the connection to the next worker in turn; to the one after if that one cannot take it (it has
	 * just died), and drops it when none can.
	 * @param {net.Socket} socket @param {number} [tries]
	 */
	const handOut = (socket, tries = 0) => {
		const id = balancer.take();
		const worker = id === null ? undefined : cluster.workers?.[id];
		if (!worker || tries > count) {
			socket.destroy();
			return;
		}
		worker.send({ jindu: MESSAGE.connection }, socket, (error) => {
			if (error) handOut(socket, tries + 1);
		});
	};
	// Paused: no byte of the request is read here; the worker reads it all.
	const listener = net.createServer({ pauseOnConnect: true, noDelay: true }, handOut);
	// adapter-node's reading of its variables (its envPrefix included), from the same build.
	const { env } = await import(buildEnv);
	const address = listenAddress(env);
	await new Promise((resolve, reject) => {
		listener.once('error', reject);
		listener.listen(address, () => {
			listener.off('error', reject);
			resolve(undefined);
		});
	});
	// A connection that could not be accepted (too many open files, say) is that connection's loss only; node:cluster's
	// own hand-out skips it the same way. Without a listener the error would end this process and every worker.
	listener.on('error', (error) => console.error(`[jindu] a connection was not accepted: ${error.message}`));
	const bound = listener.address();
	console.log(
		`Listening on ${typeof bound === 'object' && bound ? `http://${('host' in address && address.host) || 'localhost'}:${bound.port}` : bound}`
	);
	console.log(`[jindu] ${count} workers serving`);

	// A worker that dies is replaced, so one fault does not take a core out of service for good.
	cluster.on('exit', (worker, code, signal) => {
		if (stopping) return;
		console.error(`[jindu] worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
		fork().catch((error) => console.error(`[jindu] ${error.message}`));
	});
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM']))
		process.on(signal, () => {
			stopping = true;
			listener.close();
			for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
			cluster.on('exit', () => {
				if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
			});
		});
}

/**
 * Where adapter-node's own server would listen: its SOCKET_PATH, or HOST (default 0.0.0.0) and PORT
 * (default 3000), or the socket systemd passes (LISTEN_PID, LISTEN_FDS).
 * @param {(name: string) => string | undefined} read
 * @returns {net.ListenOptions | { fd: number }}
 */
function listenAddress(read) {
	if (Number(read('LISTEN_PID')) === process.pid && read('LISTEN_FDS') === '1') return { fd: 3 };
	const path = read('SOCKET_PATH');
	if (path) {
		// A socket file left by an earlier run would refuse the listen.
		try {
			if (statSync(path).size === 0) rmSync(path);
		} catch {
			/* none */
		}
		return { path };
	}
	return { host: read('HOST') ?? '0.0.0.0', port: Number(read('PORT') ?? 3000) };
}
