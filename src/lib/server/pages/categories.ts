/**
 * What `/categories` answers: the category picker's whole list for a scope and period, which the picker fetches
 * when a person first opens it. Pages send only the picked category: a province's 210 categories were 35 KB of
 * <option>s ahead of the overview's first chart in every page, and their names again in its data.
 */
import { json } from '@sveltejs/kit';
import type { DB } from '../db';
import { filtersAndScope } from './request';
import * as organizations from '../queries/organizations';

/** The categories of the scope's period (the latest with data unless the URL names one), in report order. */
export async function loadCategoryChoices(db: DB, url: URL, locals: App.Locals): Promise<Response> {
	const { scope } = await filtersAndScope(db, url, locals);
	return json(scope.period ? await organizations.listCategoryNames(db, scope, scope.period.id) : []);
}
