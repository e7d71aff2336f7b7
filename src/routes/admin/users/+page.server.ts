import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/app';
import {
	addAccountAction,
	changeAccountAction,
	loadAdminUsersPage,
	setDisabledAction
} from '$lib/server/pages/admin-users';

export const load: PageServerLoad = ({ url, locals }) => loadAdminUsersPage(getDb(), url, locals);

export const actions: Actions = {
	add: (event) => addAccountAction(getDb(), event),
	change: (event) => changeAccountAction(getDb(), event),
	disable: (event) => setDisabledAction(getDb(), event, true),
	enable: (event) => setDisabledAction(getDb(), event, false)
};
