import { beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import type { DB } from '../db';
import { mayAct, requireRole } from './guard';
import type { SessionUser } from '$lib/types/auth';
import { recordAudit } from '../queries/audit';

let db: DB;
let district: number;
let street: number;
let otherStreet: number;

beforeEach(async () => {
	db = await openTestDatabase();
	const add = async (name: string, parent: number | null) =>
		(await db.insertInto('organizations').values({ name, parent_id: parent }).returning('id').executeTakeFirstOrThrow())
			.id;
	district = await add('萧山区', null);
	street = await add('新街街道', district);
	otherStreet = await add('城厢街道', district);
});

const user = (role: 'viewer' | 'editor' | 'admin', organizationId: number): SessionUser => ({
	id: 1,
	name: 'li',
	displayName: null,
	grants: [{ role, organizationId }]
});

describe('mayAct', () => {
	it.each([
		['editor of the street edits the street', 'editor', 'street', 'editor', 'street', true],
		['editor of the street may not edit its neighbour', 'editor', 'street', 'editor', 'other', false],
		['editor of the street may not edit the district', 'editor', 'street', 'editor', 'district', false],
		['admin of the district edits its streets', 'admin', 'district', 'editor', 'street', true],
		['viewer may not edit', 'viewer', 'district', 'editor', 'street', false],
		['editor may not administer', 'editor', 'district', 'admin', 'street', false]
	] as const)('%s', async (_, held, on, needed, target, expected) => {
		const ids = { street, other: otherStreet, district } as Record<string, number>;
		expect(await mayAct(db, user(held, ids[on]), needed, ids[target])).toBe(expected);
	});
});

describe('requireRole', () => {
	const url = new URL('http://x/tasks/1?year=2024');
	it('sends an anonymous request to the login page, coming back afterwards', async () => {
		await expect(requireRole(db, { lang: 'zh' }, url, 'editor', street)).rejects.toMatchObject({
			status: 303,
			location: '/login?next=%2Ftasks%2F1%3Fyear%3D2024'
		});
	});
	it('answers 403 to an account without the role there', async () => {
		const locals = { lang: 'zh' as const, user: user('editor', otherStreet) };
		await expect(requireRole(db, locals, url, 'editor', street)).rejects.toMatchObject({ status: 403 });
	});
	it('returns the account that holds the role', async () => {
		const locals = { lang: 'zh' as const, user: user('editor', street) };
		expect((await requireRole(db, locals, url, 'editor', street)).name).toBe('li');
	});
});

describe('the audit trail', () => {
	it('keeps every row and refuses to change or delete one', async () => {
		const id = await recordAudit(db, {
			actor: 'li',
			actorUserId: null,
			kind: 'status_confirm',
			organizationId: street,
			subject: '任务 1',
			before: { status: 'unknown' },
			after: { status: 'on_track' },
			reason: '现场核实'
		});
		const row = await db.selectFrom('audit_events').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(JSON.parse(row.after!)).toEqual({ status: 'on_track' });
		await expect(db.updateTable('audit_events').set({ reason: 'x' }).execute()).rejects.toThrow(/append-only/);
		await expect(db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
		expect(await db.selectFrom('audit_events').select('id').execute()).toHaveLength(1);
	});
});
