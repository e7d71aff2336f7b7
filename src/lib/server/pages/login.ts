/**
 * The login form's action and the logout: the route files call these with the request's parts, and the
 * tests call them with a test database and a fake cookie jar.
 */
import { fail, redirect, type Cookies } from '@sveltejs/kit';
import type { Logger } from 'pino';
import type { DB } from '../db';
import { logIn } from '../auth/login';
import { SESSION_COOKIE, clearSessionCookie, endSession, setSessionCookie } from '../auth/session';
import { sameOriginPath } from '../../redirect-target';

/** What the login action needs of a request (a RequestEvent has all of it). */
export interface LoginEvent {
	request: Request;
	url: URL;
	cookies: Cookies;
	getClientAddress: () => string;
}

/** Where to go after signing in: `next` when it is a path of this site, else the overview (no open redirect). */
export function loginTarget(next: FormDataEntryValue | string | null, url: URL): string {
	return sameOriginPath(typeof next === 'string' ? next : null, url.origin);
}

const MAX_NAME = 64;

/** `readOnly`: the server may not write its database (JINDU_READONLY), so no session can be stored. */
export async function loginAction(db: DB, log: Logger, event: LoginEvent, readOnly = false) {
	const form = await event.request.formData();
	const name = String(form.get('name') ?? '').trim();
	const password = String(form.get('password') ?? '');
	const next = loginTarget(form.get('next'), event.url);
	if (readOnly) return fail(503, { name, next, problem: 'readOnly' as const, minutes: 0 });
	if (!name || !password) return fail(400, { name, next, problem: 'missing' as const, minutes: 0 });
	const outcome = await logIn(db, log, {
		name: name.slice(0, MAX_NAME),
		password,
		address: event.getClientAddress(),
		previousToken: event.cookies.get(SESSION_COOKIE)
	});
	if (outcome.kind === 'limited')
		return fail(429, { name, next, problem: 'limited' as const, minutes: outcome.minutes });
	if (outcome.kind === 'wrong') return fail(400, { name, next, problem: 'wrong' as const, minutes: 0 });
	// Secure when the browser came over https: adapter-node derives the scheme from ORIGIN / PROTOCOL_HEADER.
	setSessionCookie(event.cookies, outcome.token, outcome.expires, event.url.protocol === 'https:');
	redirect(303, next);
}

/** Ends the session of the request's cookie and forgets the cookie; POST only, so a link or an image cannot sign anyone out. */
export async function logout(db: DB, cookies: Cookies): Promise<never> {
	await endSession(db, cookies.get(SESSION_COOKIE));
	clearSessionCookie(cookies);
	redirect(303, '/');
}
