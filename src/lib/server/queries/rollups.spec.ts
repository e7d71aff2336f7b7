import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { importDocument } from '../import';
import { generateData } from '../generate';
import { addSampleOrganization } from '../generate/sample';
import { migrations } from '../../../../migrations/index.js';
import { rebuildCategoryRollups } from '../../../../migrations/0017_category_keys.js';
import { NO_TASK_FILTERS, scopedUpdates } from './scope';
import { getDataVersion, readRollups } from './rollups';
import { countTasks } from './tasks';
import { resolveScope } from './scope';
import { parseFilters } from '../../filters';
import { removeSampleData } from './sample';
import { wideCsv } from '../import/fixtures/wide-table';
import { groupUpdates, rollupAnswer } from './measures';

/** Every organization's subtree, by plain recursive SQL: what a rollup row must equal. */
async function subtrees(db: DB): Promise<Map<number, number[]>> {
	const orgs = await db.selectFrom('organizations').select(['id', 'parent_id']).execute();
	const out = new Map<number, number[]>();
	for (const org of orgs) {
		const ids = [org.id];
		for (let i = 0; i < ids.length; i++) for (const child of orgs) if (child.parent_id === ids[i]) ids.push(child.id);
		out.set(org.id, ids);
	}
	return out;
}

type Row = {
	periodId: number;
	key: string;
	status: string;
	statusSource: string;
	taskCount: number;
	flaggedCount: number;
	ratioSum: number;
	ratioCount: number;
};
const canonical = (rows: Row[]) =>
	rows
		.map(
			(r) =>
				`${r.periodId}|${r.key}|${r.status}|${r.statusSource}|${Number(r.taskCount)}|${Number(r.flaggedCount)}|${Number(r.ratioSum).toFixed(6)}|${Number(r.ratioCount)}`
		)
		.sort();

/** The same numbers by the plain GROUP BY over current updates: what countUpdates runs without rollups. */
async function groupBy(db: DB, organizationIds: number[], dimension: 'status' | 'category' | 'theme'): Promise<Row[]> {
	return (await groupUpdates(scopedUpdates(db, { organizationIds }, null, NO_TASK_FILTERS), dimension)) as Row[];
}

async function expectRollupsExact(db: DB) {
	const trees = await subtrees(db);
	const periods = (await db.selectFrom('periods').select('id').execute()).map((p) => p.id);
	for (const [organizationId, ids] of trees) {
		for (const dimension of ['status', 'category', 'theme'] as const) {
			const rolled = (await readRollups(db, [organizationId], periods, dimension)) as unknown as Row[];
			expect(canonical(rolled), `organization ${organizationId}, ${dimension}`).toEqual(
				canonical(await groupBy(db, ids, dimension))
			);
		}
	}
}

const SEED = readFileSync('data/reports/xinjie-2024-q2.txt', 'utf8');

describe('status rollups', () => {
	let db: DB;
	beforeAll(async () => {
		db = await openTestDatabase();
	});

	it('equal the GROUP BY after imports, a newer report for the same period, a second period, generated data and sample data', async () => {
		for (const file of ['xinjie-2024-q2.txt', 'xiaoshan-2020-h1.txt'])
			await importDocument(db, readFileSync(`data/reports/${file}`));
		// A wide table: its earlier column is a second period, written by the same source.
		await importDocument(db, wideCsv());
		await expectRollupsExact(db);
		// The same table again, one earlier text changed: both its periods are replaced.
		await importDocument(
			db,
			Buffer.from(new TextDecoder().decode(wideCsv()).replace('1个小区已开工。', '1个小区已完工。'))
		);
		await expectRollupsExact(db);

		// A correction published later: every update of the period is superseded.
		const corrected = SEED.replace('发布日期:2024-07-08', '发布日期:2024-07-20').replace(
			'稳步推进平安村社创建',
			'平安村社创建进度滞后'
		);
		await importDocument(db, Buffer.from(corrected));
		// An earlier quarter arriving late, with a task renamed (a new task) and one moved to another category.
		const q1 = SEED.replace('第二季度重点任务', '第一季度重点任务')
			.replace('二季度完成情况', '一季度完成情况')
			.replace('发布日期:2024-07-08', '发布日期:2024-04-08')
			.replace('做好超前感知防治', '做好超前感知预警')
			.replace('该项工作', '');
		await importDocument(db, Buffer.from(q1));
		await expectRollupsExact(db);

		await generateData(db, { seed: 'rollup', organizations: 6, years: 2, tasksPerPlan: 12 });
		await addSampleOrganization(db);
		await expectRollupsExact(db);
	});

	it("give each scope's period and earlier period as a plain look at its current updates does", async () => {
		const trees = await subtrees(db);
		const periods = await db.selectFrom('periods').select(['id', 'year', 'month_end as monthEnd']).execute();
		/** The periods with current updates of these organizations' plans (all but `excluded` when null). */
		const withData = async (ids: number[] | null, excluded: number[]) => {
			const rows = await db
				.selectFrom('updates')
				.innerJoin('tasks', 'tasks.id', 'updates.task_id')
				.innerJoin('plans', 'plans.id', 'tasks.plan_id')
				.select('updates.period_id')
				.distinct()
				.where('updates.superseded_at', 'is', null)
				.$if(ids !== null, (qb) => qb.where('plans.organization_id', 'in', ids!))
				.$if(excluded.length > 0, (qb) => qb.where('plans.organization_id', 'not in', excluded))
				.execute();
			const found = new Set(rows.map((r) => r.period_id));
			return periods.filter((p) => found.has(p.id));
		};
		const latest = (list: typeof periods) =>
			[...list].sort((a, b) => b.year - a.year || b.monthEnd - a.monthEnd)[0] ?? null;
		// No period named, and every year × month the periods end in (a quarter or a span to that month alike).
		const asked = [null, ...periods.map((p) => ({ year: p.year, monthEnd: p.monthEnd }))];
		let checked = 0;
		for (const org of [null, ...trees.keys()]) {
			for (const period of asked) {
				const query = [org ? `org=${org}` : '', period ? `year=${period.year}&months=1-${period.monthEnd}` : '']
					.filter(Boolean)
					.join('&');
				const scope = await resolveScope(db, parseFilters(new URLSearchParams(query)));
				const have = await withData(org ? trees.get(org)! : null, scope.excludedOrganizationIds ?? []);
				const wanted = latest(
					have.filter((p) => !period || (p.year === period.year && p.monthEnd === period.monthEnd))
				);
				expect(scope.period?.id ?? null, query).toBe(wanted?.id ?? null);
				if (!scope.period) continue;
				const earlier = latest(
					have.filter((p) => p.year === scope.period!.year && p.monthEnd < scope.period!.monthEnd)
				);
				expect(scope.since?.id ?? null, query).toBe(earlier?.id ?? null);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(20);
	});

	it('drop the sample with it and bump the data version on every write', async () => {
		const before = await getDataVersion(db);
		await removeSampleData(db);
		expect(await getDataVersion(db)).toBeGreaterThan(before);
		await expectRollupsExact(db);
		const afterRemoval = await getDataVersion(db);
		await importDocument(
			db,
			Buffer.from(SEED.replace('新街街道办事处', '南街街道办事处').replace('发布机构 新街街道', '发布机构 南街街道'))
		);
		expect(await getDataVersion(db)).toBeGreaterThan(afterRemoval);
		await expectRollupsExact(db);
	});

	it('count the task table exactly for status, source, category and theme filters', async () => {
		const category = (
			await db.selectFrom('categories').select('name').where('name', 'is not', null).executeTakeFirstOrThrow()
		).name!;
		const theme = (await db.selectFrom('themes').select('name').executeTakeFirstOrThrow()).name;
		const queries = [
			'',
			'status=behind',
			'status=completed,on_track&source=inferred',
			`category=${encodeURIComponent(category)}&status=on_track`,
			`theme=${encodeURIComponent(theme)}`,
			'org=新街街道&status=unknown'
		];
		for (const query of queries) {
			const filters = parseFilters(new URLSearchParams(query));
			const scope = await resolveScope(db, filters);
			expect(await rollupAnswer(db, scope, filters, 'status'), query).not.toBeNull();
			const rolled = await countTasks(db, scope, scope.period!.id, filters);
			const plain = await scopedUpdates(db, scope, [scope.period!.id], filters).select('updates.id').execute();
			expect(rolled, query).toBe(plain.length);
		}
		for (const query of [
			'flag=duplicate_text',
			'owner=x',
			`category=${encodeURIComponent(category)}&theme=${encodeURIComponent(theme)}`
		]) {
			const filters = parseFilters(new URLSearchParams(query));
			expect(await rollupAnswer(db, await resolveScope(db, filters), filters, 'status'), query).toBeNull();
		}
	});

	it('are backfilled exactly by the migration for data written before it', async () => {
		const fresh = await openTestDatabase();
		await importDocument(fresh, readFileSync('data/reports/xinjie-2024-q2.txt'));
		await generateData(fresh, { seed: 'backfill', organizations: 4, years: 1, tasksPerPlan: 10 });
		await sql`drop table status_rollups`.execute(fresh);
		await sql`drop table data_version`.execute(fresh);
		await migrations['0010_status_rollups'].up(fresh.withTables() as never);
		// 0010's backfill summed the ratio of its day; 0015 recomputes it under the one definition.
		await migrations['0015_completion_ratio'].up(fresh.withTables() as never);
		// 0015 keyed categories by their published names; 0017 keys them by src/lib/domain/category-key.ts.
		await rebuildCategoryRollups(fresh.withTables() as never);
		await expectRollupsExact(fresh);
	});
});
