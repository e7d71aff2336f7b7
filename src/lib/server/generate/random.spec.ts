import { describe, expect, it } from 'vitest';
import { hashSeed, Random } from './random';

describe('Random', () => {
	it('repeats its sequence for the same seed and keys, and differs for other keys', () => {
		const draw = (r: Random) => Array.from({ length: 5 }, () => r.next());
		expect(draw(Random.for('1', 'plan', 3, 2024))).toEqual(draw(Random.for('1', 'plan', 3, 2024)));
		expect(draw(Random.for('1', 'plan', 3, 2024))).not.toEqual(draw(Random.for('1', 'plan', 3, 2023)));
		expect(draw(Random.for('1', 'plan', 3, 2024))).not.toEqual(draw(Random.for('2', 'plan', 3, 2024)));
	});

	it('keeps draws in range', () => {
		const r = new Random(hashSeed('range'));
		for (let i = 0; i < 2000; i++) {
			const x = r.next();
			expect(x >= 0 && x < 1).toBe(true);
			const n = r.int(10, 12);
			expect([10, 11, 12]).toContain(n);
		}
	});

	it('picks by weight and shuffles without losing items', () => {
		const r = new Random(7);
		const counts = { a: 0, b: 0 };
		for (let i = 0; i < 4000; i++)
			counts[
				r.weighted([
					['a', 3],
					['b', 1]
				] as const)
			]++;
		expect(counts.a / 4000).toBeGreaterThan(0.7);
		expect(counts.a / 4000).toBeLessThan(0.8);
		expect(r.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
	});
});
