import { beforeEach, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger } from '../log';
import { logIn, minutesUntilAllowed, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_NAME } from './login';
import { addUser, openAuthWorld, TEST_PASSWORD, type AuthWorld } from './testing';
import { createSession, userOfToken } from './session';

let world: AuthWorld;
let lines: string[];
const log = createLogger({
	format: 'json',
	level: 'info',
	out: new Writable({ write: (chunk, _, done) => (lines.push(String(chunk)), done()) })
});

beforeEach(async () => {
	world = await openAuthWorld();
	lines = [];
	await addUser(world.db, 'li', 'editor', world.org.street);
});

const attempt = (name: string, password: string, extra: { address?: string; now?: Date; token?: string } = {}) =>
	logIn(world.db, log, {
		name,
		password,
		address: extra.address ?? '10.0.0.1',
		previousToken: extra.token,
		now: extra.now
	});

describe('logIn', () => {
	it('starts a session for the right password and files a login row in the trail', async () => {
		const outcome = await attempt('li', TEST_PASSWORD);
		expect(outcome.kind).toBe('ok');
		if (outcome.kind !== 'ok') return;
		expect((await userOfToken(world.db, outcome.token))?.name).toBe('li');
		const audit = await world.db.selectFrom('audit_events').selectAll().execute();
		expect(audit).toMatchObject([{ kind: 'login', actor: 'li', organization_id: world.org.street }]);
	});
	it('answers the same for a wrong password, an unknown name and a disabled account', async () => {
		await world.db.insertInto('users').values({ name: 'gone', password_hash: null }).execute();
		const off = await addUser(world.db, 'off', 'editor', world.org.street);
		await world.db.updateTable('users').set({ disabled_at: '2026-01-01' }).where('id', '=', off).execute();
		for (const [name, password] of [
			['li', 'wrong password!'],
			['nobody', TEST_PASSWORD],
			['gone', TEST_PASSWORD],
			['off', TEST_PASSWORD]
		])
			expect(await attempt(name, password)).toEqual({ kind: 'wrong' });
		expect(await world.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
	});
	it('ends the session the browser brought (no fixation)', async () => {
		const planted = await createSession(
			world.db,
			(await world.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id
		);
		const outcome = await attempt('li', TEST_PASSWORD, { token: planted.token });
		expect(outcome.kind).toBe('ok');
		expect(await userOfToken(world.db, planted.token)).toBeNull();
		expect(outcome.kind === 'ok' && outcome.token).not.toBe(planted.token);
	});
	it('logs every attempt, never the password', async () => {
		await attempt('li', 'wrong password!');
		await attempt('li', TEST_PASSWORD);
		const text = lines.join('');
		expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['login failed', 'login']);
		expect(text).not.toContain(TEST_PASSWORD);
		expect(text).not.toContain('wrong password!');
	});
});

describe('the rate limit', () => {
	const t0 = new Date('2026-11-29T08:00:00Z');
	const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

	it('refuses an account name after 5 failures, even with the right password, for 15 minutes', async () => {
		for (let i = 0; i < MAX_FAILURES_PER_NAME; i++)
			expect((await attempt('li', 'wrong password!', { now: later(i) })).kind).toBe('wrong');
		expect(await attempt('li', TEST_PASSWORD, { now: later(5), address: '10.9.9.9' })).toEqual({
			kind: 'limited',
			minutes: 10
		});
		// The first failure (minute 0) leaves the window at minute 15.
		expect((await attempt('li', TEST_PASSWORD, { now: later(15.1) })).kind).toBe('ok');
	});
	it('counts per address across names', async () => {
		for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) await attempt(`guess${i}`, 'x', { now: later(0) });
		expect((await attempt('li', TEST_PASSWORD, { now: later(1) })).kind).toBe('limited');
		expect((await attempt('li', TEST_PASSWORD, { now: later(1), address: '10.0.0.2' })).kind).toBe('ok');
	});
	it('starts afresh after a success', async () => {
		for (let i = 0; i < MAX_FAILURES_PER_NAME - 1; i++) await attempt('li', 'wrong password!', { now: later(0) });
		expect((await attempt('li', TEST_PASSWORD, { now: later(1) })).kind).toBe('ok');
		for (let i = 0; i < MAX_FAILURES_PER_NAME - 1; i++) await attempt('li', 'wrong password!', { now: later(2) });
		expect((await attempt('li', TEST_PASSWORD, { now: later(3) })).kind).toBe('ok');
	});
	it('forgets attempts older than 30 days as new ones come', async () => {
		await attempt('li', 'wrong password!', { now: later(0) });
		await attempt('li', 'wrong password!', { now: later(60 * 24 * 29) });
		await attempt('li', TEST_PASSWORD, { now: later(60 * 24 * 31) });
		const kept = await world.db.selectFrom('login_attempts').select('at').orderBy('id').execute();
		expect(kept.map((r) => r.at)).toEqual([later(60 * 24 * 29).toISOString(), later(60 * 24 * 31).toISOString()]);
	});
	it.each([
		[[], 5, 0],
		[['2026-11-29T08:00:00Z'], 1, 15],
		[['2026-11-29T08:10:00Z', '2026-11-29T08:00:30Z'], 2, 2], // 1.5 minutes, rounded up,
		[['2026-11-29T08:10:00Z', '2026-11-29T08:09:00Z'], 2, 10]
	])('minutesUntilAllowed(%j, %i) at 08:14 = %i', (failures, limit, expected) => {
		const now = new Date(limit === 1 ? '2026-11-29T08:00:00Z' : '2026-11-29T08:14:00Z');
		expect(minutesUntilAllowed(failures, limit, now)).toBe(expected);
	});
});
