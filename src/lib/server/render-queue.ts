/**
 * Pages not in the cache are rendered one at a time in a worker, in the order asked, each after the event loop
 * has turned once.
 *
 * One at a time: rendering is all CPU (better-sqlite3 answers synchronously), so running several at once
 * finished none sooner: each took as long as all of them, and a whole city's page held 16 others back for its
 * 50 ms. In order, a page waits for the renders ahead of it only (`p-limit`): 32 users over 2 000 distinct
 * city URLs, 163 and 149 req/s with a p99 of 655 and 715 ms, against 160 and 145 req/s, 702 and 871 ms all at once.
 *
 * After a turn of the event loop: a render resolves without ever waiting for I/O, so one render's end would
 * start the next in the same turn, and a queue of 16 ran as one block of ≈ 150 ms. Meanwhile no socket was
 * read or written: a large page's last bytes, and each chunk of an export (which waits a turn between chunks,
 * see export/task-export.ts), waited for the whole block. A CSV export under 32 users took 390–470 ms at the
 * median and 4.5 s at the 99th percentile; with the turn, 45–53 ms and 0.55–0.66 s (bench/README.md).
 *
 * A long download gives way to the pages (`givingWay`): its next chunk waits until no page is rendering or
 * waiting, for a bounded time, so the pages asked meanwhile are not slowed by it.
 */
import pLimit from 'p-limit';

export interface RenderQueue {
	/** `render`, once the renders asked before it are done. */
	<T>(render: () => T | Promise<T>): Promise<T>;
	/**
	 * Resolves once no render is running or waiting, or after `atMostMs` if renders keep coming: the turn of
	 * work that can wait (a download's next chunk), which then never waits longer than that.
	 */
	idle(atMostMs: number): Promise<void>;
}

export function renderQueue(): RenderQueue {
	const limit = pLimit(1);
	/** Renders asked and not yet settled. */
	let unsettled = 0;
	const waiting = new Set<() => void>();
	const queue = <T>(render: () => T | Promise<T>): Promise<T> => {
		unsettled++;
		return limit(async () => {
			await new Promise((resolve) => setImmediate(resolve));
			return render();
		}).finally(() => {
			if (--unsettled === 0) for (const wake of waiting) wake();
		});
	};
	queue.idle = (atMostMs: number): Promise<void> => {
		if (unsettled === 0) return Promise.resolve();
		return new Promise((resolve) => {
			const wake = () => {
				clearTimeout(timer);
				waiting.delete(wake);
				resolve();
			};
			const timer = setTimeout(wake, atMostMs);
			waiting.add(wake);
		});
	};
	return queue;
}

/** The server's queue: the pages hooks.server.ts renders, which downloads give way to. */
export const pageRenders = renderQueue();

/**
 * What a long task awaits between two steps to let the pages `queue` has waiting go first: each wait lasts
 * until the queue is idle, or `eachMs` at most; once the waits add up to `inAllMs`, the task goes on at once
 * (taking turns with the renders). Its own delay is bounded, whatever the load.
 */
export function givingWay(
	limits: { eachMs: number; inAllMs: number },
	queue: RenderQueue = pageRenders
): () => Promise<void> {
	let waited = 0;
	return async () => {
		const left = Math.min(limits.eachMs, limits.inAllMs - waited);
		if (left <= 0) return;
		const started = performance.now();
		await queue.idle(left);
		waited += performance.now() - started;
	};
}
