import { afterEach, describe, expect, it, vi } from 'vitest';
import { givingWay, renderQueue } from './render-queue';

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

	describe('idle', () => {
		it('resolves at once when nothing is rendering', async () => {
			const queue = renderQueue();
			const log: string[] = [];
			const idle = queue.idle(1000).then(() => log.push('idle'));
			await new Promise((resolve) => setImmediate(resolve));
			await idle;
			expect(log).toEqual(['idle']);
		});

		it('waits until every render asked has settled, failed ones too', async () => {
			const queue = renderQueue();
			const log: string[] = [];
			const renders = [
				queue(busy(2, log, 'a')),
				queue(async () => {
					throw new Error('b fails');
				}).catch(() => log.push('b failed')),
				queue(busy(2, log, 'c'))
			];
			await queue.idle(10_000).then(() => log.push('idle'));
			await Promise.all(renders);
			expect(log).toEqual(['a starts', 'a ends', 'b failed', 'c starts', 'c ends', 'idle']);
		});

		it('resolves after atMostMs while renders keep it busy', async () => {
			const queue = renderQueue();
			const log: string[] = [];
			let release!: () => void;
			const held = queue(() => new Promise<void>((resolve) => (release = resolve)));
			await queue.idle(20).then(() => log.push('idle'));
			log.push('render released');
			release();
			await held;
			expect(log).toEqual(['idle', 'render released']);
		});
	});

	describe('givingWay', () => {
		afterEach(() => {
			vi.useRealTimers();
		});
		/** A render, begun, that ends when `release` is called: the queue busy for as long as a test needs. */
		async function hold(queue: ReturnType<typeof renderQueue>) {
			let release: (() => void) | undefined;
			const done = queue(() => new Promise<void>((resolve) => (release = resolve)));
			while (!release) await new Promise((resolve) => setImmediate(resolve));
			return { done, release };
		}

		it('goes on at once while no page is waiting', async () => {
			const pace = givingWay({ eachMs: 100, inAllMs: 1000 }, renderQueue());
			const log: string[] = [];
			const step = pace().then(() => log.push('goes on'));
			await new Promise((resolve) => setImmediate(resolve));
			await step;
			expect(log).toEqual(['goes on']);
		});

		it('waits for the pages eachMs at most, and inAllMs in all', async () => {
			vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
			const queue = renderQueue();
			const pace = givingWay({ eachMs: 40, inAllMs: 100 }, queue);
			const page = await hold(queue);
			/** How long the next step waits, in steps of 1 ms of the fake clock. */
			async function nextWait(): Promise<number> {
				let went = false;
				const step = pace().then(() => (went = true));
				let ms = 0;
				await vi.advanceTimersByTimeAsync(0);
				while (!went) {
					await vi.advanceTimersByTimeAsync(1);
					ms++;
				}
				await step;
				return ms;
			}
			expect([await nextWait(), await nextWait(), await nextWait(), await nextWait()]).toEqual([40, 40, 20, 0]);
			page.release();
			await page.done;
		});

		it('goes on as soon as the pages are done, before its bound', async () => {
			vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
			const queue = renderQueue();
			const pace = givingWay({ eachMs: 100, inAllMs: 1000 }, queue);
			const page = await hold(queue);
			let went = false;
			const step = pace().then(() => (went = true));
			await vi.advanceTimersByTimeAsync(10);
			expect(went).toBe(false);
			page.release();
			await page.done;
			await step;
			expect(went).toBe(true);
		});
	});
});
