/**
 * Sessions: the cookie holds a random token, the database only its SHA-256, so a copy of the database logs
 * nobody in. A login always starts a new session (a token planted before login is worth nothing after it).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import type { DB } from '../db';
import { deleteSession, insertSession, sessionUser } from '../queries/sessions';
import type { SessionUser } from '$lib/types/auth';

export const SESSION_COOKIE = 'jindu_session';
/** Eight working hours and then some: a session ends the same day it starts. */
export const SESSION_HOURS = 12;

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** A new session for the account: its token (for the cookie) and when it ends. */
export async function createSession(
	db: DB,
	userId: number,
	now = new Date()
): Promise<{ token: string; expires: Date }> {
	const token = randomBytes(32).toString('base64url');
	const expires = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
	await insertSession(db, hashToken(token), userId, expires.toISOString());
	return { token, expires };
}

/** The account of a cookie's token, if the session is current and the account enabled. */
export async function userOfToken(db: DB, token: string | undefined, now = new Date()): Promise<SessionUser | null> {
	if (!token || token.length > 200) return null;
	return sessionUser(db, hashToken(token), now.toISOString());
}

export async function endSession(db: DB, token: string | undefined): Promise<void> {
	if (token) await deleteSession(db, hashToken(token));
}

/** HttpOnly, SameSite=Lax; Secure when the request came over https (behind a proxy: ORIGIN is https). */
export function setSessionCookie(cookies: Cookies, token: string, expires: Date, secure: boolean): void {
	cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires });
}

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}
