import { AsyncLocalStorage } from 'node:async_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { VersionedCache } from './list-cache';

/** V8's collector, asked for by this test alone (Node starts without --expose-gc). */
function collectGarbage(): void {
	setFlagsFromString('--expose-gc');
	(runInNewContext('gc') as () => void)();
}

describe('VersionedCache', () => {
	it('answers a key again without loading it, until the data version changes', async () => {
		const cache = new VersionedCache<number[]>();
		const load = vi.fn(async () => [1, 2, 3]);
		expect(await cache.get('list', 7, load)).toEqual([1, 2, 3]);
		expect(await cache.get('list', 7, load)).toEqual([1, 2, 3]);
		expect(load).toHaveBeenCalledTimes(1);
		await cache.get('list', 8, load);
		expect(load).toHaveBeenCalledTimes(2);
		expect(cache.size).toBe(1);
	});

	it('keeps the most recently used keys', async () => {
		const cache = new VersionedCache<string>(2);
		const load = (value: string) => vi.fn(async () => value);
		await cache.get('a', 1, load('a'));
		await cache.get('b', 1, load('b'));
		await cache.get('a', 1, load('a again'));
		await cache.get('c', 1, load('c'));
		expect(await cache.get('a', 1, load('a reloaded'))).toBe('a');
		expect(await cache.get('b', 1, load('b reloaded'))).toBe('b reloaded');
	});

	it('does not keep a failed load: the next request tries again', async () => {
		const cache = new VersionedCache<number>();
		await expect(cache.get('k', 1, () => Promise.reject(new Error('database is locked')))).rejects.toThrow('locked');
		expect(await cache.get('k', 1, async () => 42)).toBe(42);
	});

	it('keeps answers up to a total weight, the least recently used going first, and none heavier than it', async () => {
		const cache = new VersionedCache<number[]>(100, 5, (rows) => rows.length);
		const rows = (n: number) => async () => Array.from({ length: n }, (_, i) => i);
		await cache.get('three', 1, rows(3));
		await cache.get('two', 1, rows(2));
		await cache.get('three', 1, rows(3));
		await cache.get('one', 1, rows(1));
		// 3 + 2 + 1 > 5: the least recently used (two) went, and is loaded again.
		expect(await cache.get('two', 1, rows(4))).toHaveLength(4);
		// 3 + 1 + 4 > 5: three went.
		expect(await cache.get('three', 1, rows(0))).toHaveLength(0);
		expect(await cache.get('one', 1, rows(9))).toHaveLength(1);
		// Heavier than all: answered, not kept, and nothing else goes for it.
		expect(await cache.get('big', 1, rows(6))).toHaveLength(6);
		expect(await cache.get('big', 1, rows(0))).toHaveLength(0);
		expect(await cache.get('one', 1, rows(9))).toHaveLength(1);
	});

	it('keeps the answer and not the request that loaded it', async () => {
		// Kit serves each request inside an AsyncLocalStorage, and a promise made there holds its store
		// (the request's event) while the promise lives: a kept promise would keep its request too.
		const requests = new AsyncLocalStorage<object>();
		const cache = new VersionedCache<number>();
		let served: WeakRef<object> | undefined;
		await (async () => {
			const request = { url: '/tasks', body: new Array(10_000).fill('行') };
			served = new WeakRef(request);
			expect(await requests.run(request, () => cache.get('count', 1, async () => 42))).toBe(42);
		})();
		await new Promise((resolve) => setImmediate(resolve));
		collectGarbage();
		expect(served!.deref()).toBeUndefined();
		const load = vi.fn(async () => 0);
		expect(await cache.get('count', 1, load)).toBe(42);
		expect(load).not.toHaveBeenCalled();
	});
});
