import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { openDatabase, type DB } from '../db';
import { migrateToLatest } from '../db/migrate';
import { openTestDatabase } from '../db/testing';
import { ImportError, importDocument } from '../import';
import { wideCsv, wideXlsx } from '../import/fixtures/wide-table';
import { buildWorkbook } from '../import/fixtures/workbooks';
import { generateData } from '../generate';
import { DUMP_TABLES } from './dump';

const SEED = readFileSync('data/reports/xinjie-2024-q2.txt');

/** Every row of every table, for comparing a database before and after an operation. */
async function dump(db: DB): Promise<Record<string, unknown[]>> {
	const out: Record<string, unknown[]> = {};
	for (const table of DUMP_TABLES)
		out[table] = (await sql`select * from ${sql.table(table)} order by 1`.execute(db)).rows;
	return out;
}

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('writeReport through a real SQLite file', () => {
	it('round-trips the seed: organizations, plan, period, categories, tasks, targets, themes, updates, flags', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'jindu-'));
		dirs.push(dir);
		const file = path.join(dir, 'test.db');
		let db = openDatabase(file);
		await migrateToLatest(db);
		const { result } = await importDocument(db, SEED, { fileName: 'xinjie-2024-q2.txt' });
		expect(result).toMatchObject({ outcome: 'imported', taskCount: 12, replacedCount: 0 });
		await db.destroy();

		db = openDatabase(file);
		const orgs = await db.selectFrom('organizations').select(['id', 'name', 'parent_id']).orderBy('id').execute();
		expect(orgs.map((o) => o.name)).toEqual(['杭州市', '萧山区', '新街街道']);
		expect(orgs[2].parent_id).toBe(orgs[1].id);
		const period = await db.selectFrom('periods').selectAll().executeTakeFirstOrThrow();
		expect(period).toMatchObject({ year: 2024, quarter: 2, month_end: 6 });
		const source = await db.selectFrom('sources').selectAll().executeTakeFirstOrThrow();
		expect(source).toMatchObject({ index_no: 'H083/2024-79731', publisher: '新街街道', written_on: '2024-07-08' });
		expect(Buffer.from(source.body).equals(SEED)).toBe(true);
		const categories = await db.selectFrom('categories').select('name').orderBy('position').execute();
		expect(categories).toHaveLength(4);
		const tasks = await db.selectFrom('tasks').select(['id', 'name']).orderBy('position').execute();
		expect(tasks.map((t) => t.name)).toEqual([
			'坚定数字升级',
			'拓展项目渠道',
			'实现高质运行',
			'聚能聚力重塑关键板块',
			'用心用情提升街域风貌',
			'敢想敢做抓好城市管理',
			'全面打造美好教育',
			'丰富文化文明活动',
			'扎实推进民生优享',
			'深化系统治理体系',
			'做好靠前管理服务',
			'做好超前感知防治'
		]);
		const targets = await db
			.selectFrom('targets')
			.innerJoin('tasks', 'tasks.id', 'targets.task_id')
			.select(['tasks.name', 'targets.value', 'targets.unit', 'targets.comparator'])
			.orderBy('tasks.position')
			.orderBy('targets.position')
			.execute();
		expect(targets).toEqual(
			expect.arrayContaining([
				{ name: '坚定数字升级', value: 5, unit: '个', comparator: '>=' },
				{ name: '实现高质运行', value: 1, unit: '宗', comparator: '>=' },
				{ name: '丰富文化文明活动', value: 30, unit: '场次', comparator: '>=' },
				{ name: '丰富文化文明活动', value: 2, unit: '座', comparator: '=' }
			])
		);
		const updates = await db.selectFrom('updates').select(['task_id', 'status_source', 'superseded_at']).execute();
		expect(updates).toHaveLength(12);
		expect(updates.every((u) => u.status_source === 'inferred' && u.superseded_at === null)).toBe(true);
		const untagged = await db
			.selectFrom('tasks')
			.select('name')
			.where((eb) =>
				eb.not(
					eb.exists(eb.selectFrom('task_themes').select('task_id').whereRef('task_themes.task_id', '=', 'tasks.id'))
				)
			)
			.execute();
		expect(untagged).toEqual([]);
		const flags = await db
			.selectFrom('quality_flags')
			.innerJoin('updates', 'updates.id', 'quality_flags.update_id')
			.innerJoin('tasks', 'tasks.id', 'updates.task_id')
			.select(['tasks.name', 'quality_flags.kind'])
			.where('quality_flags.kind', '=', 'duplicate_text')
			.orderBy('tasks.position')
			.execute();
		expect(flags.map((f) => f.name)).toEqual(['坚定数字升级', '聚能聚力重塑关键板块']);
		await db.destroy();
	});

	it('re-importing the same document changes nothing and says so', async () => {
		const db = await openTestDatabase();
		await importDocument(db, SEED, { fileName: 'a.txt' });
		const before = await dump(db);
		const { result } = await importDocument(db, SEED, { fileName: 'b.txt' });
		expect(result.outcome).toBe('unchanged');
		expect(await dump(db)).toEqual(before);
	});

	it('a newer report for the same plan and period replaces its updates and keeps the old ones as history', async () => {
		const db = await openTestDatabase();
		await importDocument(db, SEED);
		const corrected = Buffer.from(
			SEED.toString('utf8')
				.replace('发布日期:2024-07-08', '发布日期:2024-07-20')
				.replace('已完成海塘路沿线道路、景观、立面提升。', '海塘路沿线提升工程已全部完成。')
		);
		const { result } = await importDocument(db, corrected);
		expect(result).toMatchObject({ outcome: 'imported', replacedCount: 12, taskCount: 12 });
		expect(await db.selectFrom('tasks').select('id').execute()).toHaveLength(12);
		const rows = await db.selectFrom('updates').select(['source_id', 'superseded_at']).execute();
		expect(rows).toHaveLength(24);
		expect(rows.filter((r) => r.superseded_at === null).every((r) => r.source_id === result.sourceId)).toBe(true);
		expect(rows.filter((r) => r.superseded_at !== null)).toHaveLength(12);
	});

	it('an older report imported after a newer one is kept as history, not made current', async () => {
		const db = await openTestDatabase();
		const newer = Buffer.from(SEED.toString('utf8').replace('发布日期:2024-07-08', '发布日期:2024-07-20'));
		const first = await importDocument(db, newer);
		const { result } = await importDocument(db, SEED);
		expect(result.outcome).toBe('history');
		const current = await db.selectFrom('updates').select('source_id').where('superseded_at', 'is', null).execute();
		expect(current.every((r) => r.source_id === first.result.sourceId)).toBe(true);
	});

	it('a document that fails leaves every table exactly as it was', async () => {
		const db = await openTestDatabase();
		await importDocument(db, SEED);
		const before = await dump(db);
		await expect(importDocument(db, Buffer.from('这不是报告\n只有两行文字\n'))).rejects.toThrow();
		await expect(importDocument(db, Buffer.from([0, 1, 2, 3, 255, 0, 7]))).rejects.toThrow();
		expect(await dump(db)).toEqual(before);
	});

	it('a failure in the middle of the write rolls the whole document back', async () => {
		const db = await openTestDatabase();
		await importDocument(db, SEED);
		const before = await dump(db);
		// A trigger that fails on the 7th task of the next document: the first six are already written by then.
		await sql`create trigger fail_late before insert on tasks when (select count(*) from tasks) >= 18
			begin select raise(abort, 'disk full (simulated)'); end`.execute(db);
		const other = Buffer.from(
			SEED.toString('utf8')
				.replace('新街街道办事处', '东街街道办事处')
				.replace('发布机构 新街街道', '发布机构 东街街道')
		);
		await expect(importDocument(db, other)).rejects.toThrow(/disk full/);
		expect(await dump(db)).toEqual(before);
	});
});

describe('writeReport: HTML, Excel, CSV and wide tables', () => {
	const xinjieHtml = () => readFileSync('src/lib/server/import/fixtures/xinjie-2024-q2.html');
	/** The wide CSV fixture with a 发布日期 row, so that reports for the same periods can be ordered. */
	const wideOn = (date: string, replace: [string, string] = ['', '']) =>
		Buffer.from(
			new TextDecoder().decode(wideCsv()).replace('\r\n', `\r\n发布日期,${date}\r\n`).replace(replace[0], replace[1])
		);
	/** A single-period 1-10月 report for the same plan. */
	const octoberOn = (date: string, text: string) =>
		Buffer.from(
			[
				'杭州市萧山区人民政府新街街道办事处2023年重点工作1-10月推进情况',
				`发布日期,${date}`,
				'序号,工作任务,责任单位,推进情况',
				`1,新建城市书房3座,文化站,${text}`,
				'2,完成老旧小区改造2个,城建办,1个小区已开工。',
				'3,开展群文活动不少于30场次,文化站,尚未启动。'
			].join('\n') + '\n'
		);
	const periodLabels = async (db: DB) =>
		(await db.selectFrom('periods').select('label').orderBy('month_end').execute()).map((p) => p.label);
	const currentTexts = async (db: DB, label: string) =>
		(
			await db
				.selectFrom('updates')
				.innerJoin('periods', 'periods.id', 'updates.period_id')
				.innerJoin('tasks', 'tasks.id', 'updates.task_id')
				.select(['tasks.name', 'updates.status_text'])
				.where('periods.label', '=', label)
				.where('updates.superseded_at', 'is', null)
				.orderBy('tasks.position')
				.execute()
		).map((u) => u.status_text);

	it('writes a wide table’s two periods as two updates per task, from one source holding the latest period', async () => {
		const db = await openTestDatabase();
		const { result } = await importDocument(db, await wideXlsx(), { fileName: 'wide.xlsx' });
		expect(result).toMatchObject({ outcome: 'imported', taskCount: 3, historyCount: 3, replacedCount: 0 });
		expect(await periodLabels(db)).toEqual(['1-10月', '1-11月']);
		const sources = await db
			.selectFrom('sources')
			.innerJoin('periods', 'periods.id', 'sources.period_id')
			.select(['sources.format', 'periods.label', 'sources.text'])
			.execute();
		expect(sources).toMatchObject([{ format: 'xlsx', label: '1-11月' }]);
		expect(sources[0].text).toContain('新建城市书房3座\t文化站');
		const updates = await db
			.selectFrom('updates')
			.innerJoin('periods', 'periods.id', 'updates.period_id')
			.innerJoin('tasks', 'tasks.id', 'updates.task_id')
			.select([
				'tasks.name',
				'periods.label',
				'updates.status',
				'updates.status_source',
				'updates.notes',
				'updates.actual_value',
				'updates.source_id',
				'updates.superseded_at'
			])
			.orderBy('tasks.position')
			.orderBy('periods.month_end')
			.execute();
		expect(updates.map((u) => [u.name, u.label, u.status, u.status_source, u.notes, u.actual_value])).toEqual([
			['新建城市书房3座', '1-10月', 'on_track', 'inferred', null, null],
			['新建城市书房3座', '1-11月', 'on_track', 'reported', null, 3],
			['完成老旧小区改造2个', '1-10月', 'on_track', 'inferred', null, null],
			['完成老旧小区改造2个', '1-11月', 'behind', 'reported', '受雨季影响工期延误，下一步加派施工力量。', 1],
			['开展群文活动不少于30场次', '1-10月', 'not_started', 'inferred', null, null],
			['开展群文活动不少于30场次', '1-11月', 'behind', 'reported', '场地不足。', 12]
		]);
		expect(updates.every((u) => u.source_id === result.sourceId && u.superseded_at === null)).toBe(true);
	});

	it('writes every update in a period of its plan’s year, as scopedUpdates assumes when it narrows plans by year', async () => {
		const db = await openTestDatabase();
		await importDocument(db, SEED, { fileName: 'seed.txt' });
		await importDocument(db, await wideXlsx(), { fileName: 'wide.xlsx' });
		await importDocument(db, xinjieHtml(), { fileName: 'xinjie.html' });
		await generateData(db, { seed: 'plan-years', organizations: 4, years: 2, tasksPerPlan: 6 });
		const years = await db
			.selectFrom('updates')
			.innerJoin('tasks', 'tasks.id', 'updates.task_id')
			.innerJoin('plans', 'plans.id', 'tasks.plan_id')
			.innerJoin('periods', 'periods.id', 'updates.period_id')
			.select(['plans.year as planYear', 'periods.year as periodYear'])
			.execute();
		expect(new Set(years.map((y) => y.planYear)).size).toBeGreaterThan(1);
		expect(years.filter((y) => y.planYear !== y.periodYear)).toEqual([]);
	});

	it('applies the newest-report rule to each period: a later 1-10月 report replaces that column, an older one stays history', async () => {
		const db = await openTestDatabase();
		await importDocument(db, octoberOn('2023-11-05', '已建成1座。'));
		const wide = await importDocument(db, wideOn('2023-12-05'));
		expect(wide.result).toMatchObject({ outcome: 'imported', historyCount: 3 });
		expect(await currentTexts(db, '1-10月')).toEqual(['已建成2座，第3座正在装修。', '1个小区已开工。', '尚未启动。']);

		const older = await importDocument(db, octoberOn('2023-11-20', '已建成2座。'));
		expect(older.result.outcome).toBe('history');
		expect(await currentTexts(db, '1-10月')).toEqual(['已建成2座，第3座正在装修。', '1个小区已开工。', '尚未启动。']);

		const corrected = await importDocument(db, octoberOn('2023-12-10', '已建成2座，第3座完成主体。'));
		expect(corrected.result).toMatchObject({ outcome: 'imported', replacedCount: 3 });
		expect(await currentTexts(db, '1-10月')).toEqual(['已建成2座，第3座完成主体。', '1个小区已开工。', '尚未启动。']);
		expect(await currentTexts(db, '1-11月')).toEqual([
			'3座城市书房全部建成并投入使用。',
			'1个小区完工，另1个进度滞后。',
			'已开展12场次，推进缓慢。'
		]);
	});

	it('a wide table published before the current report of an earlier period writes that column as history', async () => {
		const db = await openTestDatabase();
		await importDocument(db, octoberOn('2023-12-20', '已建成2座。'));
		const { result } = await importDocument(db, wideOn('2023-12-05'));
		expect(result).toMatchObject({ outcome: 'imported', historyCount: 3, replacedCount: 0 });
		expect(await currentTexts(db, '1-10月')).toEqual(['已建成2座。', '1个小区已开工。', '尚未启动。']);
		expect(await currentTexts(db, '1-11月')).toHaveLength(3);
	});

	it('flags a latest text copied from the table’s own earlier column as same_as_previous', async () => {
		const db = await openTestDatabase();
		await importDocument(db, wideOn('2023-12-05', ['1个小区完工，另1个进度滞后。', '1个小区已开工。']));
		const flags = await db
			.selectFrom('quality_flags')
			.innerJoin('updates', 'updates.id', 'quality_flags.update_id')
			.innerJoin('tasks', 'tasks.id', 'updates.task_id')
			.innerJoin('periods', 'periods.id', 'updates.period_id')
			.select(['tasks.name', 'periods.label', 'quality_flags.kind'])
			.where('quality_flags.kind', '=', 'same_as_previous')
			.execute();
		expect(flags).toEqual([{ name: '完成老旧小区改造2个', label: '1-11月', kind: 'same_as_previous' }]);
	});

	it('records each document’s format and keeps an HTML page’s visible text, not its markup', async () => {
		const db = await openTestDatabase();
		await importDocument(db, xinjieHtml(), { fileName: 'xinjie.html' });
		await importDocument(db, wideCsv(), { fileName: 'wide.csv' });
		const sources = await db.selectFrom('sources').select(['format', 'text', 'body']).orderBy('id').execute();
		expect(sources.map((s) => s.format)).toEqual(['html', 'csv']);
		expect(sources[0].text).toContain('坚定数字升级 | 全力做好智能制造');
		expect(sources[0].text).not.toMatch(/<td|<script|_hmt|政务服务/);
		expect(Buffer.from(sources[0].body).equals(xinjieHtml())).toBe(true);
	});

	it('a wide table that fails in the middle of its earlier periods leaves every table exactly as it was', async () => {
		const db = await openTestDatabase();
		await importDocument(db, SEED);
		const before = await dump(db);
		// The latest period's 3 updates are written first; the trigger fails on the first earlier-period one.
		await sql`create trigger fail_history before insert on updates when (select count(*) from updates) >= 15
			begin select raise(abort, 'disk full (simulated)'); end`.execute(db);
		await expect(importDocument(db, await wideXlsx())).rejects.toThrow(/disk full/);
		expect(await dump(db)).toEqual(before);
	});

	it.each([
		['a page cut before its header', async () => xinjieHtml().subarray(0, 2000)],
		[
			'a page without a task table',
			async () => Buffer.from('<html><body><table><tr><td>索引号</td></tr></table></body></html>')
		],
		['a CSV without a task header', async () => Buffer.from('名称,数量\n苹果,3\n')],
		['a truncated workbook', async () => (await wideXlsx()).subarray(0, 3000)],
		[
			'a workbook without a year',
			async () =>
				buildWorkbook([
					{
						name: 'S',
						rows: [
							['工作任务', '进展情况'],
							['任务一', '已完成。']
						]
					}
				])
		]
	])('%s writes nothing', async (_, bytes) => {
		const db = await openTestDatabase();
		await importDocument(db, SEED);
		const before = await dump(db);
		await expect(importDocument(db, await bytes())).rejects.toBeInstanceOf(ImportError);
		expect(await dump(db)).toEqual(before);
	});
});

describe('writeReport: the cost of the document, not of the database', () => {
	it('reads and writes through indexes only: no statement of an import scans a table', async () => {
		const handle = new Database(':memory:');
		handle.pragma('foreign_keys = ON');
		const statements: { sql: string; parameters: readonly unknown[] }[] = [];
		let capturing = false;
		const db = openDatabase(':memory:', {
			handle,
			log: (e) => capturing && statements.push({ sql: e.query.sql, parameters: e.query.parameters })
		});
		await migrateToLatest(db);
		await generateData(db, { seed: 'scans', organizations: 4, years: 1, tasksPerPlan: 12 });
		await importDocument(db, SEED);
		capturing = true;
		// A correction of the same plan and period: it supersedes, rewrites targets and themes, refreshes rollups.
		const corrected = SEED.toString('utf8').replace('发布日期:2024-07-08', '发布日期:2024-07-20');
		await importDocument(db, Buffer.from(corrected.replace('已完成海塘路沿线', '海塘路沿线已完成')));
		capturing = false;
		expect(statements.length).toBeGreaterThan(20);
		const scans = statements.flatMap(({ sql: text, parameters }) =>
			/^(select|update|delete|with)/i.test(text)
				? (handle.prepare(`explain query plan ${text}`).all(...parameters) as { detail: string }[])
						.map((row) => row.detail)
						.filter((detail) => /^SCAN (?!sqlite_sequence)/.test(detail))
						.map((detail) => `${detail}: ${text}`)
				: []
		);
		expect(scans).toEqual([]);
	});
});
