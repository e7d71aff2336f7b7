import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { importDocument } from '../import';
import { getDataVersion } from '../queries/rollups';
import { SEED, SEED_Q1 } from '../queries/testing';
import { TRAFFIC_LIGHT_RULES } from '../../domain/schedule';
import { unpackCategoryCounts } from '../../domain/category-counts';
import { countTasksByCategoryStatus } from '../queries/overview';

vi.mock('../app', () => ({ settings: () => ({ trafficLightRule: TRAFFIC_LIGHT_RULES.yinchuan }) }));

const { loadOverviewPage } = await import('./overview');
const { loadTaskPage } = await import('./tasks');
const { loadPresentationPage } = await import('./present');
const { loadTaskDetailPage } = await import('./task-detail');

const KEQIAO = readFileSync('data/reports/keqiao-2023-q1.txt');

/** A cacheable request's locals: the data version hooks.server.ts reads before the loader runs. */
async function at(db: DB) {
	return { lang: 'zh' as const, dataVersion: await getDataVersion(db) };
}

const url = (path: string) => new URL(`http://test.local${path}`);

let db: DB;
beforeEach(async () => {
	db = await openTestDatabase();
	await importDocument(db, Buffer.from(SEED_Q1), { fileName: 'xinjie-2024-q1.txt' });
});

describe('the overview page carries its counts by category packed', () => {
	it('unpacks to the rows the query counts', async () => {
		await importDocument(db, Buffer.from(SEED), { fileName: 'xinjie-2024-q2.txt' });
		await importDocument(db, KEQIAO, { fileName: 'keqiao-2023-q1.txt', organization: ['绍兴市', '柯桥区'] });
		for (const path of ['/', '/?year=2023&quarter=1', '/?status=completed,on_track']) {
			const page = await loadOverviewPage(db, url(path), await at(db));
			if (!('byCategory' in page) || !page.period) throw new Error(`${path}: no data`);
			const rows = await countTasksByCategoryStatus(db, page.scope, page.period.id, page.filters);
			expect(rows.length).toBeGreaterThan(path === '/' ? 5 : 0);
			expect(unpackCategoryCounts(page.byCategory)).toEqual(rows);
			expect(page.byCategory.length).toBe(new Set(rows.map((r) => r.category)).size);
		}
	});
});

describe('answers kept per data version across requests', () => {
	it('answers the next request at the same version from what the last one read', async () => {
		const first = await loadTaskPage(db, url('/tasks'), await at(db));
		const second = await loadTaskPage(db, url('/tasks?status=behind'), await at(db));
		expect(second.organizationTree).toBe(first.organizationTree);
		expect('periods' in second && second.periods).toBe('periods' in first && first.periods);
	});

	it('shows an import on the next request, the loaders running over kept answers', async () => {
		const before = await loadOverviewPage(db, url('/'), await at(db));
		await loadTaskPage(db, url('/tasks'), await at(db));
		expect(before.scope.period?.quarter).toBe(1);

		await importDocument(db, Buffer.from(SEED), { fileName: 'xinjie-2024-q2.txt' });
		await importDocument(db, KEQIAO, { fileName: 'keqiao-2023-q1.txt', organization: ['绍兴市', '柯桥区'] });
		const overview = await loadOverviewPage(db, url('/'), await at(db));
		const tasks = await loadTaskPage(db, url('/tasks'), await at(db));
		for (const page of [overview, tasks]) {
			expect(page.scope.period?.year).toBe(2024);
			expect(page.scope.period?.quarter).toBe(2);
			expect(page.years).toEqual([2024, 2023]);
			expect(page.organizationTree.map((o) => o.name)).toContain('绍兴市');
		}
		expect('periods' in overview && overview.periods.map((p) => p.quarter)).toEqual([1, 2]);
		expect(overview.plans).not.toEqual(before.plans);
	});

	it('renders every page from kept answers twice alike (a kept answer is never changed by a page)', async () => {
		await importDocument(db, KEQIAO, { fileName: 'keqiao-2023-q1.txt', organization: ['绍兴市', '柯桥区'] });
		const taskId = (await db.selectFrom('tasks').select('id').executeTakeFirstOrThrow()).id;
		const paths = [
			'/',
			'/?org=绍兴市',
			'/tasks?sort=status',
			'/tasks?org=绍兴市',
			`/tasks/${taskId}`,
			'/present',
			'/present?year=2023'
		];
		for (const path of paths) {
			const load = path.startsWith('/present')
				? loadPresentationPage
				: path.startsWith('/tasks/')
					? loadTaskDetailPage
					: path.startsWith('/tasks')
						? loadTaskPage
						: loadOverviewPage;
			const fresh = await load(db, url(path), { lang: 'zh' });
			expect(await load(db, url(path), await at(db))).toEqual(fresh);
			expect(await load(db, url(path), await at(db))).toEqual(fresh);
		}
	});

	it('resolves a unit once for all its periods, and afresh once an import adds below it', async () => {
		await importDocument(db, KEQIAO, { fileName: 'keqiao-2023-q1.txt', organization: ['绍兴市', '柯桥区'] });
		const city = await loadOverviewPage(db, url('/?org=绍兴市'), await at(db));
		const ofYear = await loadTaskPage(db, url('/tasks?org=绍兴市&year=2023&quarter=1'), await at(db));
		expect(ofYear.scope.organizationIds).toBe(city.scope.organizationIds);
		expect(ofYear.scope.organizations).toBe(city.scope.organizations);

		await importDocument(db, Buffer.from(SEED), { fileName: 'yuecheng.txt', organization: ['绍兴市', '越城区'] });
		const after = await loadTaskPage(db, url('/tasks?org=绍兴市&year=2023&quarter=1'), await at(db));
		const ids = await db.selectFrom('organizations').select('id').where('name', 'in', ['越城区', '柯桥区']).execute();
		expect(after.scope.organizationIds).toEqual(expect.arrayContaining(ids.map((o) => o.id)));
		expect(after.scope.organizationIds).toHaveLength(city.scope.organizationIds!.length + 1);
		await expect(loadTaskPage(db, url('/tasks?org=无此单位'), await at(db))).rejects.toMatchObject({ status: 400 });
	});

	it('never answers one database from another’s answers at the same version', async () => {
		const other = await openTestDatabase();
		await importDocument(other, KEQIAO, { fileName: 'keqiao-2023-q1.txt', organization: ['绍兴市', '柯桥区'] });
		expect(await getDataVersion(other)).toBe(await getDataVersion(db));
		const here = await loadTaskPage(db, url('/tasks'), await at(db));
		const there = await loadTaskPage(other, url('/tasks'), await at(other));
		expect(here.organizationTree.map((o) => o.name)).not.toContain('绍兴市');
		expect(there.organizationTree.map((o) => o.name)).toContain('绍兴市');
	});
});
