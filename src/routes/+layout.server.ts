import type { LayoutServerLoad } from './$types';

/** The language, and who is signed in (the header shows the name, a logout button, and the admin's pages). */
export const load: LayoutServerLoad = ({ locals }) => ({
	lang: locals.lang,
	account: locals.user
		? {
				name: locals.user.name,
				displayName: locals.user.displayName,
				isAdmin: locals.user.grants.some((g) => g.role === 'admin')
			}
		: null
});
