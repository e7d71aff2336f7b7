import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { dev, version as build } from '$app/environment';
import { getDb, initDatabase, settings } from '$lib/server/app';
import { DatabaseError } from '$lib/server/db';
import { log } from '$lib/server/log';
import { PageCache, etagMatches, pageEtag } from '$lib/server/page-cache';
import { pageRenders } from '$lib/server/render-queue';
import { SECURITY_HEADERS, logWhenSent, requestId } from '$lib/server/request-log';
import { getDataVersion } from '$lib/server/queries/rollups';
import { isLang, languageFromCookie } from '$lib/i18n';
import { SESSION_COOKIE, userOfToken } from '$lib/server/auth/session';
import { readableOrganizations } from '$lib/server/auth/reading';
// The page's first charts are drawn on the server as SVG (EChart.svelte): its renderer is registered here only.
import '$lib/charts/echarts-svg';

/** Opens the database before the first request; a failure is one clear line and exit code 1, not a stack trace. */
export const init: ServerInit = async () => {
	try {
		await initDatabase();
	} catch (error) {
		if (error instanceof DatabaseError) log.fatal(`cannot start: ${error.message}`);
		else log.fatal({ err: error }, 'cannot start');
		if (dev) throw error;
		process.exit(1);
	}
};

const pages = new PageCache();
/** The root element as app.html writes it (Chinese, the default language), and as an English page has it. */
const ZH_ROOT = '<html lang="zh-CN">';
const EN_ROOT = '<html lang="en">';

/**
 * Pages and their data: GET, and not the language switch (it sets a cookie), file downloads or the health
 * check — nor the login, account and audit pages, nor /import's waiting uploads (a discard writes no data),
 * which change without a new data version, nor the handout (it carries the day it is made, and its PDF is
 * printed afresh for each download).
 */
const UNCACHED = ['/lang', '/healthz', '/tasks/export', '/login', '/admin', '/audit', '/import', '/report'];
function isCacheable(event: RequestEvent): boolean {
	const path = event.url.pathname;
	return event.request.method === 'GET' && !UNCACHED.some((prefix) => path.startsWith(prefix));
}

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const id = requestId(event.request.headers.get('x-request-id'));
	event.locals.requestId = id;
	const response = withHeaders(await respond(event, resolve), id);
	const facts = { id, method: event.request.method, path: event.url.pathname, started, failure: event.locals.failure };
	return logWhenSent(log, response, facts);
};

/** The response with the security headers and the request id; a copy when its headers are immutable (a proxied fetch). */
function withHeaders(response: Response, id: string): Response {
	const headers: [string, string][] = [...SECURITY_HEADERS, ['x-request-id', id]];
	try {
		for (const [name, value] of headers) response.headers.set(name, value);
		return response;
	} catch {
		const copy = new Response(response.body, response);
		for (const [name, value] of headers) copy.headers.set(name, value);
		return copy;
	}
}

async function respond(event: RequestEvent, resolve: Parameters<Handle>[0]['resolve']): Promise<Response> {
	// ?lang= in a shared link wins for that page; otherwise the cookie the switch sets.
	const asked = event.url.searchParams.get('lang');
	const lang = isLang(asked) ? asked : languageFromCookie(event.cookies.get('lang'));
	event.locals.lang = lang;
	const user = await userOfToken(getDb(), event.cookies.get(SESSION_COOKIE));
	if (user) event.locals.user = user;
	// JINDU_READ=login: an anonymous request goes to the login page (a redirect thrown here is answered by Kit).
	const readable = await readableOrganizations(getDb(), settings().read ?? 'open', event.locals.user, event.url);
	if (readable) event.locals.readable = readable;
	// app.html says the default language; only an English page has it rewritten, since the rewrite copies the
	// whole page (0.4 ms of a city overview's 13 ms, measured against a build without it).
	const render = () =>
		lang === 'zh'
			? resolve(event)
			: resolve(event, { transformPageChunk: ({ html }) => html.replace(ZH_ROOT, EN_ROOT) });
	if (!isCacheable(event)) return render();

	// The data changes only when a report is imported, which bumps the version (in any process).
	const dataVersion = await getDataVersion(getDb());
	event.locals.dataVersion = dataVersion;
	// A page differs by account (what it may see and do), so the account is part of its validator and key.
	const etag = pageEtag(build, dataVersion, event.locals.user ? `${lang}-u${event.locals.user.id}` : lang);
	const validators = { etag, 'cache-control': 'no-cache', vary: 'Cookie' };
	// Replaces Kit's, which hashes the whole page to make it (vite.config.ts kitEtagUnlessGiven).
	event.locals.etag = etag;
	if (etagMatches(event.request.headers.get('if-none-match'), etag))
		return new Response(null, { status: 304, headers: validators });

	// The request's own URL: event.url is normalised, so /tasks/__data.json (client-side navigation)
	// would share the page's key and a reload could be answered with the JSON.
	const requested = new URL(event.request.url);
	const key = `${requested.pathname}${requested.search}|${lang}|${event.locals.user?.id ?? ''}`;
	const hit = pages.get(key, dataVersion);
	// A Response copies the bytes it is given (Fetch's "extract a body"), so the kept body is never handed out.
	if (hit) return new Response(hit.body, { status: hit.status, headers: hit.headers });

	// Not in the cache: rendered one at a time, in order, with a turn of the event loop between two
	// (render-queue.ts). Cached pages do not wait, nor do the requests the cache leaves out: downloads (a long
	// export gives way to these renders between its chunks), uploads, and the PDF, which asks this server for its page.
	const response = await pageRenders(render);
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
	return new Response(body, { status: 200, headers: entries });
}

/**
 * Unexpected errors: the page shows an id the user can quote, and the log has it with the stack.
 * A 4xx that reaches here (an unknown route, a method not allowed) is the client's doing: its
 * message joins the request's one line, at info, with no stack.
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const id = event.locals.requestId ?? requestId(null);
	if (status < 500) {
		event.locals.failure = message;
		return { message: status === 404 ? 'Not found' : message, id };
	}
	log.error({ id, status, path: event.url.pathname, err: error }, 'unexpected error');
	return { message: 'Internal error', id };
};
