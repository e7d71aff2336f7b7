import { beforeAll, describe, expect, it } from 'vitest';
import { structureOf } from './fixtures/compare';
import { wideCsv, wideHtml, wideText, wideXlsx } from './fixtures/wide-table';
import { readDocument, readReport } from './read-report';
import type { ReportDraft } from './types';

const tasksOf = (draft: ReportDraft) => draft.categories.flatMap((c) => c.tasks);
const OCT = { year: 2023, quarter: null, months: [1, 10], label: '1-10月' };

describe('a wide table with 1-10月 and 1-11月 columns', () => {
	let draft: ReportDraft;
	beforeAll(async () => {
		draft = await readDocument(await wideXlsx());
	});

	it('is the latest period’s report', () => {
		expect(draft.period).toEqual({ year: 2023, quarter: null, months: [1, 11], label: '1-11月' });
		expect(draft.warnings).toEqual([]);
	});

	it('gives each task the latest period’s status text, the reported 是否达序, 完成值 and 说明', () => {
		expect(
			tasksOf(draft).map((t) => [t.name, t.statusText, t.status, t.statusSource, t.evidence, t.actual, t.notes])
		).toEqual([
			['新建城市书房3座', '3座城市书房全部建成并投入使用。', 'on_track', 'reported', ['是'], 3, null],
			[
				'完成老旧小区改造2个',
				'1个小区完工，另1个进度滞后。',
				'behind',
				'reported',
				['否'],
				1,
				'受雨季影响工期延误，下一步加派施工力量。'
			],
			['开展群文活动不少于30场次', '已开展12场次，推进缓慢。', 'behind', 'reported', ['否'], 12, '场地不足。']
		]);
	});

	it('keeps the 1-10月 column as each task’s earlier period, its status inferred from its own text', () => {
		expect(tasksOf(draft).map((t) => t.history)).toEqual([
			[
				{
					period: OCT,
					statusText: '已建成2座，第3座正在装修。',
					status: 'on_track',
					statusSource: 'inferred',
					evidence: ['建成2座'],
					percent: null,
					notes: null,
					periodTarget: null,
					actual: null
				}
			],
			[
				{
					period: OCT,
					statusText: '1个小区已开工。',
					status: 'on_track',
					statusSource: 'inferred',
					evidence: ['已开工'],
					percent: null,
					notes: null,
					periodTarget: null,
					actual: null
				}
			],
			[
				{
					period: OCT,
					statusText: '尚未启动。',
					status: 'not_started',
					statusSource: 'inferred',
					evidence: ['尚未启动'],
					percent: null,
					notes: null,
					periodTarget: null,
					actual: null
				}
			]
		]);
	});

	it.each([
		['page text with | between cells', () => readReport(wideText())],
		['CSV', () => readReport(wideCsv(), { fileName: 'wide.csv' })],
		['HTML with 推进情况 grouped over the two periods', () => readReport(wideHtml())]
	])('reads the same from %s', (_, read) => {
		expect(structureOf(read())).toEqual(structureOf(draft));
	});

	it('reads per-period status words and notes (1-10月是否达序, 1-10月说明) into that period', () => {
		const text = new TextEncoder().encode(
			[
				'2023年重点工作推进情况',
				'工作任务 | 1-10月推进情况 | 1-10月是否达序 | 1-10月说明 | 1-11月推进情况 | 是否达序 | 说明',
				'任务一 | 已开工。 | 否 | 材料未到。 | 已完成。 | 是 | 无'
			].join('\n')
		);
		const [task] = tasksOf(readReport(text));
		expect(task).toMatchObject({ statusText: '已完成。', status: 'on_track', statusSource: 'reported', notes: '无' });
		expect(task.history).toMatchObject([
			{ statusText: '已开工。', status: 'behind', statusSource: 'reported', evidence: ['否'], notes: '材料未到。' }
		]);
	});

	it('warns, naming the period, about a status word it cannot read, and infers instead', () => {
		const text = new TextEncoder().encode(
			[
				'2023年重点工作推进情况',
				'工作任务 | 1-10月推进情况 | 1-10月状态 | 1-11月推进情况 | 状态',
				'任务一 | 已开工。 | 待定 | 已完成。 | 完成'
			].join('\n')
		);
		const draft = readReport(text);
		expect(tasksOf(draft)[0].history?.[0]).toMatchObject({ status: 'on_track', statusSource: 'inferred' });
		expect(draft.warnings).toEqual([
			{ line: 3, message: '任务“任务一”的1-10月的状态“待定”无法识别，已根据完成情况推断' }
		]);
	});

	it('follows its columns when the title names another period, and says so', () => {
		const text = new TextEncoder().encode(
			[
				'2023年三季度重点工作推进情况',
				'工作任务 | 1-10月推进情况 | 1-11月推进情况',
				'任务一 | 已开工。 | 已完成。'
			].join('\n')
		);
		const draft = readReport(text);
		expect(draft.period.label).toBe('1-11月');
		expect(draft.warnings).toEqual([
			{
				line: 2,
				message: '标题中的报告期（三季度）与表头最新一期“1-11月推进情况”（1-11月）不一致，按表头各列的报告期导入'
			}
		]);
	});
});
