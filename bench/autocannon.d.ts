// The part of autocannon's API the benchmark uses (the package ships no types).
declare module 'autocannon' {
	import type { EventEmitter } from 'node:events';
	interface Request {
		method?: string;
		path?: string;
		headers?: Record<string, string>;
		/** Called before each request with its connection's context; returns the request to send. */
		setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
		/** Called on each response, with the context of the connection it came on. */
		onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
	}
	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		headers?: Record<string, string>;
		requests?: Request[];
	}
	interface Histogram {
		average: number;
		p50: number;
		p99: number;
	}
	interface Result {
		requests: Histogram & { total: number };
		latency: Histogram;
		throughput: Histogram & { total: number };
		non2xx: number;
		errors: number;
		timeouts: number;
	}
	function autocannon(options: Options): Promise<Result>;
	function autocannon(options: Options, done: (error: Error | null, result: Result) => void): EventEmitter;
	export default autocannon;
	export type { Result };
}
