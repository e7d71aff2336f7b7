/**
 * A small seeded random source for synthetic data. Math.random cannot be seeded, and the
 * generated database must be the same for the same seed, so every draw goes through here.
 */

/** FNV-1a over a key's text: a stable 32-bit seed for any seed string and path of keys. */
export function hashSeed(...parts: (string | number)[]): number {
	let hash = 0x811c9dc5;
	const text = parts.join('\u0000');
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/**
 * mulberry32: fast, 32-bit state, good enough for shuffling vocabulary. Streams are derived
 * from (seed, keys) rather than from each other, so one organization's data does not depend on
 * how many numbers another one drew — and a change to one part of the generator leaves the
 * others' data as it was.
 */
export class Random {
	#state: number;

	constructor(seed: number) {
		this.#state = seed >>> 0;
	}

	/** A stream for one part of the data: `Random.for(seed, 'plan', orgIndex, year)`. */
	static for(seed: string, ...keys: (string | number)[]): Random {
		return new Random(hashSeed(seed, ...keys));
	}

	/** Uniform in [0, 1). */
	next(): number {
		let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An integer in [min, max], both included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** Uniform in [min, max). */
	between(min: number, max: number): number {
		return min + this.next() * (max - min);
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick from an empty list');
		return items[Math.floor(this.next() * items.length)];
	}

	/** One of `items` with probability proportional to its weight. */
	weighted<T>(items: readonly (readonly [T, number])[]): T {
		const total = items.reduce((sum, [, w]) => sum + w, 0);
		let r = this.next() * total;
		for (const [item, weight] of items) {
			r -= weight;
			if (r < 0) return item;
		}
		return items[items.length - 1][0];
	}

	/** A shuffled copy (Fisher–Yates). */
	shuffle<T>(items: readonly T[]): T[] {
		const out = [...items];
		for (let i = out.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[out[i], out[j]] = [out[j], out[i]];
		}
		return out;
	}
}
