/**
 * Answers kept per data version, for the loaders: the version is read from the database on every
 * cacheable request (hooks.server.ts) and every write transaction bumps it, so an answer kept for
 * version N is exact until N+1 — an import by the CLI in another process is seen at once.
 *
 * It keeps the order of the lists task pages are opened from (staff step through one list task by task,
 * and each task page needs the whole list's order — a province's period is 50 000 tasks, ~30 ms to sort),
 * and the answers queries/scope-memo.ts keeps across requests.
 */
export class VersionedCache<T> {
	#entries = new Map<string, Promise<T>>();
	#weights = new Map<string, number>();
	#weight = 0;
	#version: number | string = -1;

	/**
	 * At most `maxEntries` answers, and at most `maxWeight` in all by `weigh` (rows, say: one province count
	 * can be thousands of rows) — the least recently used go first, and an answer heavier than that is not kept.
	 */
	constructor(
		readonly maxEntries = 16,
		readonly maxWeight = Infinity,
		readonly weigh: (answer: T) => number = () => 0
	) {}

	/** The answer kept for `key` at `version`, or `load`'s (kept unless it fails). */
	get(key: string, version: number | string, load: () => Promise<T>): Promise<T> {
		if (version !== this.#version) {
			this.#entries.clear();
			this.#weights.clear();
			this.#weight = 0;
			this.#version = version;
		}
		let answer = this.#entries.get(key);
		if (answer) {
			// Most recently used last: the least recently used go first.
			this.#entries.delete(key);
		} else {
			const loading = (answer = load());
			loading.then(
				(value) => this.#weighed(key, loading, this.weigh(value)),
				() => {
					if (this.#entries.get(key) === loading) this.#forget(key);
				}
			);
		}
		this.#entries.set(key, answer);
		this.#trim();
		return answer;
	}

	get size(): number {
		return this.#entries.size;
	}

	/** Counts a loaded answer's weight, if it is still the one kept for its key. */
	#weighed(key: string, answer: Promise<T>, weight: number): void {
		if (this.#entries.get(key) !== answer) return;
		// Heavier than all that may be kept: dropped alone, rather than after everything else.
		if (weight > this.maxWeight) return this.#forget(key);
		this.#weights.set(key, weight);
		this.#weight += weight;
		this.#trim();
	}

	#trim(): void {
		while (this.#entries.size > this.maxEntries || this.#weight > this.maxWeight)
			this.#forget(this.#entries.keys().next().value!);
	}

	#forget(key: string): void {
		this.#entries.delete(key);
		this.#weight -= this.#weights.get(key) ?? 0;
		this.#weights.delete(key);
	}
}
