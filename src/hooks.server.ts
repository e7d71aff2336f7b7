import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { initDatabase } from '$lib/server/app';
import { isLang, languageFromCookie } from '$lib/i18n';

export const init: ServerInit = async () => {
	await initDatabase();
};

export const handle: Handle = async ({ event, resolve }) => {
	// ?lang= in a shared link wins for that page; otherwise the cookie the switch sets.
	const asked = event.url.searchParams.get('lang');
	const lang = isLang(asked) ? asked : languageFromCookie(event.cookies.get('lang'));
	event.locals.lang = lang;
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang === 'zh' ? 'zh-CN' : 'en') });
};

/** Logs unexpected errors with an id the user can quote; the page shows only the id. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	const id = randomUUID().slice(0, 8);
	if (status !== 404) console.error(`[jindu] error ${id} on ${event.url.pathname}:`, error);
	return { message: status === 404 ? 'Not found' : 'Internal error', id };
};
