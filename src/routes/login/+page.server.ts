import type { Actions, PageServerLoad } from './$types';
import { getDb, isReadOnly } from '$lib/server/app';
import { log } from '$lib/server/log';
import { loginAction, loginTarget } from '$lib/server/pages/login';

export const load: PageServerLoad = ({ url, locals }) => ({
	next: loginTarget(url.searchParams.get('next'), url),
	signedInAs: locals.user?.name ?? null
});

export const actions: Actions = {
	default: (event) => loginAction(getDb(), log, event, isReadOnly())
};
