import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/app';
import { loadTaskPage } from '$lib/server/pages/tasks';
import { confirmablePlans, confirmSelected } from '$lib/server/staff/confirm-status';

export const load: PageServerLoad = async ({ url, locals }) => {
	const page = await loadTaskPage(getDb(), url, locals);
	const planIds = 'rows' in page ? page.rows.map((row) => row.planId) : [];
	return { ...page, confirmablePlanIds: await confirmablePlans(getDb(), locals.user, planIds) };
};

export const actions: Actions = {
	confirm: (event) => confirmSelected(getDb(), event)
};
