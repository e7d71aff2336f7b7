import { error, redirect } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { env } from '$env/dynamic/private';
import type { RequestHandler } from './$types';
import { isLang } from '$lib/i18n';
import { sameOriginPath } from '$lib/redirect-target';
import { isHttpsRequest } from './https';

/**
 * Sets the UI language cookie and returns to the page the switch was pressed on. A GET link,
 * not a form: a language preference is harmless to set from anywhere, and a POST would need
 * ORIGIN configured on every plain-HTTP intranet server to pass the CSRF check.
 */
export const GET: RequestHandler = ({ url, cookies, platform }) => {
	const lang = url.searchParams.get('to');
	if (!isLang(lang)) error(400, `to: unknown language "${String(lang)}" (zh or en)`);
	const configured = dev || Boolean(env.ORIGIN || env.PROTOCOL_HEADER);
	cookies.set('lang', lang, {
		path: '/',
		maxAge: 60 * 60 * 24 * 365,
		httpOnly: false,
		sameSite: 'lax',
		secure: isHttpsRequest(url, platform, configured)
	});
	redirect(303, sameOriginPath(url.searchParams.get('back'), url.origin));
};
