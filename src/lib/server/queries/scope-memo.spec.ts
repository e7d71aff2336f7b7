import { describe, expect, it } from 'vitest';
import { memoOnScope } from './scope-memo';

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
});
