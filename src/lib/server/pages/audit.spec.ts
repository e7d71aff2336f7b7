import { beforeEach, describe, expect, it } from 'vitest';
import { addUser, openAuthWorld, sessionOf, type AuthWorld } from '../auth/testing';
import { recordAudit } from '../queries/audit';
import { loadAuditExport, loadAuditPage } from './audit';
import type { SessionUser } from '$lib/types/auth';
import type { AuditKind } from '$lib/types/auth';

let world: AuthWorld;
let districtAdmin: SessionUser;
let streetAdmin: SessionUser;
let viewer: SessionUser;

beforeEach(async () => {
	world = await openAuthWorld();
	const as = async (name: string, role: 'viewer' | 'admin', org: number) =>
		(await sessionOf(world.db, await addUser(world.db, name, role, org))).user;
	districtAdmin = await as('district-admin', 'admin', world.org.district);
	streetAdmin = await as('street-admin', 'admin', world.org.street);
	viewer = await as('viewer', 'viewer', world.org.district);
	const row = (kind: AuditKind, organizationId: number | null, actor: string, subject: string) =>
		recordAudit(world.db, { actor, actorUserId: null, kind, organizationId, subject, after: { subject } });
	await row('import', world.org.street, 'li', '=HYPERLINK("http://evil")');
	await row('account_add', world.org.otherStreet, 'district-admin', 'wang');
	await row('status_confirm', world.org.otherDistrictStreet, 'zhao', '西兴的任务');
	await row('login', null, 'nobody', 'without a grant');
	await row('status_correct', world.org.street, 'li', '新街的任务');
});

const load = (user: SessionUser | undefined, query = '') =>
	loadAuditPage(world.db, new URL(`http://jindu.test/audit${query}`), { lang: 'zh', user });
const subjects = async (user: SessionUser, query = '') => (await load(user, query)).rows.map((r) => r.subject);

describe('/audit', () => {
	it('lists the rows of the organizations the admin administers, newest first', async () => {
		expect(await subjects(districtAdmin)).toEqual(['新街的任务', 'wang', '=HYPERLINK("http://evil")']);
		expect(await subjects(streetAdmin)).toEqual(['新街的任务', '=HYPERLINK("http://evil")']);
	});
	it('filters by organization subtree, person, kind and dates', async () => {
		expect(await subjects(districtAdmin, '?org=城厢街道')).toEqual(['wang']);
		expect(await subjects(districtAdmin, `?org=${world.org.street}&kind=import`)).toEqual([
			'=HYPERLINK("http://evil")'
		]);
		expect(await subjects(districtAdmin, '?person=district-admin')).toEqual(['wang']);
		const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
		expect((await subjects(districtAdmin, `?from=${today}&to=${today}`)).length).toBe(3);
		expect(await subjects(districtAdmin, '?to=2020-01-01')).toEqual([]);
	});
	it('refuses: anonymous → login, a viewer → 403, an org outside → 403, a bad value → 400', async () => {
		await expect(load(undefined)).rejects.toMatchObject({ status: 303 });
		await expect(load(viewer)).rejects.toMatchObject({ status: 403 });
		await expect(load(streetAdmin, '?org=城厢街道')).rejects.toMatchObject({ status: 403 });
		await expect(load(districtAdmin, '?org=滨江区')).rejects.toMatchObject({ status: 403 });
		await expect(load(districtAdmin, '?org=nowhere')).rejects.toMatchObject({ status: 400, body: { param: 'org' } });
		await expect(load(districtAdmin, '?from=2026-02-30')).rejects.toMatchObject({
			status: 400,
			body: { param: 'from' }
		});
		await expect(load(districtAdmin, '?kind=delete')).rejects.toMatchObject({ status: 400, body: { param: 'kind' } });
	});
	it('pages by 50', async () => {
		for (let i = 0; i < 60; i++)
			await recordAudit(world.db, {
				actor: 'li',
				actorUserId: null,
				kind: 'import',
				organizationId: world.org.street,
				subject: `f${i}`
			});
		const first = await load(districtAdmin);
		expect([first.total, first.pages, first.rows.length, first.rows[0].subject]).toEqual([63, 2, 50, 'f59']);
		const second = await load(districtAdmin, '?page=2');
		expect(second.rows.map((r) => r.subject).slice(-1)).toEqual(['=HYPERLINK("http://evil")']);
		expect(second.rows.length).toBe(13);
	});
});

describe('/audit/export.csv', () => {
	it('exports the filtered rows with a BOM, formulas neutralised', async () => {
		const response = await loadAuditExport(world.db, new URL('http://jindu.test/audit/export.csv?org=新街街道'), {
			lang: 'zh',
			user: districtAdmin
		});
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
		expect(lines[0]).toBe('时间（北京时间）,操作人,类型,单位,对象,之前,之后,原因');
		expect(lines).toHaveLength(3);
		expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil"")"`);
	});
	it('is refused like the page', async () => {
		const url = new URL('http://jindu.test/audit/export.csv');
		await expect(loadAuditExport(world.db, url, { lang: 'zh', user: viewer })).rejects.toMatchObject({ status: 403 });
	});
});
