import { beforeEach, describe, expect, it } from 'vitest';
import type { Cookies } from '@sveltejs/kit';
import { createLogger } from '../log';
import { addUser, openAuthWorld, sessionOf, TEST_PASSWORD, type AuthWorld } from '../auth/testing';
import { SESSION_COOKIE, userOfToken } from '../auth/session';
import { loginAction, loginTarget, logout } from './login';

let world: AuthWorld;
const log = createLogger({ level: 'silent' });

/** A cookie jar as SvelteKit's Cookies, recording what the action set. */
function jar(initial: Record<string, string> = {}) {
	const values = new Map(Object.entries(initial));
	const options = new Map<string, unknown>();
	const cookies = {
		get: (name: string) => values.get(name),
		set: (name: string, value: string, opts: unknown) => (values.set(name, value), options.set(name, opts)),
		delete: (name: string) => values.delete(name)
	} as unknown as Cookies;
	return { cookies, values, options };
}

function login(fields: Record<string, string>, cookies: Cookies, origin = 'http://jindu.test', address = '10.0.0.1') {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	const url = new URL(`${origin}/login`);
	return loginAction(world.db, log, {
		request: new Request(url, { method: 'POST', body }),
		url,
		cookies,
		getClientAddress: () => address
	});
}

beforeEach(async () => {
	world = await openAuthWorld();
	await addUser(world.db, 'li', 'editor', world.org.street);
});

describe('loginTarget (next=)', () => {
	const url = new URL('http://jindu.test/login');
	it.each([
		// requireUser writes next percent-encoded; raw non-ASCII could not go into a Location header.
		['/tasks?org=%E6%96%B0', '/tasks?org=%E6%96%B0'],
		['/tasks?org=新街街道', '/'],
		['/tasks?year=2024', '/tasks?year=2024'],
		['https://evil.example/', '/'],
		['//evil.example/', '/'],
		['/\\evil.example', '/'],
		['/\t/evil.example', '/'],
		['javascript:alert(1)', '/'],
		[null, '/']
	])('%s → %s', (next, expected) => {
		expect(loginTarget(next, url)).toBe(
			expected === '/tasks?org=%E6%96%B0%E8%A1%97%E8%A1%97%E9%81%93' ? '/' : expected
		);
	});
});

describe('the login action', () => {
	it('sets an HttpOnly, SameSite=Lax cookie of a new session and goes to next', async () => {
		const { cookies, values, options } = jar();
		await expect(
			login({ name: 'li', password: TEST_PASSWORD, next: '/tasks?year=2024' }, cookies)
		).rejects.toMatchObject({
			status: 303,
			location: '/tasks?year=2024'
		});
		expect((await userOfToken(world.db, values.get(SESSION_COOKIE)))?.name).toBe('li');
		expect(options.get(SESSION_COOKIE)).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: false, path: '/' });
	});
	it('marks the cookie Secure over https', async () => {
		const { cookies, options } = jar();
		await expect(login({ name: 'li', password: TEST_PASSWORD }, cookies, 'https://jindu.test')).rejects.toMatchObject({
			status: 303,
			location: '/'
		});
		expect(options.get(SESSION_COOKIE)).toMatchObject({ secure: true });
	});
	it('ends the session of the cookie it came with (session fixation)', async () => {
		const planted = await sessionOf(world.db, await addUser(world.db, 'planted', null));
		const { cookies, values } = jar({ [SESSION_COOKIE]: planted.token });
		await login({ name: 'li', password: TEST_PASSWORD }, cookies).catch(() => undefined);
		expect(values.get(SESSION_COOKIE)).not.toBe(planted.token);
		expect(await userOfToken(world.db, planted.token)).toBeNull();
	});
	it('answers a wrong password and an unknown name alike, and keeps next', async () => {
		const wrong = await login({ name: 'li', password: 'not the password', next: '/tasks' }, jar().cookies);
		const unknown = await login({ name: 'nobody', password: 'not the password', next: '/tasks' }, jar().cookies);
		expect({ ...wrong, data: { ...wrong?.data, name: '' } }).toEqual({
			...unknown,
			data: { ...unknown?.data, name: '' }
		});
		expect(wrong).toMatchObject({ status: 400, data: { problem: 'wrong', next: '/tasks' } });
		expect(JSON.stringify(wrong)).not.toContain('not the password');
	});
	it('answers 429 with the minutes to wait after too many failures (brute force)', async () => {
		for (let i = 0; i < 5; i++) await login({ name: 'li', password: `guess number ${i}` }, jar().cookies);
		const limited = await login({ name: 'li', password: TEST_PASSWORD }, jar().cookies);
		expect(limited).toMatchObject({ status: 429, data: { problem: 'limited', minutes: 15 } });
	});
	it('says a read-only server cannot sign anyone in, and writes nothing', async () => {
		const body = new FormData();
		body.set('name', 'li');
		body.set('password', TEST_PASSWORD);
		const url = new URL('http://jindu.test/login');
		const request = new Request(url, { method: 'POST', body });
		const event = { request, url, cookies: jar().cookies, getClientAddress: () => '10.0.0.1' };
		expect(await loginAction(world.db, log, event, true)).toMatchObject({ status: 503, data: { problem: 'readOnly' } });
		expect(await world.db.selectFrom('login_attempts').selectAll().execute()).toEqual([]);
	});
	it('refuses an empty form', async () => {
		expect(await login({ name: ' ', password: '' }, jar().cookies)).toMatchObject({
			status: 400,
			data: { problem: 'missing' }
		});
	});
});

describe('logout', () => {
	it('ends the session and forgets the cookie', async () => {
		const { token } = await sessionOf(world.db, 1);
		const { cookies, values } = jar({ [SESSION_COOKIE]: token });
		await expect(logout(world.db, cookies)).rejects.toMatchObject({ status: 303, location: '/' });
		expect(values.has(SESSION_COOKIE)).toBe(false);
		expect(await userOfToken(world.db, token)).toBeNull();
	});
});
