import { beforeEach, describe, expect, it } from 'vitest';
import {
	AccountError,
	actorOf,
	addAccount,
	changeAccountRole,
	listManagedAccounts,
	setAccountDisabled,
	setAccountPassword,
	type Actor
} from './accounts';
import { addUser, openAuthWorld, sessionOf, type AuthWorld } from './testing';
import { userOfToken } from './session';
import { verifyPassword } from './password';

let world: AuthWorld;
let districtAdmin: Actor;
let streetAdmin: Actor;
const shell: Actor = { name: 'root', userId: null, grants: null };

beforeEach(async () => {
	world = await openAuthWorld();
	const a = await addUser(world.db, 'district-admin', 'admin', world.org.district);
	const b = await addUser(world.db, 'street-admin', 'admin', world.org.street);
	districtAdmin = actorOf((await sessionOf(world.db, a)).user);
	streetAdmin = actorOf((await sessionOf(world.db, b)).user);
});

const editor = (organizationId: number, name = 'li') => ({
	name,
	displayName: '李四',
	password: 'a long enough password',
	role: 'editor',
	organizationId
});

const kinds = async () =>
	(await world.db.selectFrom('audit_events').select(['kind', 'actor', 'actor_user_id']).orderBy('id').execute()).map(
		(r) => `${r.kind}:${r.actor}:${r.actor_user_id === null ? 'shell' : 'web'}`
	);

describe('addAccount', () => {
	it('adds an account with one grant and an audit row holding no password', async () => {
		const account = await addAccount(world.db, districtAdmin, editor(world.org.street));
		expect(account).toMatchObject({
			name: 'li',
			displayName: '李四',
			grants: [{ role: 'editor', organizationName: '新街街道' }]
		});
		const [row] = await world.db.selectFrom('audit_events').selectAll().execute();
		expect(row).toMatchObject({ kind: 'account_add', actor: 'district-admin', organization_id: world.org.street });
		expect(row.after).not.toMatch(/password|scrypt/);
		const stored = await world.db
			.selectFrom('users')
			.select('password_hash')
			.where('name', '=', 'li')
			.executeTakeFirstOrThrow();
		expect(await verifyPassword('a long enough password', stored.password_hash!)).toBe(true);
	});
	it.each([
		['a street admin granting on the district', 'street', 'district', 'outsideScope'],
		['a district admin granting in another district', 'district', 'otherDistrictStreet', 'outsideScope'],
		['a street admin granting on a neighbour', 'street', 'otherStreet', 'outsideScope']
	] as const)('refuses %s', async (_, who, where, kind) => {
		const actor = who === 'street' ? streetAdmin : districtAdmin;
		await expect(addAccount(world.db, actor, editor(world.org[where]))).rejects.toMatchObject({ kind });
		expect(await kinds()).toEqual([]);
	});
	it.each([
		['a short password', { password: 'short' }, 'passwordTooShort'],
		['a name with a space', { name: 'li si' }, 'badName'],
		['an empty name', { name: '' }, 'badName'],
		['an unknown role', { role: 'owner' }, 'badRole'],
		['an unknown organization', { organizationId: 9999 }, 'notFound'],
		['a name taken', { name: 'street-admin' }, 'nameTaken']
	])('refuses %s', async (_, change, kind) => {
		await expect(addAccount(world.db, districtAdmin, { ...editor(world.org.street), ...change })).rejects.toMatchObject(
			{
				kind
			}
		);
	});
});

describe('managing accounts', () => {
	it('lists only accounts whose every grant lies inside the admin’s subtrees, never the admin', async () => {
		await addAccount(world.db, shell, editor(world.org.street, 'in-street'));
		await addAccount(world.db, shell, editor(world.org.otherStreet, 'in-other'));
		await addAccount(world.db, shell, editor(world.org.otherDistrict, 'elsewhere'));
		const names = async (actor: Actor) => (await listManagedAccounts(world.db, actor)).map((a) => a.name);
		expect(await names(districtAdmin)).toEqual(['in-other', 'in-street', 'street-admin']);
		expect(await names(streetAdmin)).toEqual(['in-street']);
		expect((await names(shell)).length).toBe(5);
	});
	it('re-scopes an account, ends its sessions and records before and after', async () => {
		const li = await addAccount(world.db, districtAdmin, editor(world.org.street));
		const { token } = await sessionOf(world.db, li.id);
		const after = await changeAccountRole(world.db, districtAdmin, li.id, 'viewer', world.org.otherStreet);
		expect(after.grants).toEqual([
			{ role: 'viewer', organizationId: world.org.otherStreet, organizationName: '城厢街道' }
		]);
		expect(await userOfToken(world.db, token)).toBeNull();
		const row = await world.db
			.selectFrom('audit_events')
			.selectAll()
			.where('kind', '=', 'account_change')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(row.before!).grants).toEqual([{ role: 'editor', organization: '新街街道' }]);
		expect(JSON.parse(row.after!).grants).toEqual([{ role: 'viewer', organization: '城厢街道' }]);
	});
	it('refuses an admin changing their own account, or one outside their subtree', async () => {
		await expect(
			changeAccountRole(world.db, streetAdmin, streetAdmin.userId!, 'admin', world.org.district)
		).rejects.toMatchObject({
			kind: 'self'
		});
		await expect(setAccountDisabled(world.db, streetAdmin, districtAdmin.userId!, true)).rejects.toMatchObject({
			kind: 'outsideScope'
		});
		// The street admin manages 新街街道's editor but cannot move them up to the district.
		const li = await addAccount(world.db, streetAdmin, editor(world.org.street));
		await expect(changeAccountRole(world.db, streetAdmin, li.id, 'editor', world.org.district)).rejects.toBeInstanceOf(
			AccountError
		);
		expect(await kinds()).toEqual(['account_add:street-admin:web']);
	});
	it('disables an account (its sessions end) and enables it again', async () => {
		const li = await addAccount(world.db, districtAdmin, editor(world.org.street));
		const { token } = await sessionOf(world.db, li.id);
		expect((await setAccountDisabled(world.db, districtAdmin, li.id, true)).disabledAt).not.toBeNull();
		expect(await userOfToken(world.db, token)).toBeNull();
		expect((await setAccountDisabled(world.db, districtAdmin, li.id, false)).disabledAt).toBeNull();
		expect(await kinds()).toEqual([
			'account_add:district-admin:web',
			'account_disable:district-admin:web',
			'account_change:district-admin:web'
		]);
	});
	it('sets a password from the shell, ending sessions; the trail says only that it changed', async () => {
		const li = await addAccount(world.db, shell, editor(world.org.street));
		const { token } = await sessionOf(world.db, li.id);
		await setAccountPassword(world.db, shell, li.id, 'another long password');
		expect(await userOfToken(world.db, token)).toBeNull();
		await expect(setAccountPassword(world.db, shell, li.id, 'short')).rejects.toMatchObject({
			kind: 'passwordTooShort'
		});
		expect(await kinds()).toEqual(['account_add:root:shell', 'account_change:root:shell']);
	});
});
