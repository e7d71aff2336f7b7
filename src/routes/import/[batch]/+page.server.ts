import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/app';
import { confirmImport, discardImport, loadPreviews } from '$lib/server/staff/web-import';

export const load: PageServerLoad = (event) => loadPreviews(getDb(), event, event.params.batch);

export const actions: Actions = {
	confirm: (event) => confirmImport(getDb(), event, event.params.batch),
	discard: (event) => discardImport(getDb(), event)
};
