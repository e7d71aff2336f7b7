import { describe, expect, it } from 'vitest';
import { RoundRobin } from './balance.js';

/** The workers `n` connections go to, in order. */
function hand(turns: RoundRobin, n: number): (number | null)[] {
	return Array.from({ length: n }, () => turns.take());
}

describe('connections to the workers in turn', () => {
	it('gives 32 users connecting at once 16 each, whatever came before', () => {
		const turns = new RoundRobin();
		turns.add(1);
		turns.add(2);
		hand(turns, 3);
		const counts = new Map<number | null, number>();
		for (const worker of hand(turns, 32)) counts.set(worker, (counts.get(worker) ?? 0) + 1);
		expect(Object.fromEntries(counts)).toEqual({ 1: 16, 2: 16 });
	});

	it('skips a worker that stopped and takes in its replacement', () => {
		const turns = new RoundRobin();
		for (const worker of [1, 2, 3]) turns.add(worker);
		expect(hand(turns, 2)).toEqual([1, 2]);
		turns.remove(2);
		expect(hand(turns, 4)).toEqual([3, 1, 3, 1]);
		turns.add(4);
		turns.add(4);
		expect(turns.size).toBe(3);
		expect(hand(turns, 3)).toEqual([3, 4, 1]);
		turns.remove(1);
		turns.remove(7);
		expect(hand(turns, 3)).toEqual([3, 4, 3]);
	});

	it('has no worker to give before one is ready, or once all have stopped', () => {
		const turns = new RoundRobin();
		expect(turns.take()).toBeNull();
		turns.add(5);
		expect(hand(turns, 2)).toEqual([5, 5]);
		turns.remove(5);
		expect(turns.take()).toBeNull();
	});
});
