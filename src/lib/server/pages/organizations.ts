/**
 * What `/organizations` answers: the organization picker's whole tree, which the picker fetches when a
 * person first opens it. Pages send only the chain to their selection: the whole tree was 13 KB of data
 * and 200 <option>s rendered in every city page, for a picker most views never open.
 */
import { json } from '@sveltejs/kit';
import type { DB } from '../db';
import { filtersAndScope } from './request';
import { readableTree } from '../auth/reading';
import * as organizations from '../queries/organizations';

/** The tree as JSON, cut to what the account may read; `org` keeps a province's chain to the selection. */
export async function loadOrganizationChoices(db: DB, url: URL, locals: App.Locals): Promise<Response> {
	const { scope } = await filtersAndScope(db, url, locals);
	return json(readableTree(await organizations.listOrganizationTree(db, scope, true), locals.readable));
}
