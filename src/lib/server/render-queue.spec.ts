import { describe, expect, it } from 'vitest';
import { renderQueue } from './render-queue';

/** A render as the server's are: CPU only, resolving without waiting for any I/O. */
function busy(ms: number, log: string[], name: string) {
	return async () => {
		log.push(`${name} starts`);
		const end = performance.now() + ms;
		while (performance.now() < end);
		log.push(`${name} ends`);
		return name;
	};
}

describe('renderQueue', () => {
	it('renders one at a time, in the order asked', async () => {
		const queue = renderQueue();
		const log: string[] = [];
		const done = await Promise.all(['a', 'b', 'c'].map((name) => queue(busy(2, log, name))));
		expect(done).toEqual(['a', 'b', 'c']);
		expect(log).toEqual(['a starts', 'a ends', 'b starts', 'b ends', 'c starts', 'c ends']);
	});

	it('lets the event loop turn between two renders, so waiting I/O is not held for the whole queue', async () => {
		const queue = renderQueue();
		const log: string[] = [];
		const renders = ['a', 'b', 'c'].map((name) => queue(busy(2, log, name)));
		// Asked once the first render has begun, as an export's next chunk or a socket's write would be.
		const other = new Promise<void>((resolve) => {
			queueMicrotask(() => setImmediate(() => (log.push('other'), resolve())));
		});
		await Promise.all([...renders, other]);
		expect(log.indexOf('other')).toBeLessThan(log.indexOf('c starts'));
		expect(log.indexOf('other')).toBeGreaterThan(log.indexOf('a starts'));
	});

	it('goes on after a render that fails, and passes the failure to its caller', async () => {
		const queue = renderQueue();
		const failed = queue(async () => {
			throw new Error('no such period');
		});
		const next = queue(async () => 'next');
		await expect(failed).rejects.toThrow('no such period');
		expect(await next).toBe('next');
	});
});
