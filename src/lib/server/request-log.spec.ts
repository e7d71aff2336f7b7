import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './log';
import { logWhenSent, requestId } from './request-log';

function capture() {
	const lines: Record<string, unknown>[] = [];
	const out = new Writable({
		write(chunk, _encoding, done) {
			for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
			done();
		}
	});
	return { log: createLogger({ format: 'json', level: 'debug', out }), lines };
}

const facts = (path: string, failure?: string) => ({
	id: 'r1',
	method: 'GET',
	path,
	started: performance.now(),
	failure
});

describe('logWhenSent', () => {
	it('logs one line when a streamed body has been read, with its bytes', async () => {
		const { log, lines } = capture();
		const body = new ReadableStream<Uint8Array>({
			start(controller) {
				controller.enqueue(new Uint8Array(3));
				controller.enqueue(new Uint8Array(4));
				controller.close();
			}
		});
		const response = logWhenSent(log, new Response(body, { status: 200 }), facts('/tasks'));
		expect(lines).toEqual([]);
		expect((await response.arrayBuffer()).byteLength).toBe(7);
		expect(lines).toEqual([
			expect.objectContaining({
				level: 30,
				msg: 'request',
				id: 'r1',
				method: 'GET',
				path: '/tasks',
				status: 200,
				bytes: 7
			})
		]);
		expect(lines[0].ms).toEqual(expect.any(Number));
	});

	it.each([
		['a 404 is one info line with its reason', '/nope', 404, 'Not Found: /nope', 30],
		['a 400 is info', '/tasks', 400, undefined, 30],
		['a 500 is an error', '/tasks', 500, undefined, 50],
		['a health probe is debug', '/healthz', 200, undefined, 20],
		['a failing health probe is an error', '/healthz', 503, undefined, 50]
	])('%s', async (_, path, status, failure, level) => {
		const { log, lines } = capture();
		await logWhenSent(log, new Response(null, { status }), facts(path, failure)).text();
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatchObject({ level, status, path, bytes: 0 });
		expect(lines[0].failure).toBe(failure);
		expect(lines[0]).not.toHaveProperty('err');
	});
});

describe('requestId', () => {
	it.each([
		['abc-123', 'abc-123'],
		['x'.repeat(65), null],
		['a b', null],
		['id"\nlevel=60', null],
		[null, null]
	])('%j', (given, kept) => {
		const id = requestId(given);
		if (kept) expect(id).toBe(kept);
		else expect(id).toMatch(/^[0-9a-f]{8}$/);
	});
});
