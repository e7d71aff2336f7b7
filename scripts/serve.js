// Serves the built app (build/index.js) with one worker process per core, as `npm start` does.
// WEB_CONCURRENCY sets the number of workers; 1 serves in this process, without a cluster.
//
// The first worker starts alone: it checks the database (PRAGMA quick_check), migrates it and seeds a
// new one, and the others start once it listens, so they never race over a migration or a seed — and
// do not check again the file it has just checked (a province's takes ≈ 13 s a worker). A worker that
// replaces one that died checks it again: something may have gone wrong since. Workers share the port
// (node:cluster hands connections out in turn). Each page cache reads the database's data version
// on every request, so an import by any process is seen by every worker on its next request.
// @ts-check
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { originProblem } from './server-env.js';

/** Set by the primary on the workers started after the first: src/lib/server/app.ts then skips quick_check. */
const CHECKED_BY_FIRST_WORKER = 'JINDU_CHECKED_BY_FIRST_WORKER';

// A variable specifier: the build is made by `npm run build` (or by start.js when missing).
const entry = '../build/index.js';

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
if (count === 1 || !cluster.isPrimary) {
	await import(entry);
	// adapter-node stops on SIGTERM / SIGINT by closing its server and letting the event loop empty;
	// a worker's channel to the primary would keep it alive, so close that too once the server is.
	if (cluster.isWorker) process.once('sveltekit:shutdown', () => cluster.worker?.disconnect());
} else {
	let stopping = false;
	/** @param {Record<string, string>} [env] @returns {Promise<void>} once the new worker listens */
	const fork = (env) =>
		new Promise((resolve, reject) => {
			const worker = cluster.fork(env);
			worker.once('listening', () => resolve());
			worker.once('exit', (code) => reject(new Error(`worker exited with code ${code} before listening`)));
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
	console.log(`[jindu] ${count} workers serving`);
	// A worker that dies is replaced, so one fault does not take a core out of service for good.
	cluster.on('exit', (worker, code, signal) => {
		if (stopping) return;
		console.error(`[jindu] worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
		cluster.fork();
	});
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM']))
		process.on(signal, () => {
			stopping = true;
			for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
			cluster.on('exit', () => {
				if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
			});
		});
}
