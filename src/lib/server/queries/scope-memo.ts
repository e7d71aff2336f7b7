/**
 * Answers kept on a scope. A page that asks the same question of its scope twice (the overview's numbers
 * and its comparison, its trend line and its period counts) reads the database once.
 *
 * A scope read at a data version (`readAtVersion`: a cacheable request, whose version hooks.server.ts reads
 * as the page cache does) keeps its answers across requests and workers' pages until the version changes:
 * they depend on the data alone, and every write transaction bumps the version, so an answer kept for
 * version N is exact until N+1 — after an import by any process, the next request reads afresh. Pages
 * with other filters share them (every `/tasks` view of a city asks the same periods and rollup counts).
 * Each page still runs its loader and renders: this is not the page cache. Kept answers are frozen, since
 * other requests read them too, and each memo keeps at most `maxEntries` of them.
 */
import { VersionedCache } from '../list-cache';

interface Reading {
	/** The database and its data version, as one token: an answer of one database never answers another. */
	version: string;
	/** What of the scope an answer may depend on: its named organizations, their subtrees, its periods. */
	key: string;
}

const readings = new WeakMap<object, Reading>();
const databases = new WeakMap<object, number>();
let databaseCount = 0;

/**
 * Marks `scope` as read from `db` at data version `version`, so memos may keep its answers across requests;
 * no version (a page the cache does not keep, a test, a command) leaves it to one request. Returns the scope.
 */
export function readAtVersion<S extends ScopeLike>(scope: S, db: object, version: number | undefined): S {
	if (version !== undefined) readings.set(scope, { version: versionOf(db, version), key: scopeKey(scope) });
	return scope;
}

/** A database's data version as one token, for a VersionedCache that several databases (tests) may share. */
export function versionOf(db: object, version: number): string {
	if (!databases.has(db)) databases.set(db, ++databaseCount);
	return `${databases.get(db)}:${version}`;
}

/** Marks a scope built from another (a compared child) as read at the other's version, if it was. */
export function readLike<S extends ScopeLike>(scope: S, from: object): S {
	const reading = readings.get(from);
	if (reading) readings.set(scope, { version: reading.version, key: scopeKey(scope) });
	return scope;
}

/** The fields of a Scope an answer may depend on (every field but the organizations' names). */
interface ScopeLike {
	organizations: { id: number }[];
	organizationIds: number[] | null;
	excludedOrganizationIds?: number[];
	period: { id: number } | null;
	since?: { id: number } | null;
}

function scopeKey(scope: ScopeLike): string {
	return JSON.stringify([
		scope.organizations.map((o) => o.id),
		scope.organizationIds,
		scope.excludedOrganizationIds ?? [],
		scope.period?.id ?? null,
		// A scope built by hand has no `since` (every change unknown), unlike one whose year has no earlier period.
		scope.since === undefined ? 'none' : (scope.since?.id ?? null)
	]);
}

/**
 * A kept answer's key for a question about a scope's organizations (whatever its period or filters), with the
 * question's own inputs after them: the key memoOnData needs, which must name every input of the answer.
 */
export function organizationsKey(
	scope: Pick<ScopeLike, 'organizationIds' | 'excludedOrganizationIds'>,
	...inputs: unknown[]
): string {
	return JSON.stringify([scope.organizationIds, scope.excludedOrganizationIds ?? [], ...inputs]);
}

/** Deep-freezes a kept answer: another request mutating it would change what every later page shows. */
export function frozen<V>(value: V): V {
	if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
	for (const inner of Object.values(value)) frozen(inner);
	return Object.freeze(value);
}

/** Rows one memo keeps in all (≈ 150 bytes each): a province's whole-scope counts by category are thousands. */
const MAX_KEPT_ROWS = 50_000;

/** Kept answers, weighed in rows: an array's length, anything else one. */
function keptAnswers<V>(maxEntries: number): VersionedCache<V> {
	return new VersionedCache<V>(maxEntries, MAX_KEPT_ROWS, (answer) => (Array.isArray(answer) ? answer.length : 1));
}

/** A memo of one question: on a scope read at a version, kept across requests; on any other, for its request. */
export function memoOnScope<V>(
	maxEntries = 256
): (scope: object, key: string | number, compute: () => Promise<V>) => Promise<V> {
	const answers = new WeakMap<object, Map<string | number, Promise<V>>>();
	const kept = keptAnswers<V>(maxEntries);
	return (scope, key, compute) => {
		const reading = readings.get(scope);
		if (reading) return kept.get(`${reading.key}|${key}`, reading.version, () => compute().then(frozen));
		let asked = answers.get(scope);
		if (!asked) answers.set(scope, (asked = new Map()));
		let answer = asked.get(key);
		if (!answer) asked.set(key, (answer = compute()));
		return answer;
	};
}

/**
 * A memo of an answer that depends on the data and on what `key` names alone (not on the rest of the
 * scope): across requests when the scope was read at a version, so scopes that differ elsewhere (another
 * period, another organization of the same rollup rows) share it; else asked afresh. The caller's key
 * must name every input of the answer.
 */
export function memoOnData<V>(maxEntries = 256): (scope: object, key: string, compute: () => Promise<V>) => Promise<V> {
	const kept = keptAnswers<V>(maxEntries);
	return (scope, key, compute) => {
		const reading = readings.get(scope);
		return reading ? kept.get(key, reading.version, () => compute().then(frozen)) : compute();
	};
}
