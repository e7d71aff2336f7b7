import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { structureOf } from './fixtures/compare';
import { buildWorkbook, seedSheet, SEED_TITLE } from './fixtures/workbooks';
import { readDocument, readReport, readSource } from './read-report';
import { ImportError, type ReportDraft } from './types';

const tasksOf = (draft: ReportDraft) => draft.categories.flatMap((c) => c.tasks);
const KEQIAO_HEADER = ['序号', '工作任务', '责任单位', '一季度目标', '进展情况、存在问题及下一步打算', '目标完成情况'];

describe('readDocument: the seed as an Excel sheet (title and notes above the header, merged categories, dates)', () => {
	const text = readReport(readFileSync('data/reports/xinjie-2024-q2.txt'));
	let bytes: Uint8Array;
	let draft: ReportDraft;
	beforeAll(async () => {
		bytes = await buildWorkbook([seedSheet(), { name: '说明', rows: [['填表说明'], ['任务类别', '具体任务']] }]);
		draft = await readDocument(bytes, { fileName: 'xinjie-2024-q2.xlsx' });
	});

	it('reads exactly the structure the text reader gives for the page text', () => {
		expect(structureOf(draft)).toEqual(structureOf(text));
	});

	it('gives each task its row number as its line, and has no warnings', () => {
		expect(tasksOf(draft).map((t) => t.line)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
		expect(draft.warnings).toEqual([]);
	});

	it('records the format and keeps the cells as text, one row to a line', async () => {
		const source = await readSource(bytes);
		expect(source.format).toBe('xlsx');
		expect(source.text.split('\n')[0]).toBe(SEED_TITLE);
		expect(source.text).toContain('发布日期\t2024-07-08 14:44');
		expect(source.text).toContain('坚定数字升级\t全力做好智能制造');
	});

	it('reads another sheet by name, and names the sheets when the name is wrong', async () => {
		const two = await buildWorkbook([{ name: '封面', rows: [['封面']] }, seedSheet('二季度')]);
		expect(structureOf(await readDocument(two, { sheet: '二季度' }))).toEqual(structureOf(text));
		await expect(readDocument(two, { sheet: '三季度' })).rejects.toThrow(
			'the workbook has no sheet named “三季度”; its sheets are “封面”, “二季度”'
		);
	});

	it('reads the first sheet with a task table when the first sheet has none, and says so', async () => {
		const two = await buildWorkbook([{ name: '封面', rows: [['封面']] }, seedSheet('二季度')]);
		const read = await readDocument(two);
		expect(structureOf(read)).toEqual(structureOf(text));
		expect(read.warnings).toEqual([{ line: null, message: '第一个工作表“封面”中没有任务表，已读取工作表“二季度”' }]);
	});

	it('skips a hidden first sheet', async () => {
		const two = await buildWorkbook([
			{
				name: '旧表',
				rows: [
					['具体任务', '完成情况'],
					['任务甲', '已完成。']
				],
				state: 'hidden'
			},
			seedSheet()
		]);
		expect(structureOf(await readDocument(two))).toEqual(structureOf(text));
	});
});

describe('readDocument: Excel cells', () => {
	const sheet = (
		rows: import('exceljs').CellValue[][],
		extra: Partial<Parameters<typeof buildWorkbook>[0][number]> = {}
	) => buildWorkbook([{ name: 'Sheet1', rows: [['2023年一季度重点工作进展情况'], [], ...rows], ...extra }]);

	it('keeps numbers as numbers (完成值, percent formats) and booleans of 是否达序 as 是/否', async () => {
		const bytes = await sheet(
			[
				['序号', '工作任务', '进展情况', '是否达序', '完成值'],
				[1, '新建学校3所', '已建成2所。', true, 2],
				[2, '完成投资1.5亿元', '完成投资0.9亿元。', false, 0.9],
				[3, '覆盖率达到80%', '覆盖率75%。', null, 0.75]
			],
			{ numFmts: { E6: '0%' } }
		);
		const draft = await readDocument(bytes);
		expect(tasksOf(draft).map((t) => [t.seqNo, t.status, t.statusSource, t.actual])).toEqual([
			['1', 'on_track', 'reported', 2],
			['2', 'behind', 'reported', 0.9],
			['3', 'unknown', 'inferred', 75]
		]);
	});

	it('reads formula results, rich text and hyperlinks as their text', async () => {
		const bytes = await sheet([
			['具体任务', '完成情况', '完成值'],
			[
				{ richText: [{ text: '任务' }, { text: '一', font: { bold: true } }] },
				{ text: '已完成。', hyperlink: 'https://example.org' },
				{ formula: '1+2', result: 3 }
			]
		]);
		expect(tasksOf(await readDocument(bytes))[0]).toMatchObject({ name: '任务一', statusText: '已完成。', actual: 3 });
	});

	it('keeps line breaks inside a cell', async () => {
		const bytes = await sheet([
			['具体任务', '完成情况'],
			['任务一', '进展情况：已开工。\r\n下步打算：加快进度。']
		]);
		expect(tasksOf(await readDocument(bytes))[0].statusText).toBe('进展情况：已开工。\n下步打算：加快进度。');
	});

	it('reads a table that does not start in column A, and a task spanning two rows (merged 序号 and task) as one task', async () => {
		const bytes = await buildWorkbook([
			{
				name: 'Sheet1',
				rows: [
					['2023年一季度重点工作进展情况'],
					[null, ...KEQIAO_HEADER],
					[null, 1, '新改扩建公办中小学校1所', '教体局', '室内施工', '完成80%。', '顺利推进'],
					[null, null, '新增学位810个'],
					[null, 2, '结对帮扶学校2所', '教体局', '互派人员', '已完成互派。', '顺利推进']
				],
				merges: ['B3:B4', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:G4']
			}
		]);
		const draft = await readDocument(bytes);
		expect(tasksOf(draft).map((t) => [t.seqNo, t.name, t.content, t.owner, t.status, t.line])).toEqual([
			['1', '新改扩建公办中小学校1所', '新改扩建公办中小学校1所\n新增学位810个', '教体局', 'on_track', 3],
			['2', '结对帮扶学校2所', '结对帮扶学校2所', '教体局', 'on_track', 5]
		]);
		expect(draft.warnings).toEqual([]);
	});

	it('names the cell of an undecodable status word and of content beyond the header', async () => {
		const bytes = await sheet([
			['序号', '工作任务', '进展情况', '状态'],
			[1, '任务一', '已全部完成。', '待定', null, '备用'],
			[2, '任务二', '已开工。', '正常']
		]);
		const draft = await readDocument(bytes);
		expect(tasksOf(draft).map((t) => t.name)).toEqual(['任务一', '任务二']);
		expect(draft.warnings).toEqual([
			{ line: 4, message: '第4行（Sheet1!F4）在表头之外的列有内容，已忽略：“备用”' },
			{ line: 4, message: '任务“任务一”的状态“待定”（Sheet1!A4）无法识别，已根据完成情况推断' }
		]);
	});

	it('reads a section row merged across the sheet as the category, and stops at a note under the table', async () => {
		const bytes = await sheet(
			[
				['序号', '工作任务', '进展情况'],
				['一、坚持引育并举'],
				[1, '任务一', '已开工。'],
				['二、坚持以人为本'],
				[2, '任务二', '已完成。'],
				['注：1. 本表数据截至3月31日。'],
				['填报人：张三']
			],
			{ merges: ['A4:C4', 'A6:C6', 'A8:C8'] }
		);
		const draft = await readDocument(bytes);
		expect(draft.categories.map((c) => [c.name, c.tasks.map((t) => t.name)])).toEqual([
			['一、坚持引育并举', ['任务一']],
			['二、坚持以人为本', ['任务二']]
		]);
		expect(draft.warnings).toEqual([]);
	});
});

describe('readDocument: workbooks that cannot be read', () => {
	it.each([
		[
			'a ZIP that is not a workbook',
			() => Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]),
			/holds no worksheet \(工作表\): it is not an Excel workbook/
		],
		['an .xlsx name on text', () => new TextEncoder().encode('具体任务\n完成情况'), /not a readable Excel workbook/],
		[
			'an old .xls workbook',
			() => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
			/old-style Office document/
		]
	])('refuses %s with an ImportError', async (_, bytes, message) => {
		const read = readDocument(bytes(), { fileName: 'report.xlsx' });
		await expect(read).rejects.toThrow(ImportError);
		await expect(readDocument(bytes(), { fileName: 'report.xlsx' })).rejects.toThrow(message);
	});

	it('refuses a workbook whose sheets hold no task table, naming the sheet', async () => {
		const bytes = await buildWorkbook([{ name: '封面', rows: [['2023年工作总结'], ['内容']] }]);
		await expect(readDocument(bytes)).rejects.toThrow(
			'no task table found: no row of sheet “封面” names the columns of a task table'
		);
	});

	it('refuses a header without rows under it', async () => {
		const bytes = await buildWorkbook([{ name: 'Sheet1', rows: [['2023年一季度进展情况'], ['工作任务', '进展情况']] }]);
		await expect(readDocument(bytes)).rejects.toThrow(
			'no task table found: the header on 第2行（Sheet1!A2） has no complete row under it'
		);
	});

	it('tells callers of the synchronous readReport to use readDocument', async () => {
		const bytes = await buildWorkbook([seedSheet()]);
		expect(() => readReport(bytes)).toThrow(/use readDocument/);
	});
});
