/**
 * Loader-side parsing of a task table view (`/tasks`, a task page, an export): the shared
 * filters and their scope, plus the table's sort/dir/page/size. Bad values are a 400 that
 * names the parameter.
 */
import { error } from '@sveltejs/kit';
import { FilterError, type Filters } from '../filters';
import { parseTableParams, type TableParams } from '../table-params';
import type { DB } from './db';
import { filtersAndScope } from './filters';
import type { Scope } from './queries/scope';

export interface TaskView {
	filters: Filters;
	scope: Scope;
	table: TableParams;
}

export async function parseTaskView(db: DB, url: URL): Promise<TaskView> {
	let table: TableParams;
	try {
		table = parseTableParams(url.searchParams);
	} catch (e) {
		if (e instanceof FilterError) error(400, e.message);
		throw e;
	}
	return { ...(await filtersAndScope(db, url)), table };
}
