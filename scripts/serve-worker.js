// One worker of scripts/serve.js: the built app's request handler (adapter-node's build/handler.js, its entry
// for a server of one's own) on a node:http server that takes the connections the primary hands it.
//
// The primary accepts every connection and chooses the worker (scripts/balance.js); this server never
// listens on the port itself. What adapter-node's own server (build/index.js) does around the handler is
// done here the same way: its KEEP_ALIVE_TIMEOUT and HEADERS_TIMEOUT, and on SIGTERM or SIGINT a graceful
// stop — no new connection, idle ones closed, each other one once its response is sent, all of them after
// SHUTDOWN_TIMEOUT seconds — then `sveltekit:shutdown`.
// @ts-check
import http from 'node:http';
import process from 'node:process';

// Variable specifiers: the build is made by `npm run build` (or by start.js when missing), and is not type-checked.
const HANDLER = '../build/handler.js';
const ENV = '../build/env.js';

/** What the primary and its workers say to each other over the cluster's channel. */
export const MESSAGE = /** @type {const} */ ({
	ready: 'jindu:ready',
	connection: 'jindu:connection'
});

/** @param {unknown} message @param {string} kind @returns {boolean} */
export function isMessage(message, kind) {
	return typeof message === 'object' && message !== null && /** @type {{ jindu?: unknown }} */ (message).jindu === kind;
}

export async function serveWorker() {
	// Importing the handler runs the app's init hook (the database opened, checked, migrated) before any request.
	const { handler } = await import(HANDLER);
	// adapter-node's reading of its own variables (its envPrefix included), from the same build.
	const { env, timeout_env } = await import(ENV);
	const shutdownSeconds = parseInt(env('SHUTDOWN_TIMEOUT', '30'));

	const server = http.createServer(handler);
	const keepAlive = timeout_env('KEEP_ALIVE_TIMEOUT');
	if (keepAlive !== undefined) server.keepAliveTimeout = keepAlive * 1000;
	const headers = timeout_env('HEADERS_TIMEOUT');
	if (headers !== undefined) server.headersTimeout = headers * 1000;
	// Node starts tracking a server's connections (its header and request timeouts, closeIdleConnections)
	// when the server starts listening. This one is handed its connections instead, so it is told it listens.
	server.emit('listening');

	/** @type {Set<import('node:net').Socket>} */
	const sockets = new Set();
	/** @type {NodeJS.Signals | null} */
	let stopping = null;

	process.on('message', (message, socket) => {
		if (!isMessage(message, MESSAGE.connection) || !socket) return;
		const connection = /** @type {import('node:net').Socket} */ (socket);
		if (stopping) {
			connection.destroy();
			return;
		}
		sockets.add(connection);
		connection.once('close', () => {
			sockets.delete(connection);
			if (stopping && sockets.size === 0) stopped();
		});
		server.emit('connection', connection);
		// The primary accepted it paused, so no byte was read before this server had it.
		connection.resume();
	});

	// While stopping, a connection whose response has just been sent is closed rather than kept alive.
	server.on('request', (request) => request.on('close', () => stopping && server.closeIdleConnections()));

	/** @type {NodeJS.Timeout | undefined} */
	let deadline;
	let done = false;
	function stopped() {
		if (done) return;
		done = true;
		clearTimeout(deadline);
		server.close();
		/** @type {NodeJS.EventEmitter} */ (process).emit('sveltekit:shutdown', stopping);
	}
	/** @param {NodeJS.Signals} signal */
	function stop(signal) {
		if (stopping) return;
		stopping = signal;
		server.closeIdleConnections();
		if (sockets.size === 0) return stopped();
		deadline = setTimeout(() => {
			console.error(`[jindu] ${signal}: ${sockets.size} connections still open after ${shutdownSeconds} s, closed`);
			for (const socket of sockets) socket.destroy();
		}, shutdownSeconds * 1000);
	}
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);

	process.send?.({ jindu: MESSAGE.ready });
}
