import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { isLang } from '$lib/i18n';

/**
 * Sets the UI language cookie and returns to the page the switch was pressed on. A GET link,
 * not a form: a language preference is harmless to set from anywhere, and a POST would need
 * ORIGIN configured on every plain-HTTP intranet server to pass the CSRF check.
 */
export const GET: RequestHandler = ({ url, cookies }) => {
	const lang = url.searchParams.get('to');
	if (!isLang(lang)) error(400, `to: unknown language "${String(lang)}" (zh or en)`);
	cookies.set('lang', lang, { path: '/', maxAge: 60 * 60 * 24 * 365, httpOnly: false, sameSite: 'lax' });
	const back = url.searchParams.get('back') ?? '/';
	// Only same-site paths: never an open redirect.
	redirect(303, back.startsWith('/') && !back.startsWith('//') && !back.startsWith('/\\') ? back : '/');
};
