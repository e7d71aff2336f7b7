import { describe, expect, it } from 'vitest';
import { memoOnData, memoOnScope, readAtVersion, readLike } from './scope-memo';

/** A scope of the whole database in period `period`. */
const scope = (period = 1) => ({ organizations: [], organizationIds: null, period: { id: period }, since: null });

describe('answers kept on a scope', () => {
	it('computes a question once per scope and key, and again for another scope or key', async () => {
		const memo = memoOnScope<number>();
		let computed = 0;
		const ask = (scope: object, key: string | number) => memo(scope, key, async () => ++computed);
		const first = {};
		const second = {};
		expect(await ask(first, 'a')).toBe(1);
		expect(await ask(first, 'a')).toBe(1);
		expect(await ask(first, 'b')).toBe(2);
		expect(await ask(second, 'a')).toBe(3);
		expect(computed).toBe(3);
	});

	it('keeps answers across requests for scopes read alike at one version, and not at the next', async () => {
		const memo = memoOnScope<number>();
		const db = {};
		let computed = 0;
		const ask = (s: object) => memo(s, 'q', async () => ++computed);
		expect(await ask(readAtVersion(scope(), db, 3))).toBe(1);
		expect(await ask(readAtVersion(scope(), db, 3))).toBe(1);
		expect(await ask(readAtVersion(scope(2), db, 3))).toBe(2);
		expect(await ask(readAtVersion(scope(), db, 4))).toBe(3);
		expect(await ask(readAtVersion(scope(), {}, 4))).toBe(4);
		expect(await ask(scope())).toBe(5);
	});

	it('shares an answer that depends on its key alone between scopes that differ elsewhere', async () => {
		const memo = memoOnData<string[]>();
		const db = {};
		let computed = 0;
		const ask = (s: object, key: string) => memo(s, key, async () => [`answer ${++computed}`]);
		const kept = await ask(readAtVersion(scope(1), db, 3), 'tree');
		expect(await ask(readAtVersion(scope(2), db, 3), 'tree')).toBe(kept);
		expect(await ask(readAtVersion(scope(2), db, 3), 'other')).toEqual(['answer 2']);
		expect(await ask(scope(1), 'tree')).toEqual(['answer 3']);
	});

	it('freezes a kept answer, so that no page changes what the next one reads', async () => {
		const memo = memoOnData<{ rows: number[] }>();
		const kept = await memo(readAtVersion(scope(), {}, 1), 'k', async () => ({ rows: [1, 2] }));
		expect(() => kept.rows.push(3)).toThrow(TypeError);
		const fresh = await memo(scope(), 'k', async () => ({ rows: [1, 2] }));
		fresh.rows.push(3);
		expect(fresh.rows).toEqual([1, 2, 3]);
	});

	it('keeps a scope built from a kept one (a compared child) at the same version', async () => {
		const memo = memoOnScope<number>();
		const parent = readAtVersion(scope(), {}, 1);
		let computed = 0;
		const child = () => readLike({ ...scope(), organizations: [{ id: 7 }], organizationIds: [7, 8] }, parent);
		expect(await memo(child(), 'q', async () => ++computed)).toBe(1);
		expect(await memo(child(), 'q', async () => ++computed)).toBe(1);
		expect(await memo(readLike(scope(), {}), 'q', async () => ++computed)).toBe(2);
	});
});
