import { beforeEach, describe, expect, it } from 'vitest';
import { addUser, openAuthWorld, sessionOf, type AuthWorld } from '../auth/testing';
import {
	addAccountAction,
	changeAccountAction,
	loadAdminUsersPage,
	setDisabledAction,
	type AdminEvent
} from './admin-users';
import type { SessionUser } from '$lib/types/auth';

let world: AuthWorld;
let people: Record<'viewer' | 'streetEditor' | 'otherAdmin' | 'rightAdmin', SessionUser>;
let target: number;

beforeEach(async () => {
	world = await openAuthWorld();
	const as = async (name: string, role: 'viewer' | 'editor' | 'admin', org: number) =>
		(await sessionOf(world.db, await addUser(world.db, name, role, org))).user;
	people = {
		viewer: await as('viewer', 'viewer', world.org.district),
		streetEditor: await as('editor', 'editor', world.org.street),
		otherAdmin: await as('other-admin', 'admin', world.org.otherDistrict),
		rightAdmin: await as('right-admin', 'admin', world.org.district)
	};
	target = await addUser(world.db, 'li', 'editor', world.org.street);
});

const url = new URL('http://jindu.test/admin/users');
function post(user: SessionUser | undefined, fields: Record<string, string | number>): AdminEvent {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, String(v));
	return { request: new Request(url, { method: 'POST', body }), url, locals: { lang: 'zh', user } };
}

const actions = {
	add: (u: SessionUser | undefined) =>
		addAccountAction(
			world.db,
			post(u, { name: 'wang', password: 'a long enough password', role: 'editor', organization: world.org.street })
		),
	change: (u: SessionUser | undefined) =>
		changeAccountAction(world.db, post(u, { user: target, role: 'viewer', organization: world.org.otherStreet })),
	disable: (u: SessionUser | undefined) => setDisabledAction(world.db, post(u, { user: target }), true),
	enable: (u: SessionUser | undefined) => setDisabledAction(world.db, post(u, { user: target }), false)
};

describe('every account action against every role and scope', () => {
	for (const [name, act] of Object.entries(actions)) {
		it(`${name}: anonymous → login, viewer/editor → 403, admin elsewhere → 403, the right admin → done`, async () => {
			await expect(act(undefined)).rejects.toMatchObject({ status: 303, location: '/login?next=%2Fadmin%2Fusers' });
			await expect(act(people.viewer)).rejects.toMatchObject({ status: 403 });
			await expect(act(people.streetEditor)).rejects.toMatchObject({ status: 403 });
			await expect(act(people.otherAdmin)).rejects.toMatchObject({ status: 403 });
			expect(await world.db.selectFrom('audit_events').selectAll().execute()).toEqual([]);
			expect(await act(people.rightAdmin)).toMatchObject({ done: expect.any(String) });
			const rows = await world.db.selectFrom('audit_events').select(['actor', 'kind']).execute();
			expect(rows).toEqual([{ actor: 'right-admin', kind: expect.stringMatching(/^account_/) }]);
		});
	}
	it('refuses an admin re-scoping themselves upward (403) and says why a form is wrong (400)', async () => {
		const event = post(people.rightAdmin, {
			user: people.rightAdmin.id,
			role: 'admin',
			organization: world.org.district
		});
		await expect(changeAccountAction(world.db, event)).rejects.toMatchObject({ status: 403 });
		const short = await addAccountAction(
			world.db,
			post(people.rightAdmin, { name: 'wang', password: 'short', role: 'editor', organization: world.org.street })
		);
		expect(short).toMatchObject({ status: 400, data: { problem: 'passwordTooShort', name: 'wang' } });
		expect(JSON.stringify(short)).not.toContain('short"');
	});
});

describe('sessions that no longer count', () => {
	it('an expired session or a disabled account is anonymous to an action: back to the login page', async () => {
		const { createSession, userOfToken } = await import('../auth/session');
		const expired = await createSession(world.db, people.rightAdmin.id, new Date('2020-01-01T00:00:00Z'));
		const current = await createSession(world.db, people.rightAdmin.id);
		await world.db.updateTable('users').set({ disabled_at: '2026-01-01' }).where('id', '=', target).execute();
		const disabled = await createSession(world.db, target);
		for (const token of [expired.token, disabled.token]) {
			const user = (await userOfToken(world.db, token)) ?? undefined;
			await expect(actions.disable(user)).rejects.toMatchObject({ status: 303 });
		}
		expect(await userOfToken(world.db, current.token)).toMatchObject({ name: 'right-admin' });
	});
});

describe('the page', () => {
	it('lists the accounts and organizations an admin manages; others get a login redirect or 403', async () => {
		const page = await loadAdminUsersPage(world.db, url, { lang: 'zh', user: people.rightAdmin });
		expect(page.accounts.map((a) => a.name)).toEqual(['editor', 'li', 'viewer']);
		expect(page.organizations.map((o) => `${o.depth}${o.name}`)).toEqual(['0萧山区', '1城厢街道', '1新街街道']);
		await expect(loadAdminUsersPage(world.db, url, { lang: 'zh' })).rejects.toMatchObject({ status: 303 });
		await expect(loadAdminUsersPage(world.db, url, { lang: 'zh', user: people.viewer })).rejects.toMatchObject({
			status: 403
		});
	});
});
