/**
 * What every page loader does first: parse the URL into filters (and, for task tables, the table's
 * sort/dir/page/size) and resolve their scope. A bad value stops the request with 400 naming the
 * parameter — here, once, for every route.
 */
import { error } from '@sveltejs/kit';
import { limitFilters } from '../auth/reading';
import { FilterError, parseFilters, type Filters } from '../../filters';
import { parseTableParams, type TableParams } from '../../table-params';
import type { DB } from '../db';
import { resolveOrganizations, resolveScope, type NamedOrganizations } from '../queries/scope';
import { frozen, readAtVersion, versionOf } from '../queries/scope-memo';
import { VersionedCache } from '../list-cache';
import type { Scope } from '../../types/scope';

/** Every page loader's signature: the database, the request's URL (path and query) and its locals. */
export type PageLoader<T> = (db: DB, url: URL, locals: App.Locals) => Promise<T>;

/** Runs a parse that may throw FilterError; a FilterError becomes a 400 with its message. */
export async function parseOr400<T>(parse: () => T | Promise<T>): Promise<T> {
	try {
		return await parse();
	} catch (e) {
		if (e instanceof FilterError) throw400(e);
		throw e;
	}
}

/** Stops the request with 400; the error page words the kind in the reader's language. */
export function throw400(e: FilterError): never {
	error(400, { message: e.message, param: e.param, kind: e.kind, values: e.values });
}

/**
 * Parses the URL's filters and resolves their scope, or stops the request with 400 — and, when reading
 * needs an account (JINDU_READ=login), keeps it inside what the account may read (the one place every
 * page's scope is limited; see src/lib/server/auth/reading.ts).
 */
export async function filtersAndScope(
	db: DB,
	url: URL,
	locals: App.Locals
): Promise<{ filters: Filters; scope: Scope }> {
	const parsed = await parseOr400(() => parseFilters(url.searchParams));
	return limitFilters(parsed, locals.readable, (filters) => parseOr400(() => scopeAt(db, filters, locals.dataVersion)));
}

/** Scopes resolved at a data version, by the filters they read (see queries/scope-memo.ts). */
const scopes = new VersionedCache<Scope>(256);
/**
 * The organizations of those scopes, by `org` alone: a city's 200 units each have a dozen periods, more scopes
 * than `scopes` keeps, and a unit's lookup and subtree are the same in all of them. Weighed by their subtrees' ids.
 */
const named = new VersionedCache<NamedOrganizations>(1024, 200_000, (set) => set.organizationIds?.length ?? 1);

/**
 * The filters' scope, marked as read at the request's data version; resolved once per version for the
 * filters it reads (pages with other task filters or another table page share it). Each request gets its
 * own copy: answers kept for one request's scope object must not be another's.
 */
async function scopeAt(db: DB, filters: Filters, version: number | undefined): Promise<Scope> {
	if (version === undefined) return resolveScope(db, filters);
	const at = versionOf(db, version);
	const key = JSON.stringify([filters.org, filters.year, filters.quarter, filters.months, filters.since]);
	const scope = await scopes.get(key, at, async () => {
		const organizations = await named.get(JSON.stringify(filters.org), at, () =>
			resolveOrganizations(db, filters.org).then(frozen)
		);
		return frozen(await resolveScope(db, filters, organizations));
	});
	return readAtVersion({ ...scope }, db, version);
}

/** A task table view (`/tasks`, a task page, an export): the filters, their scope and the table's parameters. */
export interface TaskView {
	filters: Filters;
	scope: Scope;
	table: TableParams;
}

export async function parseTaskView(db: DB, url: URL, locals: App.Locals): Promise<TaskView> {
	const table = await parseOr400(() => parseTableParams(url.searchParams));
	return { ...(await filtersAndScope(db, url, locals)), table };
}

/** A numeric id in a path segment (`/tasks/12`), or null: ids are never parsed from anything longer. */
export function pathId(url: URL, segment: number): number | null {
	const value = url.pathname.split('/')[segment] ?? '';
	return /^\d{1,15}$/.test(value) ? Number(value) : null;
}
