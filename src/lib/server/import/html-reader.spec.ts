import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { structureOf } from './fixtures/compare';
import { encodeGbk } from './fixtures/gbk';
import { declaredCharset } from './html-reader';
import { readReport } from './read-report';
import { ImportError, type ReportDraft } from './types';

const fixture = (file: string) => readFileSync(`src/lib/server/import/fixtures/${file}`, 'utf8');
const report = (file: string) => readFileSync(`data/reports/${file}`);
const utf8 = (text: string) => new TextEncoder().encode(text);
const tasksOf = (draft: ReportDraft) => draft.categories.flatMap((c) => c.tasks);
const SEED_HTML = fixture('xinjie-2024-q2.html');
const KEQIAO_HTML = fixture('keqiao-2023-q1.html');

/** A small page around a table body, for the cases below. */
const page = (
	rows: string,
	head = '<tr><th>序号</th><th>工作任务</th><th>责任单位</th><th>进展情况</th></tr>',
	title = '2023年一季度重点工作进展情况'
) =>
	utf8(
		`<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><table>${head}${rows}</table></body></html>`
	);

describe('readReport: HTML of the seed (rowspan categories, layout table, page chrome)', () => {
	const text = readReport(report('xinjie-2024-q2.txt'));
	const html = readReport(utf8(SEED_HTML), { fileName: 'xinjie.html' });

	it('reads exactly the structure the text reader gives for the page text', () => {
		const { source, ...rest } = structureOf(html);
		const { source: textSource, ...textRest } = structureOf(text);
		expect(rest).toEqual(textRest);
		expect(source).toEqual({
			...textSource,
			url: 'https://www.xiaoshan.gov.cn/art/2024/7/8/art_1229328446_4279530.html'
		});
	});

	it('gives each task the line of its row in the page', () => {
		const lines = SEED_HTML.split('\n');
		for (const task of tasksOf(html)) expect(lines[task.line - 1]).toMatch(/<tr>/);
		expect(tasksOf(html)[0].line).toBeLessThan(tasksOf(html)[1].line);
	});

	it('has no warnings', () => {
		expect(html.warnings).toEqual([]);
	});

	it('ignores navigation, scripts and styles: the table written by a script and the nav links are not read', () => {
		expect(html.categories).toHaveLength(4);
		expect(html.source.title).not.toMatch(/重点工作$|进展情况$/);
	});

	it('reads the same from GBK bytes without a <meta charset>', () => {
		const gbk = encodeGbk(SEED_HTML.replace('<meta charset="utf-8">\n', ''));
		expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
		expect(structureOf(readReport(gbk, { fileName: 'xinjie.html' }))).toEqual(structureOf(html));
	});

	it('reads the same from GBK bytes that declare gb2312', () => {
		const gbk = encodeGbk(
			SEED_HTML.replace(
				'<meta charset="utf-8">',
				'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
			)
		);
		expect(declaredCharset(gbk)).toBe('gb2312');
		expect(structureOf(readReport(gbk))).toEqual(structureOf(html));
	});

	it('reads the same when the page is saved with CRLF, a BOM and a "saved from url" comment', () => {
		const saved = `\uFEFF<!-- saved from url=(0071)https://www.xiaoshan.gov.cn/art/2024/7/8/art_1229328446_4279530.html -->\r\n${SEED_HTML.replace(/\n/g, '\r\n')}`;
		expect(structureOf(readReport(utf8(saved)))).toEqual(structureOf(html));
	});

	it('takes the title and dates from the <head> when the page body has no metadata block', () => {
		const bare = SEED_HTML.replace(/<table class="xxgk_table"[\s\S]*?<div class="share">/, '<div class="share">');
		const draft = readReport(utf8(bare));
		expect(draft.source).toMatchObject({
			title: '杭州市萧山区人民政府新街街道办事处2024年《政府工作报告》第二季度重点任务执行情况',
			publishedOn: '2024-07-08',
			publisher: '新街街道',
			indexNo: null
		});
		expect(draft.period).toEqual({ year: 2024, quarter: 2, months: null, label: '第二季度' });
	});
});

describe('readReport: HTML of keqiao (a sub-target row under row 1)', () => {
	const text = readReport(report('keqiao-2023-q1.txt'));
	const html = readReport(utf8(KEQIAO_HTML));

	it('reads exactly the tasks the text reader gives, the continuation row kept with row 1', () => {
		expect(structureOf(html)).toEqual(structureOf(text));
		expect(tasksOf(html)[0]).toMatchObject({
			name: '新改扩建公办中小学校1所',
			content: '新改扩建公办中小学校1所\n新增学位810个',
			status: 'on_track',
			statusSource: 'reported'
		});
	});

	it('has no warnings: the page is whole, where the page text was an excerpt cut off mid-row', () => {
		expect(html.warnings).toEqual([]);
		expect(text.warnings).toHaveLength(1);
	});

	it('reads the sub-target the same when the page flattened the rowspans into empty cells', () => {
		const flat = KEQIAO_HTML.replace(/ rowspan="2"/g, '').replace(
			/<td>新增学位810个<\/td>/,
			'<td>新增学位810个</td><td></td><td></td><td></td><td></td><td></td>'
		);
		expect(structureOf(readReport(utf8(flat)))).toEqual(structureOf(html));
	});

	it('reads the sub-target the same when the page dropped the spanned cells altogether', () => {
		const dropped = KEQIAO_HTML.replace(/ rowspan="2"/g, '');
		expect(structureOf(readReport(utf8(dropped)))).toEqual(structureOf(html));
	});

	it('drops a row the file cuts off, with one truncation warning on the last line', () => {
		const cut = KEQIAO_HTML.replace(/<\/tbody>[\s\S]*$/, '<tr>\n<td align="center">4</td>\n<td>义务教育段随迁子女就');
		const lines = cut.split('\n');
		const draft = readReport(utf8(cut));
		expect(tasksOf(draft).map((t) => t.seqNo)).toEqual(['1', '2', '3']);
		expect(draft.warnings).toEqual([
			{
				line: lines.length,
				message: `文档在此行中断（截断），第${lines.length - 2}行起的一行不完整，未导入：“4 | 义务教育段随迁子女就”`
			}
		]);
	});

	it('keeps a row that ends right where the file stops, and warns that later rows may be lost', () => {
		const stopped = KEQIAO_HTML.replace(/<\/tbody>[\s\S]*$/, '');
		const draft = readReport(utf8(stopped));
		expect(tasksOf(draft)).toHaveLength(3);
		expect(draft.warnings).toEqual([
			{ line: stopped.trimEnd().split('\n').length, message: '文档在表格结束前中断（截断），此后的行（如有）未导入' }
		]);
	});
});

describe('readReport: HTML tables', () => {
	it('applies a rowspan over several rows to each of them (a 责任单位 shared by two tasks)', () => {
		const draft = readReport(
			page(
				'<tr><td>1</td><td>任务一</td><td rowspan="2">教体局</td><td>已开工。</td></tr><tr><td>2</td><td>任务二</td><td>已完成。</td></tr>'
			)
		);
		expect(tasksOf(draft).map((t) => [t.name, t.owner, t.statusText])).toEqual([
			['任务一', '教体局', '已开工。'],
			['任务二', '教体局', '已完成。']
		]);
	});

	it('reads a section row spanning the table (colspan) as the category of the rows under it', () => {
		const draft = readReport(
			page(
				'<tr><td colspan="4">一、坚持引育并举</td></tr><tr><td>1</td><td>任务一</td><td>教体局</td><td>已开工。</td></tr>' +
					'<tr><td colspan="4">二、坚持以人为本</td></tr><tr><td>2</td><td>任务二</td><td>民政局</td><td>已完成。</td></tr>'
			)
		);
		expect(draft.categories.map((c) => [c.name, c.tasks.map((t) => t.name)])).toEqual([
			['一、坚持引育并举', ['任务一']],
			['二、坚持以人为本', ['任务二']]
		]);
	});

	it('reads a header over two rows: 推进情况 spanning 1-10月 and 1-11月', () => {
		const draft = readReport(
			page(
				'<tr><td>1</td><td>任务一</td><td>已开工。</td><td>已完成。</td></tr>',
				'<tr><th rowspan="2">序号</th><th rowspan="2">工作任务</th><th colspan="2">推进情况</th></tr><tr><th>1-10月</th><th>1-11月</th></tr>',
				'2023年重点工作推进情况'
			)
		);
		expect(draft.period).toEqual({ year: 2023, quarter: null, months: [1, 11], label: '1-11月' });
		expect(tasksOf(draft)[0]).toMatchObject({ statusText: '已完成。', status: 'completed' });
		expect(tasksOf(draft)[0].history?.map((h) => [h.period.label, h.statusText, h.status])).toEqual([
			['1-10月', '已开工。', 'on_track']
		]);
	});

	it('keeps line breaks of <br> and paragraphs inside a cell, and collapses other whitespace', () => {
		const draft = readReport(
			page(
				'<tr><td>1</td><td>任务\n  一</td><td>教体局</td><td>进展情况:已开工。<br>下步打算:加快。<p>另：&nbsp;已签约。</p></td></tr>'
			)
		);
		expect(tasksOf(draft)[0]).toMatchObject({
			name: '任务 一',
			statusText: '进展情况:已开工。\n下步打算:加快。\n另： 已签约。'
		});
	});

	it('reports a row with more cells than the header by its line, and reads the rows around it', () => {
		const draft = readReport(
			page(
				'<tr><td>1</td><td>任务一</td><td>教体局</td><td>已开工。</td></tr>\n<tr><td>2</td><td>任务二</td><td>教体局</td><td>民政局</td><td>已完成。</td></tr>\n<tr><td>3</td><td>任务三</td><td>教体局</td><td>已完成。</td></tr>'
			)
		);
		expect(tasksOf(draft).map((t) => t.seqNo)).toEqual(['1', '3']);
		expect(draft.warnings).toEqual([
			{ line: 2, message: '第2行有5个单元格，表头有4列，无法对齐，未导入：“2 | 任务二 | 教体局 | 民政局 | 已完成。”' }
		]);
	});

	it('reports a row with cells missing by its line rather than shift its cells', () => {
		const draft = readReport(
			page(
				'<tr><td>1</td><td>任务一</td><td>教体局</td><td>已开工。</td></tr>\n<tr><td>2</td><td>任务二，已完成。</td></tr>'
			)
		);
		expect(tasksOf(draft).map((t) => t.seqNo)).toEqual(['1']);
		expect(draft.warnings).toEqual([
			{ line: 2, message: '第2行有2个单元格，表头有4列，无法对齐，未导入：“2 | 任务二，已完成。”' }
		]);
	});

	it('takes the first task table and says how many others the page has', () => {
		const body = '<tr><td>1</td><td>任务一</td><td>教体局</td><td>已开工。</td></tr>';
		const bytes = utf8(
			`<html><body><h1>2023年一季度重点工作进展情况</h1><table><tr><th>工作任务</th><th>进展情况</th></tr><tr><td>任务甲</td><td>已完成。</td></tr></table><table><tr><th>序号</th><th>工作任务</th><th>责任单位</th><th>进展情况</th></tr>${body}</table></body></html>`
		);
		const draft = readReport(bytes);
		expect(tasksOf(draft).map((t) => t.name)).toEqual(['任务甲']);
		expect(draft.warnings).toEqual([{ line: null, message: '页面上还有1个任务表格，只导入了第1行起的第一个' }]);
	});

	it.each([
		[
			'a page without tables',
			'<html><body><h1>2023年一季度重点工作进展情况</h1><p>具体任务</p><p>完成情况</p></body></html>',
			/the page has no table/
		],
		[
			'a page whose tables are not task tables',
			'<html><body><table><tr><td>索引号</td><td>H083</td></tr></table></body></html>',
			/no table on the page has a header row/
		],
		[
			'a task table only inside a script',
			'<html><body><script>document.write("<table><tr><td>具体任务</td><td>完成情况</td></tr></table>")</script></body></html>',
			/the page has no table/
		]
	])('refuses %s with an ImportError', (_, html, message) => {
		expect(() => readReport(utf8(html))).toThrow(ImportError);
		expect(() => readReport(utf8(html))).toThrow(message);
	});
});
