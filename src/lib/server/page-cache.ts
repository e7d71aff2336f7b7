/**
 * Rendered pages kept in memory, keyed by the data version that every write transaction bumps
 * (status_rollups' data_version, migration 0010). The data only changes when a report is
 * imported, so a page rendered for version N is exact until version N+1 — and since the
 * version is read from the database on every request, an import by the CLI in another process
 * is seen at once: no stale page is ever served.
 */
export interface CachedPage {
	status: number;
	headers: [string, string][];
	body: Uint8Array<ArrayBuffer>;
}

/** A small LRU map: the most recently used entries stay. */
export class PageCache {
	#entries = new Map<string, CachedPage>();
	#version = -1;

	constructor(
		readonly maxEntries = 500,
		readonly maxBytes = 2 * 1024 * 1024
	) {}

	/** Forget everything rendered for another data version. */
	#sync(version: number): void {
		if (version !== this.#version) {
			this.#entries.clear();
			this.#version = version;
		}
	}

	get(key: string, version: number): CachedPage | undefined {
		this.#sync(version);
		const hit = this.#entries.get(key);
		if (hit) {
			this.#entries.delete(key);
			this.#entries.set(key, hit);
		}
		return hit;
	}

	set(key: string, version: number, page: CachedPage): void {
		this.#sync(version);
		if (page.body.byteLength > this.maxBytes) return;
		this.#entries.set(key, page);
		while (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
	}

	get size(): number {
		return this.#entries.size;
	}
}

/** The validator for a page: it changes with the build, the data and the UI language. */
export function pageEtag(build: string, version: number, lang: string): string {
	return `W/"${build}-${version}-${lang}"`;
}

/** Whether an If-None-Match header names this ETag (a list, or *). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	return ifNoneMatch
		.split(',')
		.map((t) => t.trim())
		.some((t) => t === '*' || t === etag || t.replace(/^W\//, '') === etag.replace(/^W\//, ''));
}
