/**
 * Loader-side filter parsing: bad values become a 400 that names the parameter.
 */
import { error } from '@sveltejs/kit';
import { FilterError, parseFilters, type Filters } from '../filters';
import type { DB } from './db';
import { resolveScope, type Scope } from './queries/scope';

/** Parses the URL's filters and resolves their scope, or stops the request with 400. */
export async function filtersAndScope(db: DB, url: URL): Promise<{ filters: Filters; scope: Scope }> {
	try {
		const filters = parseFilters(url.searchParams);
		return { filters, scope: await resolveScope(db, filters) };
	} catch (e) {
		if (e instanceof FilterError) error(400, e.message);
		throw e;
	}
}
