import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCellLines } from './cell-lines';
import { structureOf } from './fixtures/compare';
import { buildWorkbook } from './fixtures/workbooks';
import { readDocument, readReport } from './read-report';
import type { ReportDraft } from './types';

const fixture = (name: string) => readFileSync(`src/lib/server/import/fixtures/cell-lines/${name}`);
const utf8 = (text: string) => new TextEncoder().encode(text);
const tasksOf = (draft: ReportDraft) => draft.categories.flatMap((c) => c.tasks);

describe('a table copied one cell per line, with empty cells gone', () => {
	const draft = readReport(fixture('leaders-empty.txt'));

	it('reads the header with words broken by a space or a line break', () => {
		expect(draft.period).toMatchObject({ year: 2024, quarter: 1 });
		expect(tasksOf(draft).map((t) => t.seqNo)).toEqual(['1', '2', '3', '(4)', '⑤']);
	});

	it('puts each cell back under its column by what it holds', () => {
		expect(tasksOf(draft).map((t) => [t.owner, t.leader, t.status, t.statusSource])).toEqual([
			['区教育局', '王明', 'on_track', 'reported'],
			['区住建局', null, 'behind', 'reported'], // no 分管领导
			['区人社局、区总工会', '李华', 'unknown', 'inferred'], // no 是否达序
			['区民政局', '张伟', 'on_track', 'reported'],
			['区农业农村局', '赵强', 'on_track', 'reported']
		]);
		expect(tasksOf(draft)[1].statusText).toBe('已完成改造3个，其余7个正在施工。');
		expect(tasksOf(draft)[4].statusText).toBe('规划设计已完成，示范村建设\n正在推进。');
		expect(draft.warnings).toEqual([]);
	});

	it('reads the same as the HTML table it was copied from', () => {
		const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
		const html = `<html><body><p>发布机构：某某市某某区人民政府办公室</p><p>发布日期：2024-04-20</p>
<p>某某区2024年政府工作报告重点工作一季度推进情况</p><table>
${row(['序号', '重点工作', '牵头单位', '分管 领导', '推进情况', '是否<br>达序'])}
${row(['1', '新建九年一贯制学校1所', '区教育局', '王明', '主体结构已封顶，正在进行内部装修。', '是'])}
${row(['2', '完成老旧小区改造10个', '区住建局', '', '已完成改造3个，其余7个正在施工。', '否'])}
${row(['3', '新增城镇就业岗位5000个', '区人社局、区总工会', '李华', '一季度新增就业岗位1800个。', ''])}
${row(['(4)', '建成社区嵌入式服务设施8处', '区民政局', '张伟', '已完成选址，其中2处开工建设。', '是'])}
${row(['⑤', '打造美丽乡村示范村3个', '区农业农村局', '赵强', '规划设计已完成，示范村建设<br>正在推进。', '是'])}
</table></body></html>`;
		const fromHtml = readReport(utf8(html), { fileName: 'x.html' });
		const { source: _s, ...text } = structureOf(draft);
		const { source: _h, ...page } = structureOf(fromHtml);
		expect(page).toEqual(text);
	});
});

describe('the same table in the other formats', () => {
	const rows = [
		['序号', '重点工作', '牵头单位', '分管领导', '推进情况', '是否达序'],
		['1', '新建九年一贯制学校1所', '区教育局', '王明', '主体结构已封顶，正在进行内部装修。', '是'],
		['2', '完成老旧小区改造10个', '区住建局', '', '已完成改造3个，其余7个正在施工。', '否'],
		['3', '新增城镇就业岗位5000个', '区人社局、区总工会', '李华', '一季度新增就业岗位1800个。', '']
	];
	const title = '某某区2024年政府工作报告重点工作一季度推进情况';
	const cellLines = [
		title,
		...rows.flatMap((row) => [...row.filter((c) => c !== '').map((c) => `${c} |`), '||||||'])
	].join('\n');
	const tasks = (draft: ReportDraft) => structureOf(draft).categories;

	it('CSV with its empty cells reads as the cell-per-line copy without them', () => {
		const csv = [title, ...rows.map((row) => row.join(','))].join('\n');
		expect(tasks(readReport(utf8(csv), { fileName: 'x.csv' }))).toEqual(tasks(readReport(utf8(cellLines))));
	});

	it('an Excel sheet reads the same', async () => {
		const bytes = await buildWorkbook([
			{ name: 'Sheet1', rows: [[title], ...rows.map((row) => row.map((c) => c || null))] }
		]);
		const draft = await readDocument(bytes, { fileName: 'x.xlsx' });
		expect(tasks(draft)).toEqual(tasks(readReport(utf8(cellLines))));
	});
});

describe('a two-row header and a page cut off mid-row', () => {
	const draft = readReport(fixture('two-row-header-cut.txt'));

	it('joins the group header to its period columns: a wide table', () => {
		expect(draft.period).toMatchObject({ year: 2023, months: [1, 11] });
		expect(tasksOf(draft).map((t) => [t.name, t.statusText, t.history?.map((h) => h.statusText)])).toEqual([
			['新建公办幼儿园2所', '已投入使用。', ['主体完工。']],
			['改造农村公路50公里', '完成46公里。', ['完成30公里。']]
		]);
	});

	it('warns about the row the page stops in', () => {
		expect(draft.warnings).toEqual([
			{ line: 25, message: '文档在此行中断（截断），第22行起的任务不完整，未导入：“3”' }
		]);
	});
});

describe('rows whose cells could go more than one way', () => {
	it('keeps the row, puts the text under the status column and warns', () => {
		const text = [
			'2024年一季度重点工作推进情况',
			...['序号', '工作任务', '主要内容', '推进情况'].map((c) => `${c} |`),
			'||||',
			...['1', '任务一', '建设内容一。', '已完成。'].map((c) => `${c} |`),
			'||||',
			...['2', '任务二', '正在施工。'].map((c) => `${c} |`),
			'||||'
		].join('\n');
		const draft = readReport(utf8(text));
		expect(tasksOf(draft)[1]).toMatchObject({ name: '任务二', content: null, statusText: '正在施工。' });
		expect(draft.warnings).toEqual([
			{
				line: 12,
				message: '第12行缺少单元格（空单元格在复制时丢失），“正在施工。”可归入不止一列，已按内容最可能的列导入，请核对'
			}
		]);
	});
});

describe('isCellLines', () => {
	it.each([
		['序号 |\n任务 |\n完成情况 |\n|||\n1 |\n任务一 |\n已完成。 |\n|||', true],
		['序号 | 任务 | 完成情况 |\n1 | 任务一 | 已完成。 |', false],
		['具体任务\n主要内容\n完成情况', false]
	])('%#', (text, expected) => expect(isCellLines(text)).toBe(expected));
});

describe('a final cell cut off in the owner column', () => {
	it('is warned about, though owner cells have no closing punctuation', () => {
		const text =
			'2024年一季度重点工作推进情况\n序号 | 工作任务 | 推进情况 | 责任单位\n1 | 任务一 | 已完成。 | 区教育局\n2 | 任务二 | 稳步推进。 | 区卫健局\n3 | 任务三 | 已开工。 | 区农';
		const draft = readReport(utf8(text));
		expect(tasksOf(draft).map((t) => t.name)).toEqual(['任务一', '任务二']);
		expect(draft.warnings).toEqual([
			{ line: 5, message: '文档在此行中断（截断），该行不完整，未导入：“3 | 任务三 | 已开工。 | 区农”' }
		]);
	});

	it('is warned about in one-cell-per-line text too', () => {
		const text = [
			'2024年一季度重点工作推进情况',
			'工作任务',
			'推进情况',
			'责任单位',
			'任务一',
			'已完成。',
			'区教育局',
			'任务二',
			'稳步推进。',
			'区卫'
		].join('\n');
		const draft = readReport(utf8(text));
		expect(tasksOf(draft).map((t) => t.name)).toEqual(['任务一']);
		expect(draft.warnings.map((w) => w.message)).toEqual([
			'文档在此行中断（截断），第8行起的任务不完整，未导入：“任务二”'
		]);
	});
});
