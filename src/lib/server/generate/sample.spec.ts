import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { dumpTable, DUMP_TABLES } from '../queries/dump';
import { countTasksByPlanPeriodStatus } from '../queries/plans';
import { removeSampleData, summariseSampleData } from '../queries/sample';
import { seedIfEmpty } from '../seed';
import { addSampleOrganization, SAMPLE_CHAIN, SAMPLE_YEARS } from './sample';

/** Every row of every table as canonical text, by table. */
async function dump(db: DB): Promise<Record<string, string[]>> {
	const out: Record<string, string[]> = {};
	for (const table of DUMP_TABLES) {
		out[table] = [];
		for await (const line of dumpTable(db, table)) out[table].push(line);
	}
	return out;
}

async function realReports(): Promise<DB> {
	const db = await openTestDatabase();
	const seeded = await seedIfEmpty(db, 'data/reports');
	expect(seeded.filter((s) => s.error)).toEqual([]);
	return db;
}

describe('the sample organization', () => {
	it('is 示例街道 under invented parents, all marked sample, with two years of quarterly reports labelled 示例数据', async () => {
		const db = await openTestDatabase();
		const result = await addSampleOrganization(db);
		expect(result.documents).toBe(8);
		const orgs = await db.selectFrom('organizations').select(['name', 'is_sample']).orderBy('id').execute();
		expect(orgs).toEqual(SAMPLE_CHAIN.map((name) => ({ name, is_sample: 1 })));
		const sources = await db.selectFrom('sources').select(['title', 'subject']).execute();
		expect(sources).toHaveLength(8);
		expect(sources.every((s) => s.subject === '示例数据' && s.title!.endsWith('（示例数据）'))).toBe(true);

		// Quarter by quarter the share completed rises, so the trend chart has something to show.
		const rows = await countTasksByPlanPeriodStatus(db, { organizationIds: null }, 100);
		expect(rows.every((r) => r.isSample && r.organization === '示例街道')).toBe(true);
		for (const year of SAMPLE_YEARS) {
			const share = [3, 6, 9, 12].map((monthEnd) => {
				const period = rows.filter((r) => r.year === year && r.monthEnd === monthEnd);
				const total = period.reduce((n, r) => n + r.taskCount, 0);
				return period.filter((r) => r.status === 'completed').reduce((n, r) => n + r.taskCount, 0) / total;
			});
			expect(share).toEqual([...share].sort((a, b) => a - b));
			expect(share[3]).toBeGreaterThan(share[0]);
		}
	});

	it('is added once: a second call writes nothing', async () => {
		const db = await openTestDatabase();
		await addSampleOrganization(db);
		const before = await dump(db);
		expect(await addSampleOrganization(db)).toMatchObject({ documents: 0, updates: 0 });
		expect(await dump(db)).toEqual(before);
	});

	it('is removed with everything under it, leaving every row of the real reports as it was', async () => {
		const db = await realReports();
		const real = await dump(db);
		await addSampleOrganization(db);
		const present = await summariseSampleData(db);
		expect(present.organizations).toEqual(SAMPLE_CHAIN);
		expect(present.updates).toBeGreaterThan(0);

		const removed = await removeSampleData(db);
		expect(removed).toMatchObject({ ...present, organizations: SAMPLE_CHAIN });
		expect(removed.periods).toBeGreaterThan(0);
		const after = await dump(db);
		// Themes are shared by all plans and may be left; every other table is exactly as before the sample came.
		for (const table of DUMP_TABLES.filter((t) => t !== 'themes')) expect(after[table], table).toEqual(real[table]);
		expect(after.themes).toEqual(expect.arrayContaining(real.themes));
		expect(await summariseSampleData(db)).toMatchObject({ organizations: [], updates: 0 });
		expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([]);
		expect(await removeSampleData(db)).toMatchObject({ organizations: [], plans: 0, periods: 0 });
	});

	it('is never removed when a real organization was put under it', async () => {
		const db = await openTestDatabase();
		await addSampleOrganization(db);
		const parent = await db
			.selectFrom('organizations')
			.select('id')
			.where('name', '=', '示例区')
			.executeTakeFirstOrThrow();
		await db.insertInto('organizations').values({ name: '真实街道', parent_id: parent.id }).execute();
		const before = await dump(db);
		await expect(removeSampleData(db)).rejects.toThrow(/real organizations under them/);
		expect(await dump(db)).toEqual(before);
	});
});

describe('initDatabase on a new database file', () => {
	const dirs: string[] = [];
	afterEach(() => {
		vi.unstubAllEnvs();
		vi.resetModules();
		for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
	});

	/** A fresh app module (it keeps its database in a module variable) on a fresh file. */
	async function start(sample: string | undefined): Promise<DB> {
		const dir = mkdtempSync(path.join(tmpdir(), 'jindu-sample-'));
		dirs.push(dir);
		vi.stubEnv('DATABASE_PATH', path.join(dir, 'jindu.db'));
		vi.stubEnv('JINDU_REPORTS_DIR', 'data/reports');
		vi.stubEnv('JINDU_SAMPLE', sample);
		vi.resetModules();
		vi.spyOn(console, 'log').mockImplementation(() => {});
		const { initDatabase } = await import('../app');
		return initDatabase();
	}

	it('imports the real reports and adds the sample organization', async () => {
		const db = await start(undefined);
		const orgs = await db.selectFrom('organizations').select(['name', 'is_sample']).execute();
		expect(orgs.filter((o) => o.is_sample === 1).map((o) => o.name)).toEqual(SAMPLE_CHAIN);
		expect(orgs.map((o) => o.name)).toEqual(expect.arrayContaining(['新街街道', '绍兴市', '柯桥区']));
		await db.destroy();
	});

	it('leaves the sample out with JINDU_SAMPLE=0', async () => {
		const db = await start('0');
		expect(await db.selectFrom('organizations').select('name').where('is_sample', '=', 1).execute()).toEqual([]);
		expect((await db.selectFrom('organizations').select('name').execute()).length).toBeGreaterThan(0);
		await db.destroy();
	});
});
