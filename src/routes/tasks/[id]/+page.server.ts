import type { Actions, PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { loadTaskDetailPage } from '$lib/server/pages/task-detail';
import { confirmTaskStatus, mayConfirmPlan } from '$lib/server/staff/confirm-status';
import { pathId } from '$lib/server/pages/request';

export const load: PageServerLoad = async ({ url, locals }) => {
	const page = await loadTaskDetailPage(getDb(), url, locals);
	return { ...page, mayConfirm: await mayConfirmPlan(getDb(), locals.user, page.task.planId) };
};

export const actions: Actions = {
	confirm: (event) => {
		const id = pathId(event.url, 2);
		if (id === null) error(404, 'no such task');
		return confirmTaskStatus(getDb(), event, id);
	}
};
