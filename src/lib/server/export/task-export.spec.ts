import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Status } from '../../domain/status';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { importDocument } from '../import';
import { parseFilters } from '../../filters';
import { parseTableParams } from '../../table-params';
import { taskSheetHeader, taskSheetRow } from '../../export/task-sheet';
import { neutraliseCell } from '../../export/cells';
import { resolveScope } from '../queries/scope';
import * as tasks from '../queries/tasks';
import { generateData } from '../generate';
import { prepareTaskDownload } from '../pages/task-export';
import { pageRenders } from '../render-queue';
import { tasksCsvStream, tasksXlsxStream } from './task-export';
import { csvRecords } from '../../export/testing';
import { periodName } from '../../domain/period';
import { messages } from '../../i18n';

const manifest: Record<string, string[]> = JSON.parse(readFileSync('data/reports/manifest.json', 'utf8'));
const PAYLOAD = "=cmd|' /C calc'!A0";

let db: DB;

beforeAll(async () => {
	db = await openTestDatabase();
	for (const file of readdirSync('data/reports').filter((f) => f.endsWith('.txt'))) {
		await importDocument(db, readFileSync(`data/reports/${file}`), { fileName: file, organization: manifest[file] });
	}
	// More rows in a period than one export chunk (tasks.TASK_CHUNK_ROWS), so the chunking is exercised.
	await generateData(db, { seed: 'export', organizations: 60, years: 1, tasksPerPlan: 25 });
	const task = await db.selectFrom('tasks').select('id').where('name', '=', '坚定数字升级').executeTakeFirstOrThrow();
	await db.updateTable('tasks').set({ name: PAYLOAD, owner: '@SUM(A1)' }).where('id', '=', task.id).execute();
	await db.updateTable('updates').set({ status_text: '+1+1 完成' }).where('task_id', '=', task.id).execute();
}, 60_000);

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
	return Buffer.from(await new Response(stream).arrayBuffer());
}

/** What the table shows for a query: every row, as export cells (numbers as text, as CSV has them). */
async function tableRows(query: string) {
	const params = new URLSearchParams(query);
	const filters = parseFilters(params);
	const scope = await resolveScope(db, filters);
	const rows = await tasks.listTasks(db, scope, scope.period!.id, filters, parseTableParams(params), {
		limit: 1_000_000,
		offset: 0
	});
	// The period as every page names it, not as the report wrote it (第二季度, 上半年).
	const label = periodName(scope.period!, 'zh');
	const earlier = await earlierByPlainSql(scope.since?.id ?? null);
	return rows.map((row) => taskSheetRow({ ...row, earlier: earlier.get(row.taskId) ?? null }, 'zh', label));
}

/** Every task's current status and text in the earlier period, read without the export's code. */
async function earlierByPlainSql(sinceId: number | null) {
	const { rows } = await sql<{ taskId: number; status: Status; statusText: string | null }>`
		select task_id as taskId, status, status_text as statusText from updates
		where period_id = ${sinceId ?? -1} and superseded_at is null`.execute(db);
	return new Map(rows.map((r) => [r.taskId, { status: r.status, statusText: r.statusText }]));
}

const QUERIES = [
	'org=新街街道&year=2024&quarter=2',
	'year=2024&quarter=3&sort=status&dir=desc',
	'year=2024&quarter=1&status=behind,not_started&sort=owner&dir=desc',
	// The order's organization name must be joined for the export's id query too.
	'year=2024&quarter=2&sort=org&dir=desc'
];

describe('CSV export', () => {
	it.each(QUERIES)('%s: BOM, header, then exactly the table rows in order', async (query) => {
		const download = await prepareTaskDownload(db, new URL(`http://x/tasks/export.csv?${query}`), 'zh');
		const bytes = await bytesOf(tasksCsvStream(download.rows, { lang: 'zh', periodLabel: download.periodLabel }));
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const [header, ...records] = csvRecords(bytes.toString('utf8').slice(1));
		expect(header).toEqual(taskSheetHeader('zh'));
		const expected = (await tableRows(query)).map((cells) =>
			cells.map((c) => (c === null ? '' : typeof c === 'number' ? String(c) : neutraliseCell(c)))
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(records).toEqual(expected);
	});

	it('fills the change columns from the earlier period (Q2 for Q3)', async () => {
		const at = (key: string) => taskSheetHeader('zh').indexOf(messages.zh[key as 'exportPreviousStatus']);
		const rows = await tableRows(QUERIES[1]);
		const withEarlier = rows.filter((cells) => cells[at('exportPreviousStatus')] !== null);
		expect(withEarlier.length).toBeGreaterThan(rows.length / 2);
		expect(new Set(rows.map((cells) => cells[at('exportChange')])).size).toBeGreaterThan(2);
	});

	it('has a case longer than one export chunk', async () => {
		expect((await tableRows(QUERIES[1])).length).toBeGreaterThan(4 * tasks.TASK_CHUNK_ROWS);
	});

	it('neutralises formulas in every text cell', async () => {
		const download = await prepareTaskDownload(
			db,
			new URL('http://x/tasks/export.csv?org=新街街道&year=2024&quarter=2'),
			'zh'
		);
		const text = (
			await bytesOf(tasksCsvStream(download.rows, { lang: 'zh', periodLabel: download.periodLabel }))
		).toString('utf8');
		const row = csvRecords(text.slice(1)).find((r) => r.includes(`'${PAYLOAD}`))!;
		expect(row).toBeDefined();
		expect(row).toContain("'@SUM(A1)");
		expect(row).toContain("'+1+1 完成");
		expect(text).not.toMatch(/(^|,)=cmd/m);
	});

	it('names the file after the filters and the day', async () => {
		const download = await prepareTaskDownload(
			db,
			new URL('http://x/tasks/export.csv?org=新街街道&year=2024&quarter=2&status=behind'),
			'zh'
		);
		expect(download.fileName('csv')).toMatch(/^任务-新街街道-2024年二季度-欠进度-\d{4}-\d{2}-\d{2}\.csv$/);
	});

	it('rejects a bad parameter with 400, naming it', async () => {
		await expect(prepareTaskDownload(db, new URL('http://x/tasks/export.csv?status=late'), 'zh')).rejects.toMatchObject(
			{ status: 400, body: { message: expect.stringContaining('status') } }
		);
		await expect(prepareTaskDownload(db, new URL('http://x/tasks/export.csv?sort=nope'), 'zh')).rejects.toMatchObject({
			status: 400
		});
	});

	it('exports only a header where the scope has no data', async () => {
		const download = await prepareTaskDownload(db, new URL('http://x/tasks/export.csv?year=2019'), 'zh');
		const records = csvRecords(
			(await bytesOf(tasksCsvStream(download.rows, { lang: 'zh', periodLabel: download.periodLabel })))
				.toString('utf8')
				.slice(1)
		);
		expect(records).toHaveLength(1);
	});
});

describe('a long export beside the pages', () => {
	const whole = 'http://x/tasks/export.csv?year=2024&quarter=3';

	it('asks to go on before each chunk after the first, and not after the last', async () => {
		const params = new URL(whole).searchParams;
		const filters = parseFilters(params);
		const scope = await resolveScope(db, filters);
		const log: (number | 'asks')[] = [];
		const chunks = tasks.iterateTasks(db, scope, scope.period!.id, filters, parseTableParams(params), async () => {
			log.push('asks');
		});
		for await (const chunk of chunks) log.push(chunk.length);
		const sizes = log.filter((entry) => entry !== 'asks');
		expect(sizes.length).toBeGreaterThan(4);
		expect(sizes.slice(0, -1).every((size) => size === tasks.TASK_CHUNK_ROWS)).toBe(true);
		expect(log).toEqual(sizes.flatMap((size, i) => (i === 0 ? [size] : ['asks', size])));
	});

	it('goes on while the pages keep the server busy, and loses no row', async () => {
		const download = await prepareTaskDownload(db, new URL(whole), 'zh');
		let release!: () => void;
		const page = pageRenders(() => new Promise<void>((resolve) => (release = resolve)));
		const rows: number[] = [];
		for await (const chunk of download.rows) rows.push(...chunk.map((row) => row.taskId));
		// Every chunk came while the page was still rendering.
		release();
		await page;
		expect(rows).toEqual((await tableRows('year=2024&quarter=3')).map((cells) => cells.at(-1)));
	});
});

describe('XLSX export', () => {
	it.each(QUERIES)('%s: one frozen header row, then exactly the table rows as text', async (query) => {
		const download = await prepareTaskDownload(db, new URL(`http://x/tasks/export.xlsx?${query}`), 'zh');
		const bytes = await bytesOf(
			tasksXlsxStream(download.rows, { lang: 'zh', periodLabel: download.periodLabel }, '任务列表')
		);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[0];
		expect(sheet.name).toBe('任务列表');
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(sheet.getColumn(6).width).toBeGreaterThan(30);
		const values: (string | number | null)[][] = [];
		sheet.eachRow({ includeEmpty: true }, (row) => {
			const cells = (row.values as unknown[]).slice(1);
			values.push(
				Array.from({ length: taskSheetHeader('zh').length }, (_, i) =>
					cells[i] === undefined ? null : (cells[i] as string | number)
				)
			);
		});
		const [header, ...records] = values;
		expect(header).toEqual(taskSheetHeader('zh'));
		expect(sheet.getRow(1).font?.bold).toBe(true);
		const expected = (await tableRows(query)).map((cells) =>
			cells.map((c) => (typeof c === 'string' ? neutraliseCell(c) : c))
		);
		expect(records).toEqual(expected.map((cells) => cells.map((c) => (c === '' ? null : c))));
		// Status as text, never a code.
		const statusColumn = taskSheetHeader('zh').indexOf('状态');
		for (const record of records)
			expect(['已完成', '超进度', '达进度', '欠进度', '未启动', '无法判断']).toContain(record[statusColumn]);
	});

	it('neutralises the formula payload', async () => {
		const download = await prepareTaskDownload(
			db,
			new URL('http://x/tasks/export.xlsx?org=新街街道&year=2024&quarter=2'),
			'zh'
		);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(
			(await bytesOf(
				tasksXlsxStream(download.rows, { lang: 'zh', periodLabel: download.periodLabel }, 'x')
			)) as unknown as ArrayBuffer
		);
		const cells: unknown[] = [];
		workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
		expect(cells).toContain(`'${PAYLOAD}`);
		expect(cells).not.toContain(PAYLOAD);
		expect(cells.some((c) => typeof c === 'object' && c !== null && 'formula' in c)).toBe(false);
	});
});
