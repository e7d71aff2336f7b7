import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { isLang } from '$lib/i18n';

/** Sets the UI language cookie and returns to the page the switch was pressed on. */
export const POST: RequestHandler = async ({ request, cookies }) => {
	const form = await request.formData();
	const lang = form.get('lang');
	if (!isLang(lang)) error(400, `unknown language: ${String(lang)}`);
	cookies.set('lang', lang, { path: '/', maxAge: 60 * 60 * 24 * 365, httpOnly: false, sameSite: 'lax' });
	const back = String(form.get('back') ?? '/');
	// Only same-site paths: never an open redirect.
	redirect(303, back.startsWith('/') && !back.startsWith('//') ? back : '/');
};
