import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { version as build } from '$app/environment';
import { randomUUID } from 'node:crypto';
import { getDb, initDatabase } from '$lib/server/app';
import { PageCache, etagMatches, pageEtag } from '$lib/server/page-cache';
import { getDataVersion } from '$lib/server/queries/rollups';
import { isLang, languageFromCookie } from '$lib/i18n';

export const init: ServerInit = async () => {
	await initDatabase();
};

const pages = new PageCache();

/** Pages and their data: GET, and not the language switch (it sets a cookie) or file downloads. */
function isCacheable(event: RequestEvent): boolean {
	const path = event.url.pathname;
	return event.request.method === 'GET' && path !== '/lang' && !path.startsWith('/tasks/export');
}

export const handle: Handle = async ({ event, resolve }) => {
	// ?lang= in a shared link wins for that page; otherwise the cookie the switch sets.
	const asked = event.url.searchParams.get('lang');
	const lang = isLang(asked) ? asked : languageFromCookie(event.cookies.get('lang'));
	event.locals.lang = lang;
	const render = () =>
		resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang === 'zh' ? 'zh-CN' : 'en') });
	if (!isCacheable(event)) return render();

	// The data changes only when a report is imported, which bumps the version (in any process).
	const dataVersion = await getDataVersion(getDb());
	const etag = pageEtag(build, dataVersion, lang);
	const validators = { etag, 'cache-control': 'no-cache', vary: 'Cookie' };
	if (etagMatches(event.request.headers.get('if-none-match'), etag))
		return new Response(null, { status: 304, headers: validators });

	// The request's own URL: event.url is normalised, so /tasks/__data.json (client-side navigation)
	// would share the page's key and a reload could be answered with the JSON.
	const requested = new URL(event.request.url);
	const key = `${requested.pathname}${requested.search}|${lang}`;
	const hit = pages.get(key, dataVersion);
	if (hit) return new Response(hit.body.slice(), { status: hit.status, headers: hit.headers });

	const response = await render();
	const type = response.headers.get('content-type') ?? '';
	if (
		response.status !== 200 ||
		response.headers.has('set-cookie') ||
		!/^(text\/html|application\/json|text\/plain)/.test(type)
	)
		return response;
	const body = new Uint8Array(await response.arrayBuffer());
	const headers = new Headers(response.headers);
	for (const [name, value] of Object.entries(validators)) headers.set(name, value);
	const entries = [...headers.entries()];
	pages.set(key, dataVersion, { status: 200, headers: entries, body });
	return new Response(body.slice(), { status: 200, headers: entries });
};

/** Logs unexpected errors with an id the user can quote; the page shows only the id. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	const id = randomUUID().slice(0, 8);
	if (status !== 404) console.error(`[jindu] error ${id} on ${event.url.pathname}:`, error);
	return { message: status === 404 ? 'Not found' : 'Internal error', id };
};
