/**
 * The request side of the logs and headers: an id per request, the headers every response
 * carries, and one log line per request written when its body has been sent (so `bytes` and
 * `ms` are the whole response's, streamed or not).
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';

/**
 * Sent with every response from the app. The CSP itself comes from svelte.config.js (Kit adds
 * its script hashes); `frame-ancestors` there only reaches pages, so X-Frame-Options covers the
 * rest (exports, redirects, errors, JSON).
 */
export const SECURITY_HEADERS: readonly [string, string][] = [
	['x-frame-options', 'DENY'],
	['x-content-type-options', 'nosniff'],
	// Filters in URLs name organizations and searches: other sites learn nothing from a link followed out.
	['referrer-policy', 'same-origin']
];

/** A proxy's X-Request-Id when it is a plain token (so it cannot forge log fields), else a new one. */
export function requestId(fromProxy: string | null): string {
	return fromProxy && /^[\w.:-]{1,64}$/.test(fromProxy) ? fromProxy : randomUUID().slice(0, 8);
}

export interface RequestFacts {
	id: string;
	method: string;
	path: string;
	started: number;
	/** Why a 4xx was answered (an unknown route, a method not allowed), from handleError. */
	failure?: string;
}

/**
 * The level of a request's line: server errors are errors; health probes (every few seconds from
 * a balancer) are debug so they do not drown the log; everything else, 4xx included, is info.
 */
function levelOf(path: string, status: number): 'error' | 'debug' | 'info' {
	if (status >= 500) return 'error';
	return path === '/healthz' && status === 200 ? 'debug' : 'info';
}

/**
 * `response` with its body counted as it streams out; the line is logged when the body ends (or at
 * once without one). A download the client abandons midway is not logged.
 */
export function logWhenSent(log: Logger, response: Response, facts: RequestFacts): Response {
	const write = (bytes: number) =>
		log[levelOf(facts.path, response.status)](
			{
				id: facts.id,
				method: facts.method,
				path: facts.path,
				status: response.status,
				ms: Math.round((performance.now() - facts.started) * 10) / 10,
				bytes,
				...(facts.failure ? { failure: facts.failure } : {})
			},
			'request'
		);
	if (!response.body) {
		write(0);
		return response;
	}
	// A stream that pulls from the body, rather than pipeThrough(TransformStream): every response passes here,
	// and the pipe's writable side and its promises cost twice as much per response under load.
	let bytes = 0;
	const reader = response.body.getReader();
	const counted = new ReadableStream<Uint8Array>({
		async pull(controller) {
			const { done, value } = await reader.read();
			if (done) {
				controller.close();
				write(bytes);
				return;
			}
			bytes += value.byteLength;
			controller.enqueue(value);
		},
		cancel: (reason) => reader.cancel(reason)
	});
	return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
}
