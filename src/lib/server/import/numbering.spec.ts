import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chineseNumeral, isRowNumber, paragraphNumber, rowNumberValue } from './numbering';
import { readReport } from './read-report';
import type { ReportDraft } from './types';

const tasksOf = (draft: ReportDraft) => draft.categories.flatMap((c) => c.tasks);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('rowNumberValue: every common numbering form is a row number', () => {
	it.each([
		['1', 1],
		['12.', 12],
		['3、', 3],
		['１２', 12],
		['(2)', 2],
		['（2）', 2],
		['1）', 1],
		['2)', 2],
		['（二）', 2],
		['四、', 4],
		['二十一', 21],
		['一百零五', 105],
		['①', 1],
		['⑳', 20],
		['㉑', 21],
		['⑴', 1],
		['⒉', 2],
		['㈢', 3],
		['10000', 10000],
		['25000', 25000],
		['【3】', 3]
	])('%s → %i', (text, value) => {
		expect(isRowNumber(text)).toBe(true);
		expect(rowNumberValue(text)).toBe(value);
	});

	it.each(['', 'A1', '※', '新增学位810个', '是', '2021年', '1234567', '教体局', '1.1'])('%s is not', (text) => {
		expect(isRowNumber(text)).toBe(false);
		expect(rowNumberValue(text)).toBeNull();
	});

	it('takes sub-numbers only where asked (spreadsheets)', () => {
		expect(isRowNumber('1.1', { subNumbers: true })).toBe(true);
		expect(isRowNumber('2-3', { subNumbers: true })).toBe(true);
	});
});

describe('paragraphNumber', () => {
	it.each([
		['一、主要指标任务完成情况', 1, '主要指标任务完成情况'],
		['（二）报告中确定的其他指标', 2, '报告中确定的其他指标'],
		['(十一)已建成学校', 11, '已建成学校'],
		['1.引进世界500强', 1, '引进世界500强'],
		['3、新建5G基站', 3, '新建5G基站'],
		['一是财政收入', 1, '财政收入'],
		['②新增床位', 2, '新增床位']
	])('%s → %i', (text, value, rest) => {
		expect(paragraphNumber(text)).toMatchObject({ value, rest });
	});

	it.each(['2021年重点工作', '802.81亿元', '上半年,全市完成', '一方面,聚焦'])('%s opens no paragraph', (text) => {
		expect(paragraphNumber(text)).toBeNull();
	});
});

describe('chineseNumeral', () => {
	it.each([
		['十', 10],
		['十二', 12],
		['二十', 20],
		['九十九', 99],
		['一百二十', 120]
	])('%s → %i', (text, value) => expect(chineseNumeral(text)).toBe(value));
	it('refuses what is not a numeral', () => expect(chineseNumeral('一二')).toBeNull());
});

describe('rows numbered in unusual ways are never merged (issue 16)', () => {
	it('reads (2) and ③ as rows of their own: 3 tasks, as with 2 and 3', () => {
		const text = readFileSync('data/reports/keqiao-2023-q1.txt', 'utf8')
			.replace(/^2 \| /m, '(2) | ')
			.replace(/^3 \| /m, '③ | ');
		const draft = readReport(utf8(text));
		expect(tasksOf(draft).map((t) => t.seqNo)).toEqual(['1', '(2)', '③']);
		expect(tasksOf(draft)[1].name).toBe('完成“县中崛起”一对一结对帮扶学校2所');
	});

	it.each([['1）'], ['⑵'], ['二十一'], ['（三）'], ['２']])('reads a row numbered %s as a row', (second) => {
		const text = `2024年一季度重点任务进展情况\n序号 | 工作任务 | 责任单位 | 进展情况 |\n1 | 任务一 | 教体局 | 已完成。 |\n${second} | 任务二 | 卫健局 | 稳步推进。 |\n`;
		const draft = readReport(utf8(text));
		expect(tasksOf(draft).map((t) => t.name)).toEqual(['任务一', '任务二']);
		expect(draft.warnings).toEqual([]);
	});

	it('keeps a row whose 序号 is no numbering form, with a warning, rather than merge it', () => {
		const text = `2024年一季度重点任务进展情况\n序号 | 工作任务 | 责任单位 | 进展情况 |\n1 | 任务一 | 教体局 | 已完成。 |\nA2 | 任务二 | 卫健局 | 稳步推进。 |\n`;
		const draft = readReport(utf8(text));
		expect(tasksOf(draft).map((t) => t.name)).toEqual(['任务一', '任务二']);
		expect(draft.warnings).toEqual([
			{ line: 4, message: '第4行的序号“A2”不是常见的编号形式，按新的一行任务导入，请核对' }
		]);
	});

	it('reads each row of a 25 000-row CSV as a task', () => {
		const rows = Array.from({ length: 25_000 }, (_, k) => `${k + 1},任务${k + 1},已完成。`);
		const csv = `2024年一季度重点任务进展情况\n序号,工作任务,完成情况\n${rows.join('\n')}\n`;
		const draft = readReport(utf8(csv), { fileName: 'tasks.csv' });
		expect(tasksOf(draft)).toHaveLength(25_000);
		expect(tasksOf(draft).at(-1)).toMatchObject({ seqNo: '25000', name: '任务25000' });
		expect(draft.warnings).toEqual([]);
	});
});
