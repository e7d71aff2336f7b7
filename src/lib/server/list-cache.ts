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
	#entries = new Map<string, Kept<T>>();
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
		let kept = this.#entries.get(key);
		if (kept) {
			// Most recently used last: the least recently used go first.
			this.#entries.delete(key);
		} else {
			const loading = load();
			const entry: Kept<T> = (kept = { loading });
			loading.then(
				(value) => this.#loaded(key, entry, value),
				() => {
					if (this.#entries.get(key) === entry) this.#forget(key);
				}
			);
		}
		this.#entries.set(key, kept);
		this.#trim();
		return kept.loading ?? Promise.resolve(kept.value as T);
	}

	get size(): number {
		return this.#entries.size;
	}

	/** Keeps a loaded answer's value in place of its promise, and counts its weight, if it is still kept for its key. */
	#loaded(key: string, entry: Kept<T>, value: T): void {
		if (this.#entries.get(key) !== entry) return;
		entry.value = value;
		entry.loading = null;
		const weight = this.weigh(value);
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

/**
 * One kept answer: its promise while it loads, then its value alone. A promise made while a request is
 * served holds that request's async context (AsyncLocalStorage, where Kit keeps the request's event: its
 * IncomingMessage, URL, headers and locals) for as long as the promise lives; kept across requests, every
 * answer would keep the request that first asked it alive (≈ 1 500 of them in a worker after 4 000 pages),
 * and each major garbage collection would mark them all again.
 */
interface Kept<T> {
	loading: Promise<T> | null;
	value?: T;
}
