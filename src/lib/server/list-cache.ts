/**
 * Answers kept per data version, for the loaders: the version is read from the database on every
 * cacheable request (hooks.server.ts) and every write transaction bumps it, so an answer kept for
 * version N is exact until N+1 — an import by the CLI in another process is seen at once.
 *
 * What it keeps is the order of the lists task pages are opened from: staff step through one list task
 * by task (previous / next), and each task page needs the whole list's order — a province's period is
 * 50 000 tasks, ~30 ms to sort — though the list is the same from one task to the next.
 */
export class VersionedCache<T> {
	#entries = new Map<string, Promise<T>>();
	#version: number | string = -1;

	constructor(readonly maxEntries = 16) {}

	/** The answer kept for `key` at `version`, or `load`'s (kept unless it fails). */
	get(key: string, version: number | string, load: () => Promise<T>): Promise<T> {
		if (version !== this.#version) {
			this.#entries.clear();
			this.#version = version;
		}
		let answer = this.#entries.get(key);
		if (answer) {
			// Most recently used last: the least recently used go first.
			this.#entries.delete(key);
		} else {
			answer = load();
			answer.catch(() => {
				if (this.#entries.get(key) === answer) this.#entries.delete(key);
			});
		}
		this.#entries.set(key, answer);
		while (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
		return answer;
	}

	get size(): number {
		return this.#entries.size;
	}
}
