import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATUS_LABEL, STATUSES } from '../../domain/status';
import { mapHeader } from './columns';
import { mapReportedStatus } from './infer-status';
import { readDocument } from './read-report';
import { buildTemplate, TEMPLATE_COLUMNS, TEMPLATE_HELP_SHEET, TEMPLATE_LAYOUT, TEMPLATE_SHEET } from './template';
import type { ReportDraft } from './types';

const tasksOf = (draft: ReportDraft) => draft.categories.flatMap((c) => c.tasks);
const Q2 = { quarter: 2, months: null };

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
	return workbook;
}

/** Rows an office might enter, in the template's column order. */
const ROWS: (string | number | null)[][] = [
	[
		'坚持引育并举，增强经济发展支撑力',
		'1',
		'坚定数字升级',
		'实施5个以上数字化改造项目。',
		'经发办',
		'张三',
		'完成3个',
		'已实施数字化改造项目3个。',
		'达进度',
		3,
		null
	],
	[
		null,
		'2',
		'拓展项目渠道',
		'完成1宗以上宅地出让。',
		'规划办',
		'李四',
		'完成挂牌',
		'土地挂牌因规划调整推迟，\n预计三季度完成。',
		'欠进度',
		0,
		'规划调整'
	],
	[
		'坚持以人为本，提升公共服务',
		'3',
		'全面打造美好教育',
		'新建学校1所。',
		'社会事务办',
		'王五',
		'主体结顶',
		'新街五小主体结顶。',
		null,
		null,
		null
	]
];

async function filledTemplate(options: { title?: string; period?: string } = {}): Promise<Uint8Array> {
	const workbook = await load(await buildTemplate());
	const sheet = workbook.getWorksheet(TEMPLATE_SHEET)!;
	const { titleRow, publisherRow, periodRow, publishedOnRow, firstTaskRow } = TEMPLATE_LAYOUT;
	sheet.getCell(titleRow, 1).value =
		options.title ?? '杭州市萧山区人民政府新街街道办事处2024年《政府工作报告》第二季度重点任务执行情况';
	sheet.getCell(publisherRow, 2).value = '新街街道';
	if (options.period) sheet.getCell(periodRow, 2).value = options.period;
	sheet.getCell(publishedOnRow, 2).value = new Date(Date.UTC(2024, 6, 8));
	ROWS.forEach((row, r) =>
		row.forEach((value, c) => value !== null && (sheet.getCell(firstTaskRow + r, c + 1).value = value))
	);
	sheet.mergeCells(firstTaskRow, 1, firstTaskRow + 1, 1);
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('the Excel template', () => {
	let template: Uint8Array;
	beforeAll(async () => {
		template = await buildTemplate();
	});

	it('has the canonical columns on its header row, found by the importer’s synonyms', async () => {
		const sheet = (await load(template)).worksheets[0];
		expect(sheet.name).toBe(TEMPLATE_SHEET);
		const header = TEMPLATE_COLUMNS.map((_, i) => String(sheet.getCell(TEMPLATE_LAYOUT.headerRow, i + 1).value));
		expect(header).toEqual([...TEMPLATE_COLUMNS]);
		expect(mapHeader(header)?.columns.map((c) => c.role)).toEqual([
			'category',
			'seqNo',
			'task',
			'content',
			'owner',
			'leader',
			'periodTarget',
			'statusText',
			'statusWord',
			'actual',
			'note'
		]);
	});

	it('explains on its second sheet the status words accepted — each of which the importer reads as that status', async () => {
		const help = (await load(template)).getWorksheet(TEMPLATE_HELP_SHEET)!;
		const rows = help.getSheetValues().filter(Boolean) as unknown[][];
		for (const status of STATUSES) {
			const row = rows.find((r) => r[1] === STATUS_LABEL.zh[status]);
			expect(row, status).toBeDefined();
			const words = String(row![2]).split('、');
			expect(words.length, status).toBeGreaterThan(0);
			for (const word of words) expect(mapReportedStatus(word, Q2)?.status, `${status}: ${word}`).toBe(status);
		}
		const text = rows.map((r) => r.join(' ')).join('\n');
		for (const period of ['一季度', '上半年', '前三季度', '1-11月', '全年']) expect(text).toContain(period);
	});

	it('is refused unfilled, saying the header has no rows under it', async () => {
		await expect(readDocument(template)).rejects.toThrow(
			/no task table found: the header on 第6行（重点任务!A6） has no complete row under it/
		);
	});

	it('round-trips: filled in programmatically, it imports to the values entered', async () => {
		const draft = await readDocument(await filledTemplate(), { fileName: '模板.xlsx' });
		expect(draft.warnings).toEqual([]);
		expect(draft.period).toEqual({ year: 2024, quarter: 2, months: null, label: '第二季度' });
		expect(draft.source).toMatchObject({ publisher: '新街街道', publishedOn: '2024-07-08' });
		expect(draft.categories.map((c) => [c.name, c.tasks.map((t) => t.name)])).toEqual([
			['坚持引育并举，增强经济发展支撑力', ['坚定数字升级', '拓展项目渠道']],
			['坚持以人为本，提升公共服务', ['全面打造美好教育']]
		]);
		expect(
			tasksOf(draft).map((t) => [
				t.seqNo,
				t.name,
				t.content,
				t.owner,
				t.leader,
				t.periodTarget,
				t.statusText,
				t.status,
				t.statusSource,
				t.actual,
				t.notes
			])
		).toEqual(
			ROWS.map((row) => [
				row[1],
				row[2],
				row[3],
				row[4],
				row[5],
				row[6],
				row[7],
				...expectedStatus(row[8] as string | null),
				row[9],
				row[10]
			])
		);
		expect(tasksOf(draft).map((t) => t.line)).toEqual([7, 8, 9]);
	});

	it('takes the period from the 报告期 cell when the title names none', async () => {
		const draft = await readDocument(
			await filledTemplate({ title: '新街街道2024年重点任务执行情况', period: '2024年1-11月' })
		);
		expect(draft.period).toEqual({ year: 2024, quarter: null, months: [1, 11], label: '1-11月' });
	});
});

function expectedStatus(word: string | null): [string, string] {
	if (word === null) return ['unknown', 'inferred'];
	const status = STATUSES.find((s) => STATUS_LABEL.zh[s] === word)!;
	return [status, 'reported'];
}
