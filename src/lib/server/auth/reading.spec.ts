import { beforeEach, describe, expect, it } from 'vitest';
import { addUser, openAuthWorld, sessionOf, type AuthWorld } from './testing';
import { readMode, readableOrganizations, requireReadable } from './reading';
import { filtersAndScope } from '../pages/request';
import { loadTaskPage } from '../pages/tasks';
import { loadOrganizationChoices } from '../pages/organizations';
import { loadCategoryChoices } from '../pages/categories';
import type { SessionUser } from '$lib/types/auth';

let world: AuthWorld;
let streetViewer: SessionUser;
let locals: App.Locals;

beforeEach(async () => {
	world = await openAuthWorld();
	streetViewer = (await sessionOf(world.db, await addUser(world.db, 'viewer', 'viewer', world.org.street))).user;
	const readable = await readableOrganizations(world.db, 'login', streetViewer, new URL('http://x/'));
	locals = { lang: 'zh', user: streetViewer, readable };
});

describe('readMode (JINDU_READ)', () => {
	it.each([
		[undefined, 'open'],
		['', 'open'],
		['open', 'open'],
		['login', 'login']
	])('%s → %s', (value, mode) => expect(readMode(value)).toBe(mode));
	it('stops at a typo, naming the variable', () => {
		expect(() => readMode('logon')).toThrow('JINDU_READ: unknown mode "logon" (use open or login)');
	});
});

describe('readableOrganizations', () => {
	const url = new URL('http://x/tasks?year=2024');
	it('is no limit when reading is open, and for the login page itself', async () => {
		expect(await readableOrganizations(world.db, 'open', undefined, url)).toBeUndefined();
		expect(await readableOrganizations(world.db, 'login', undefined, new URL('http://x/login'))).toBeUndefined();
		expect(await readableOrganizations(world.db, 'login', undefined, new URL('http://x/healthz'))).toBeUndefined();
	});
	it('sends an anonymous reader to the login page in login mode', async () => {
		await expect(readableOrganizations(world.db, 'login', undefined, url)).rejects.toMatchObject({
			status: 303,
			location: '/login?next=%2Ftasks%3Fyear%3D2024'
		});
	});
	it('gives an account the subtrees of its grants', async () => {
		const admin = (await sessionOf(world.db, await addUser(world.db, 'a', 'admin', world.org.district))).user;
		const readable = await readableOrganizations(world.db, 'login', admin, url);
		expect(readable?.ids.sort()).toEqual([world.org.district, world.org.street, world.org.otherStreet].sort());
		expect(readable?.first).toBe(world.org.district);
	});
});

describe('the scope of a reader in login mode', () => {
	const scopeOf = (query: string, l: App.Locals = locals) => filtersAndScope(world.db, new URL(`http://x/${query}`), l);

	it('defaults to the first grant, where open reading shows everything', async () => {
		expect((await scopeOf('')).scope.organizations.map((o) => o.name)).toEqual(['新街街道']);
		expect((await scopeOf('', { lang: 'zh' })).scope.organizationIds).toBeNull();
	});
	it('answers 403 for an organization outside the grants, by name or id', async () => {
		await expect(scopeOf('?org=萧山区')).rejects.toMatchObject({ status: 403 });
		await expect(scopeOf(`?org=${world.org.otherStreet}`)).rejects.toMatchObject({ status: 403 });
		expect((await scopeOf(`?org=${world.org.street}`)).scope.organizationIds).toEqual([world.org.street]);
	});
	it('keeps the readable one of two organizations of one name', async () => {
		await world.db
			.insertInto('organizations')
			.values({ name: '新街街道', parent_id: world.org.otherDistrict })
			.execute();
		expect((await scopeOf('?org=新街街道')).scope.organizationIds).toEqual([world.org.street]);
	});
	it('cuts the organization selector to the readable ones, in a page and in the whole tree the picker fetches', async () => {
		const page = await loadTaskPage(world.db, new URL('http://x/tasks'), locals);
		expect(page.organizationTree.map((o) => o.name)).toEqual(['新街街道']);
		const whole = async (l: App.Locals) =>
			(await (await loadOrganizationChoices(world.db, new URL('http://x/organizations'), l)).json()) as unknown[];
		expect(await whole(locals)).toMatchObject([{ name: '新街街道' }]);
		expect(await whole({ lang: 'zh' })).toHaveLength(5);
	});
	it('refuses the category picker’s list of an organization outside the grants', async () => {
		const list = (org: number) => loadCategoryChoices(world.db, new URL(`http://x/categories?org=${org}`), locals);
		await expect(list(world.org.otherStreet)).rejects.toMatchObject({ status: 403 });
		expect((await list(world.org.street)).status).toBe(200);
	});
	it('guards a page about one organization’s thing', () => {
		expect(() => requireReadable(locals, world.org.otherStreet)).toThrow();
		expect(() => requireReadable(locals, world.org.street)).not.toThrow();
		expect(() => requireReadable({ lang: 'zh' }, world.org.otherStreet)).not.toThrow();
	});
});
