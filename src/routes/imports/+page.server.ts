import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/app';
import { loadImportHistory, withdrawAction } from '$lib/server/staff/import-history';

export const load: PageServerLoad = (event) => loadImportHistory(getDb(), event);

export const actions: Actions = {
	withdraw: (event) => withdrawAction(getDb(), event)
};
