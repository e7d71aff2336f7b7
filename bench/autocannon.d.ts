// The part of autocannon's API the benchmark uses (the package ships no types).
declare module 'autocannon' {
	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		headers?: Record<string, string>;
	}
	interface Histogram {
		average: number;
		p50: number;
		p99: number;
	}
	interface Result {
		requests: Histogram & { total: number };
		latency: Histogram;
		non2xx: number;
		errors: number;
	}
	export default function autocannon(options: Options): Promise<Result>;
}
