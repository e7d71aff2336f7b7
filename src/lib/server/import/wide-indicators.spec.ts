import { describe, expect, it } from 'vitest';
import { structureOf } from './fixtures/compare';
import { buildWorkbook } from './fixtures/workbooks';
import { readDocument, readReport } from './read-report';
import type { ReportDraft } from './types';

const utf8 = (text: string) => new TextEncoder().encode(text);
const title = '2019年民生工程完成情况表';
const tasks = (draft: ReportDraft) => structureOf(draft).categories;

/** The same regions × indicators table: as a browser copies it, as HTML, as CSV. */
const copied = [
	title,
	'地区',
	'城镇新增就业(人)',
	'城镇登记失业率低于(%)',
	...['目标', '任务', '进度', '完成比例(%)', '目标', '任务', '进度', '完成比例(%)'],
	...['全市', '27800', '52242', '187.9', '4.3', '3.57'],
	...['东坡区', '8000', '22921', '286.5', '4.3', '3.48'],
	...['彭山区', '4.3', '3.54'],
	'注：失业率为年末数'
].join('\n\n');
const html = `<html><body><h1>${title}</h1><table>
<tr><td rowspan="2">地区</td><td colspan="3">城镇新增就业(人)</td><td colspan="3">城镇登记失业率低于(%)</td></tr>
<tr><td>目标任务</td><td>进度</td><td>完成比例(%)</td><td>目标任务</td><td>进度</td><td>完成比例(%)</td></tr>
<tr><td>全市</td><td>27800</td><td>52242</td><td>187.9</td><td>4.3</td><td>3.57</td><td></td></tr>
<tr><td>东坡区</td><td>8000</td><td>22921</td><td>286.5</td><td>4.3</td><td>3.48</td><td></td></tr>
<tr><td>彭山区</td><td></td><td></td><td></td><td>4.3</td><td>3.54</td><td></td></tr>
</table><p>注：失业率为年末数</p></body></html>`;
const csv = [
	title,
	'地区,城镇新增就业(人),,,城镇登记失业率低于(%),,',
	',目标任务,进度,完成比例(%),目标任务,进度,完成比例(%)',
	'全市,27800,52242,187.9,4.3,3.57,',
	'东坡区,8000,22921,286.5,4.3,3.48,',
	'彭山区,,,,4.3,3.54,',
	'注：失业率为年末数'
].join('\n');

describe('a regions × indicators table', () => {
	const draft = readReport(utf8(copied));

	it('gives one task per indicator from the total row', () => {
		expect(draft.categories.flatMap((c) => c.tasks).map((t) => [t.name, t.status, t.percent, t.actual])).toEqual([
			['城镇新增就业(人)', 'completed', 187.9, 52242],
			['城镇登记失业率低于(%)', 'completed', null, 3.57]
		]);
		expect(draft.period).toMatchObject({ year: 2019, quarter: 4 });
	});

	it('keeps a region whose only figures are a ceiling’s (two numbers, one way to place them) in the notes', () => {
		const [, rate] = draft.categories[0].tasks;
		expect(rate.notes).toBe('东坡区：目标4.3，完成3.48\n彭山区：目标4.3，完成3.54');
	});

	it('reads the same from a copy with a | after each cell', () => {
		const rows = csv.split('\n').map((line) => line.split(',').filter((c) => c !== ''));
		const cellLines = rows.flatMap((row, k) => (k === 0 ? row : [...row.map((c) => `${c} |`), '|||||||'])).join('\n');
		expect(tasks(readReport(utf8(cellLines)))).toEqual(tasks(draft));
	});

	it('reads the same from the saved page, from CSV and from an Excel sheet', async () => {
		expect(tasks(readReport(utf8(html), { fileName: 'x.html' }))).toEqual(tasks(draft));
		expect(tasks(readReport(utf8(csv), { fileName: 'x.csv' }))).toEqual(tasks(draft));
		const rows = csv
			.split('\n')
			.map((line) => line.split(',').map((cell) => (cell === '' ? null : /^[\d.]+$/.test(cell) ? Number(cell) : cell)));
		const workbook = await buildWorkbook([{ name: 'Sheet1', rows, merges: ['B2:D2', 'E2:G2', 'A2:A3'] }]);
		expect(tasks(await readDocument(workbook, { fileName: 'x.xlsx' }))).toEqual(tasks(draft));
	});
});
