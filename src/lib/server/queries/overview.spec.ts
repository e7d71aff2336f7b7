import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { importDocument, previewDocument } from '../import';
import { EMPTY_FILTERS, parseFilters } from '../../filters';
import type { DraftTask } from '../import/types';
import { NO_TASK_FILTERS, resolveScope, scopedUpdates } from './scope';
import * as overview from './overview';
import * as changes from './changes';
import { DEFAULT_TRAFFIC_LIGHT_RULE } from '../../domain/schedule';
import { STATUSES, type Status } from '../../domain/status';
import { compareAttention } from '../../domain/attention';
import { generateData } from '../generate';
import * as tasks from './tasks';

const manifest: Record<string, string[]> = JSON.parse(readFileSync('data/reports/manifest.json', 'utf8'));
const SEED = readFileSync('data/reports/xinjie-2024-q2.txt', 'utf8');
/** The seed as if published a quarter earlier: same tasks, Q1 period, different texts for two tasks. */
const SEED_Q1 = SEED.replace('第二季度重点任务', '第一季度重点任务')
	.replace('二季度完成情况', '一季度完成情况')
	.replace('成文日期 2024-07-08', '成文日期 2024-04-08')
	.replace('发布日期:2024-07-08', '发布日期:2024-04-08')
	.replace('积极推动警网融合', '该项工作尚未启动，计划下季度推进。积极推动警网融合')
	.replace('提升义务教育最大承载力', '进度滞后。提升义务教育最大承载力');

let db: DB;
const drafts = new Map<string, DraftTask[]>();

beforeAll(async () => {
	db = await openTestDatabase();
	for (const file of readdirSync('data/reports').filter((f) => f.endsWith('.txt'))) {
		const bytes = readFileSync(`data/reports/${file}`);
		const { draft } = await importDocument(db, bytes, { fileName: file, organization: manifest[file] });
		drafts.set(
			file,
			draft.categories.flatMap((c) => c.tasks)
		);
	}
	const q1 = Buffer.from(SEED_Q1);
	await importDocument(db, q1, { fileName: 'xinjie-2024-q1.txt' });
	drafts.set(
		'q1',
		(await previewDocument(q1)).draft.categories.flatMap((c) => c.tasks)
	);
});

async function scopeOf(query: string) {
	return resolveScope(db, parseFilters(new URLSearchParams(query)));
}

function tally(tasks: DraftTask[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const task of tasks) out[task.status] = (out[task.status] ?? 0) + 1;
	return out;
}

describe('resolveScope', () => {
	it('picks the latest period with data for an organization and rolls a parent up over its children', async () => {
		const xinjie = await scopeOf('org=新街街道');
		expect(xinjie.period).toMatchObject({ year: 2024, quarter: 2 });
		const xiaoshan = await scopeOf('org=萧山区');
		expect(xiaoshan.organizationIds).toHaveLength(2);
		expect(xiaoshan.period).toMatchObject({ year: 2024, quarter: 2 });
		expect((await scopeOf('org=萧山区&year=2020')).period).toMatchObject({ year: 2020, quarter: 2 });
	});

	it('takes an organization by id as by name, and names the parameter when unknown', async () => {
		const byName = await scopeOf('org=新街街道');
		expect((await scopeOf(`org=${byName.organizations[0].id}`)).organizationIds).toEqual(byName.organizationIds);
		await expect(scopeOf('org=不存在街道')).rejects.toThrow(/^org: /);
	});

	it('has no period, not an error, where a valid filter finds no data', async () => {
		expect((await scopeOf('org=新街街道&year=2019')).period).toBeNull();
		expect((await scopeOf('org=新街街道&year=2024&quarter=4')).period).toBeNull();
	});
});

describe('overview aggregates', () => {
	it('counts the seed per status exactly as the importer classified its 12 tasks', async () => {
		const scope = await scopeOf('org=新街街道');
		const rows = await overview.countTasksByPeriodStatus(db, scope, [scope.period!.id], NO_TASK_FILTERS);
		const counted: Record<string, number> = {};
		for (const row of rows) counted[row.status] = (counted[row.status] ?? 0) + row.taskCount;
		expect(counted).toEqual(tally(drafts.get('xinjie-2024-q2.txt')!));
		expect(rows.reduce((n, r) => n + r.taskCount, 0)).toBe(12);
	});

	it('counts by category in report order, under their keys (full-width commas): four categories of three tasks', async () => {
		const scope = await scopeOf('org=新街街道');
		const rows = await overview.countTasksByCategoryStatus(db, scope, scope.period!.id, NO_TASK_FILTERS);
		const perCategory = new Map<string, number>();
		for (const row of rows) perCategory.set(row.category!, (perCategory.get(row.category!) ?? 0) + row.taskCount);
		expect([...perCategory.keys()]).toEqual([
			'坚持引育并举，全力保稳促调，增强经济发展支撑力',
			'坚持环境提质，聚焦美丽创建，增强区域发展新魅力',
			'坚持以人为本，提升公共服务，不断提高群众满意率',
			'坚持干群合力，优化基层治理，发挥共享共治源动力'
		]);
		expect([...perCategory.values()]).toEqual([3, 3, 3, 3]);
	});

	it('counts by theme: every task at least once, each theme as many times as the importer assigned it', async () => {
		const scope = await scopeOf('org=新街街道');
		const rows = await overview.countTasksByThemeStatus(db, scope, scope.period!.id, NO_TASK_FILTERS);
		const expected: Record<string, number> = {};
		for (const task of drafts.get('xinjie-2024-q2.txt')!)
			for (const theme of task.themes) expected[theme] = (expected[theme] ?? 0) + 1;
		const counted: Record<string, number> = {};
		for (const row of rows) counted[row.theme] = (counted[row.theme] ?? 0) + row.taskCount;
		expect(counted).toEqual(expected);
		expect(Object.values(counted).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(12);
	});

	it('lists the year’s periods in order and counts each', async () => {
		const scope = await scopeOf('org=新街街道');
		const periods = await overview.listPeriodsWithData(db, scope, 2024);
		expect(periods.map((p) => p.quarter)).toEqual([1, 2]);
		const rows = await overview.countTasksByPeriodStatus(
			db,
			scope,
			periods.map((p) => p.id),
			NO_TASK_FILTERS
		);
		const q1 = rows.filter((r) => r.periodId === periods[0].id);
		const counted: Record<string, number> = {};
		for (const row of q1) counted[row.status] = (counted[row.status] ?? 0) + row.taskCount;
		expect(counted).toEqual(tally(drafts.get('q1')!));
		expect(counted.not_started).toBeGreaterThanOrEqual(1);
		expect(counted.behind).toBeGreaterThanOrEqual(1);
	});

	it('narrows by category, theme and status together, and the list agrees with the counts', async () => {
		const scope = await scopeOf('org=新街街道');
		// The published text (ASCII commas) finds the category; its counts carry the key.
		const category = '坚持以人为本,提升公共服务,不断提高群众满意率';
		const filters = { ...NO_TASK_FILTERS, category };
		const counts = await overview.countTasksByCategoryStatus(db, scope, scope.period!.id, filters);
		expect(counts.length).toBeGreaterThan(0);
		expect(counts.every((r) => r.category === '坚持以人为本，提升公共服务，不断提高群众满意率')).toBe(true);
		for (const row of counts) {
			const listed = await scopedUpdates(db, scope, [scope.period!.id], {
				...filters,
				status: [row.status],
				source: [row.statusSource]
			})
				.select('tasks.name')
				.execute();
			expect(listed.length).toBe(row.taskCount);
		}
	});

	it('rolls up a parent: 萧山区 2024 Q2 counts the 新街街道 tasks; the whole database counts every current update', async () => {
		const district = await scopeOf('org=萧山区&year=2024&quarter=2');
		const rows = await overview.countTasksByPeriodStatus(db, district, [district.period!.id], NO_TASK_FILTERS);
		expect(rows.reduce((n, r) => n + r.taskCount, 0)).toBe(12);
		const all = await resolveScope(db, EMPTY_FILTERS);
		const everything = await scopedUpdates(db, all, null, NO_TASK_FILTERS).select('updates.id').execute();
		const expected = [...drafts.values()].reduce((n, tasks) => n + tasks.length, 0);
		expect(everything.length).toBe(expected);
	});

	it('lists tasks needing attention by severity: behind and not started first (no figures, no lights), then flagged', async () => {
		const scope = await scopeOf('org=新街街道&year=2024&quarter=1');
		const { total, tasks } = await overview.listAttentionTasks(
			db,
			scope,
			scope.period!.id,
			NO_TASK_FILTERS,
			50,
			DEFAULT_TRAFFIC_LIGHT_RULE
		);
		expect(tasks.length).toBe(total);
		const rank = (s: string) => (s === 'behind' ? 0 : s === 'not_started' ? 1 : 2);
		expect(tasks.map((t) => rank(t.status))).toEqual([...tasks.map((t) => rank(t.status))].sort());
		expect(
			tasks.filter((t) => t.status !== 'behind' && t.status !== 'not_started').every((t) => t.flags.length > 0)
		).toBe(true);
		expect(tasks.some((t) => t.flags.includes('duplicate_text'))).toBe(true);
	});

	it('ranks the attention list of every real report as the domain ranks it', async () => {
		const all = await resolveScope(db, EMPTY_FILTERS);
		const periods = await db.selectFrom('periods').select('id').execute();
		let ranked = 0;
		for (const { id } of periods) {
			const { total, tasks } = await overview.listAttentionTasks(
				db,
				all,
				id,
				NO_TASK_FILTERS,
				1000,
				DEFAULT_TRAFFIC_LIGHT_RULE
			);
			expect(tasks.length).toBe(total);
			expect(tasks.map((t) => t.taskId)).toEqual([...tasks].sort(compareAttention).map((t) => t.taskId));
			ranked += tasks.length;
		}
		expect(ranked).toBeGreaterThan(0);
	});

	it('counts flagged tasks of any status, as the attention list flags them', async () => {
		for (const query of [
			'org=新街街道&year=2024&quarter=2',
			'org=新街街道&year=2024&quarter=1',
			'org=萧山区&year=2024&quarter=2'
		]) {
			const scope = await scopeOf(query);
			const { tasks } = await overview.listAttentionTasks(
				db,
				scope,
				scope.period!.id,
				NO_TASK_FILTERS,
				1000,
				DEFAULT_TRAFFIC_LIGHT_RULE
			);
			expect(await overview.countFlaggedTasks(db, scope, scope.period!.id, NO_TASK_FILTERS)).toBe(
				tasks.filter((t) => t.flags.length > 0).length
			);
		}
	});

	it('counts and names the tasks whose status changed since the previous period, as the importer classified both', async () => {
		const scope = await scopeOf('org=新街街道&year=2024&quarter=2');
		const [q1, q2] = await overview.listPeriodsWithData(db, scope, 2024);
		const before = new Map(drafts.get('q1')!.map((t) => [t.name, t.status]));
		const expected = drafts
			.get('xinjie-2024-q2.txt')!
			.filter((t) => before.get(t.name) !== t.status)
			.map((t) => ({ name: t.name, from: before.get(t.name), to: t.status }));
		expect(expected.map((c) => c.from)).toEqual(expect.arrayContaining(['not_started', 'behind']));
		const pairs = (rows: { from: Status; to: Status }[]) =>
			[...new Set(rows.map((c) => `${c.from}>${c.to}`))].map((id) => {
				const [from, to] = id.split('>') as [Status, Status];
				return { from, to, keys: null };
			});
		for (const filters of [NO_TASK_FILTERS, { ...NO_TASK_FILTERS, status: ['completed' as const] }]) {
			const wanted = expected.filter((c) => filters.status?.includes(c.to) ?? true);
			// From change_rollups without a filter, by a GROUP BY with one; the same counts either way.
			const counts = await changes.countStatusChanges(db, scope, q2.id, q1.id, filters);
			expect(counts.reduce((n, c) => n + c.count, 0)).toBe(wanted.length);
			const named = await changes.listNamedStatusChanges(db, scope, q2.id, q1.id, filters, pairs(counts), 100);
			expect(named.map(({ name, from, to }) => ({ name, from, to }))).toEqual(wanted);
		}
	});
});

describe('sample data beside real reports', () => {
	it('leaves the sample organization out of the all-organizations view, and shows it when named', async () => {
		const sampleDb = await openTestDatabase();
		await importDocument(sampleDb, readFileSync('data/reports/xinjie-2024-q2.txt'));
		const { addSampleOrganization } = await import('../generate/sample');
		await addSampleOrganization(sampleDb);
		const all = await resolveScope(sampleDb, EMPTY_FILTERS);
		expect(all.period).toMatchObject({ year: 2024, quarter: 2 });
		const counted = await scopedUpdates(sampleDb, all, [all.period!.id], NO_TASK_FILTERS)
			.select('updates.id')
			.execute();
		expect(counted).toHaveLength(12);
		const sample = await resolveScope(sampleDb, parseFilters(new URLSearchParams('org=示例街道')));
		expect(sample.period).toMatchObject({ year: 2024, quarter: 4 });
		expect(
			await scopedUpdates(sampleDb, sample, [sample.period!.id], NO_TASK_FILTERS).select('updates.id').execute()
		).not.toHaveLength(0);
	});
});

describe('the same period year over year', () => {
	let generated: DB;
	beforeAll(async () => {
		generated = await openTestDatabase();
		await generateData(generated, { seed: 'year-over-year', organizations: 6, years: 3, tasksPerPlan: 8 });
	}, 60_000);

	it('lists the selected quarter of every year up to it, each count equal to the task list of that year', async () => {
		const filters = parseFilters(new URLSearchParams('year=2024&quarter=2'));
		const scope = await resolveScope(generated, filters);
		const { periods, counts, progress } = await overview.countTasksSamePeriodByYear(
			generated,
			scope,
			scope.period!,
			NO_TASK_FILTERS
		);
		expect(periods.map((p) => [p.year, p.monthEnd])).toEqual([
			[2022, 6],
			[2023, 6],
			[2024, 6]
		]);
		for (const period of periods) {
			for (const status of STATUSES) {
				const counted = counts
					.filter((r) => r.periodId === period.id && r.status === status)
					.reduce((n, r) => n + r.taskCount, 0);
				const listed = await tasks.countTasks(generated, scope, period.id, {
					...NO_TASK_FILTERS,
					status: [status],
					q: null
				});
				expect(counted, `${period.year} ${status}`).toBe(listed);
			}
			expect(progress.find((p) => p.periodId === period.id)?.meanRatio).toBeGreaterThan(0);
		}
	});

	it('stops at the selected year and narrows by the task filters like every count', async () => {
		const filters = parseFilters(new URLSearchParams('year=2023&quarter=2&status=behind'));
		const scope = await resolveScope(generated, filters);
		const { periods, counts } = await overview.countTasksSamePeriodByYear(generated, scope, scope.period!, filters);
		expect(periods.map((p) => p.year)).toEqual([2022, 2023]);
		expect(new Set(counts.map((r) => r.status))).toEqual(new Set(['behind']));
	});
});

describe('the attention ranking on real indicator pages', () => {
	it('puts red before yellow and the larger gap first, as the domain ranks them', async () => {
		const indicators = await openTestDatabase();
		// Pages that do not name their government are named as the import CLI's --org would.
		for (const [name, organization] of [
			['xianning-city-2021-h1-key-work', ['咸宁市']],
			['zhuanqiao-town-2022-h1-gov-work-report', ['颛桥镇']],
			['huangshi-city-2023-jan-mar-livelihood-fitness', ['黄石市']]
		] as const) {
			const bytes = readFileSync(`src/lib/server/import/fixtures/real/${name}.txt`);
			await importDocument(indicators, bytes, { fileName: `${name}.txt`, organization: [...organization] });
		}
		const all = await resolveScope(indicators, EMPTY_FILTERS);
		const lights = new Set<string | null>();
		for (const { id } of await indicators.selectFrom('periods').select('id').execute()) {
			const { tasks } = await overview.listAttentionTasks(
				indicators,
				all,
				id,
				NO_TASK_FILTERS,
				1000,
				DEFAULT_TRAFFIC_LIGHT_RULE
			);
			for (const t of tasks) lights.add(t.light);
			expect(tasks.map((t) => t.taskId)).toEqual([...tasks].sort(compareAttention).map((t) => t.taskId));
		}
		// Real figures reach the lights, so the order above is more than statuses in task order.
		expect([...lights].filter((l) => l === 'red' || l === 'yellow').length).toBeGreaterThan(0);
	});
});
