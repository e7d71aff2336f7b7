import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-reader';
import { structureOf } from './fixtures/compare';
import { encodeGbk } from './fixtures/gbk';
import { seedTable, SEED_TITLE } from './fixtures/workbooks';
import { detectFormat, readReport, readSource } from './read-report';
import { ImportError, type ReportDraft } from './types';

const report = (file: string) => readFileSync(`data/reports/${file}`);
const utf8 = (text: string) => new TextEncoder().encode(text);
const tasksOf = (draft: ReportDraft) => draft.categories.flatMap((c) => c.tasks);

/** One CSV field: quoted when it holds the separator, a quote or a line break (RFC 4180). */
const field = (text: string, separator: string) =>
	text.includes(separator) || /["\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
const csv = (rows: string[][], separator = ',', eol = '\r\n') =>
	rows.map((row) => row.map((cell) => field(cell, separator)).join(separator)).join(eol) + eol;

/** The seed as an office's CSV export: title and metadata rows above the header, each 任务类别 printed once. */
function seedRows(): string[][] {
	const table = seedTable();
	return [
		[SEED_TITLE, '', '', ''],
		['索 引 号', 'H083/2024-79731', '成文日期', '2024-07-08'],
		['发布机构', '新街街道', '主题分类', '其他'],
		['发布日期', '2024-07-08 14:44', '', ''],
		['', '', '', ''],
		['任务类别', '具体任务', '主要内容', '二季度完成情况'],
		...table.map(([category, task, content, status], i) => [
			i > 0 && table[i - 1][0] === category ? '' : category,
			task,
			content,
			status
		])
	];
}

/** keqiao as CSV: the page's address and metadata as rows, the sub-target row under 工作任务 with the spanned cells empty. */
function keqiaoRows(): string[][] {
	const lines = report('keqiao-2023-q1.txt').toString('utf8').split('\n');
	const cells = (line: string) =>
		line
			.split('|')
			.slice(0, 6)
			.map((c) => c.trim());
	return [
		...lines.slice(0, 6).map((line) => [line, '', '', '', '', '']),
		cells(lines[6]),
		cells(lines[7]),
		['', '新增学位810个', '', '', '', ''],
		cells(lines[9]),
		cells(lines[10])
	];
}

describe('readReport: the seed as CSV', () => {
	const text = readReport(report('xinjie-2024-q2.txt'));
	const expected = structureOf(text);

	it.each([
		['UTF-8 with BOM, CRLF, quoted fields', () => utf8(`\uFEFF${csv(seedRows())}`)],
		['UTF-8 without BOM, LF', () => utf8(csv(seedRows(), ',', '\n'))],
		['GBK', () => encodeGbk(csv(seedRows()))],
		['tab-separated', () => utf8(csv(seedRows(), '\t'))],
		['tab-separated GBK', () => encodeGbk(csv(seedRows(), '\t', '\n'))]
	])('%s: reads exactly the structure the text reader gives', (_, bytes) => {
		const draft = readReport(bytes(), { fileName: 'xinjie-2024-q2.csv' });
		expect(structureOf(draft)).toEqual(expected);
		expect(draft.warnings).toEqual([]);
	});

	it('gives each task the line its record starts on', () => {
		const draft = readReport(utf8(csv(seedRows())), { fileName: 'x.csv' });
		expect(tasksOf(draft).map((t) => t.line)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
	});

	it('is told from page text by its content when the file name does not say', async () => {
		const bytes = utf8(csv(seedRows()));
		expect(detectFormat(bytes)).toBe('csv');
		expect(detectFormat(bytes, 'upload')).toBe('csv');
		expect(detectFormat(report('xinjie-2024-q2.txt'))).toBe('text');
		expect((await readSource(bytes)).format).toBe('csv');
	});
});

describe('readReport: keqiao as CSV (sub-target row, metadata rows)', () => {
	it('reads exactly the tasks and metadata the text reader gives', () => {
		const draft = readReport(utf8(csv(keqiaoRows())), { fileName: 'keqiao.csv' });
		expect(structureOf(draft)).toEqual(structureOf(readReport(report('keqiao-2023-q1.txt'))));
		expect(draft.warnings).toEqual([]);
	});
});

describe('readReport: CSV records', () => {
	const HEAD = '2023年一季度重点工作进展情况\n序号,工作任务,责任单位,进展情况\n';

	it('keeps line breaks inside quoted fields, and counts lines from where each record starts', () => {
		const draft = readReport(
			utf8(`${HEAD}1,任务一,教体局,"进展情况:已开工。\n下步打算:加快进度。"\n2,"任务""二""",民政局,已完成。\n`),
			{ fileName: 'a.csv' }
		);
		expect(tasksOf(draft).map((t) => [t.line, t.name, t.statusText])).toEqual([
			[3, '任务一', '进展情况:已开工。\n下步打算:加快进度。'],
			[5, '任务"二"', '已完成。']
		]);
	});

	it('reports a record with an unquoted comma (one cell too many) by its line, and reads the others', () => {
		const draft = readReport(
			utf8(`${HEAD}1,任务一,教体局,已开工。\n2,任务二,教体局,已开工,已完成。\n3,任务三,教体局,已完成。\n`),
			{ fileName: 'a.csv' }
		);
		expect(tasksOf(draft).map((t) => t.seqNo)).toEqual(['1', '3']);
		expect(draft.warnings).toEqual([
			{ line: 4, message: '第4行有5个单元格，表头有4列，无法对齐，未导入：“2 | 任务二 | 教体局 | 已开工 | 已完成。”' }
		]);
	});

	it('reports a record with cells missing by its line rather than shift its cells', () => {
		const draft = readReport(utf8(`${HEAD}1,任务一,教体局,已开工。\n2,已完成。\n3,任务三,教体局,已完成。\n`), {
			fileName: 'a.csv'
		});
		expect(tasksOf(draft).map((t) => t.seqNo)).toEqual(['1', '3']);
		expect(draft.warnings).toEqual([
			{ line: 4, message: '第4行有2个单元格，表头有4列，无法对齐，未导入：“2 | 已完成。”' }
		]);
	});

	it('aligns a record missing only its leading category cell under the category above', () => {
		const draft = readReport(
			utf8('2023年一季度重点工作进展情况\n任务类别,具体任务,完成情况\n类别一,任务一,已开工。\n任务二,已完成。\n'),
			{ fileName: 'a.csv' }
		);
		expect(draft.categories.map((c) => [c.name, c.tasks.map((t) => t.name)])).toEqual([
			['类别一', ['任务一', '任务二']]
		]);
		expect(draft.warnings).toEqual([]);
	});

	it('reads a category printed on a row of its own as the category of the rows under it', () => {
		const draft = readReport(
			utf8(
				'2023年一季度重点工作进展情况\n任务类别,具体任务,完成情况\n类别一,,\n,任务一,已开工。\n类别二,,\n,任务二,已完成。\n'
			),
			{ fileName: 'a.csv' }
		);
		expect(draft.categories.map((c) => [c.name, c.tasks.map((t) => t.name)])).toEqual([
			['类别一', ['任务一']],
			['类别二', ['任务二']]
		]);
		expect(draft.warnings).toEqual([]);
	});

	it('drops a record the file cuts off inside a quoted field, with a truncation warning', () => {
		const draft = readReport(utf8(`${HEAD}1,任务一,教体局,已开工。\n2,任务二,教体局,"进展情况:已`), {
			fileName: 'a.csv'
		});
		expect(tasksOf(draft).map((t) => t.seqNo)).toEqual(['1']);
		expect(draft.warnings).toEqual([
			{ line: 4, message: '文档在此行中断（截断），第4行起的任务不完整，未导入：“任务二”' }
		]);
	});

	it('drops a final record whose last cell lost its closing punctuation in a file without a final line break', () => {
		const draft = readReport(
			utf8(`${HEAD}1,任务一,教体局,已开工。\n2,任务二,教体局,已完成。\n3,任务三,教体局,正在施`),
			{ fileName: 'a.csv' }
		);
		expect(tasksOf(draft).map((t) => t.seqNo)).toEqual(['1', '2']);
		expect(draft.warnings).toEqual([
			{ line: 5, message: '文档在此行中断（截断），第5行起的任务不完整，未导入：“任务三”' }
		]);
	});

	it('refuses a CSV without a task header, with an ImportError', () => {
		expect(() => readReport(utf8('名称,数量\n苹果,3\n'), { fileName: 'a.csv' })).toThrow(ImportError);
		expect(() => readReport(utf8('名称,数量\n苹果,3\n'), { fileName: 'a.csv' })).toThrow(
			/no row of the CSV file names the columns/
		);
	});
});

describe('parseCsv', () => {
	it.each([
		['a,b\n', [['a', 'b']], 'whole'],
		['a,"b,c"\n"d\n""e"""\n', [['a', 'b,c'], ['d\n"e"']], 'whole'],
		['a,,b\n\n', [['a', '', 'b'], ['']], 'whole'],
		['a,b', [['a', 'b']], 'open'],
		['a,"b', [['a', 'b']], 'cut'],
		['a "b" c,d\n', [['a "b" c', 'd']], 'whole']
	])('%j', (text, rows, end) => {
		const parsed = parseCsv(text, ',');
		expect(parsed.rows.map((r) => r.cells.map((c) => c.text))).toEqual(rows);
		expect(parsed.end).toBe(end);
	});
});

describe('parseCsv: fields as slices of the text, rows, how the text ends', () => {
	const texts = (text: string) => parseCsv(text, ',').rows.map((r) => r.cells.map((c) => c.text));
	it.each([
		['a,b,', [['a', 'b', '']], 'open'],
		['"a,1","b""c"\nd', [['a,1', 'b"c'], ['d']], 'open'],
		['"ab"c,d\n', [['abc', 'd']], 'whole'],
		['a\n\nb\n', [['a'], [''], ['b']], 'whole'],
		['a,"b\nc', [['a', 'b\nc']], 'cut'],
		['"x"', [['x']], 'open']
	] as const)('%j → %j, %s', (text, rows, end) => {
		expect(texts(text)).toEqual(rows);
		expect(parseCsv(text, ',').end).toBe(end);
	});

	it('counts lines inside quoted fields', () => {
		expect(parseCsv('"a\nb",c\nd,e\n', ',').rows.map((r) => [r.line, r.cells[1].line])).toEqual([
			[1, 2],
			[3, 3]
		]);
	});

	it('keeps no cell past MAX_COLUMNS and reports text there as the limit, without throwing', () => {
		const parsed = parseCsv(`${','.repeat(300)}\n${'x,'.repeat(250)}\n`, ',');
		expect(parsed.rows.map((r) => r.cells.length)).toEqual([200, 200]);
		expect(parsed.limit?.message).toBe(
			"line 2: a row has text in column 201: beyond the reader's limit MAX_COLUMNS = 200"
		);
	});
});
