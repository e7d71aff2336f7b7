/**
 * The shapes in which notices name items, beyond the real pages (real-notices.spec.ts): one line
 * per shape, the page text and the tasks it gives as [name, status, percent].
 */
import { describe, expect, it } from 'vitest';
import type { Status } from '../../domain/status';
import { readNotice } from './notice-reader';
import { readReport } from './read-report';

const TITLE = '2024年上半年重点工作推进情况通报';

function tasksOf(body: string): [string, Status, number | null][] {
	const draft = readReport(new TextEncoder().encode(`${TITLE}\n${body}\n`), { fileName: 'notice.txt' });
	return draft.categories.flatMap((c) =>
		c.tasks.map((t) => [t.name, t.status, t.percent] as [string, Status, number | null])
	);
}

const SHAPES: [string, string, [string, Status, number | null][]][] = [
	[
		'a group, a colon, a list',
		'进度滞后的项目：甲路改造、乙园建设。',
		[
			['甲路改造', 'behind', null],
			['乙园建设', 'behind', null]
		]
	],
	[
		'a group with 的有 and a list ending in 等',
		'已完成的有丙馆、丁站等项目。',
		[
			['丙馆', 'completed', null],
			['丁站', 'completed', null]
		]
	],
	[
		'a band of percents, each item with its percent',
		'完成率低于40%的项目有：甲路改造（35%）、乙园建设（20.5%）。',
		[
			['甲路改造', 'behind', 35],
			['乙园建设', 'behind', 20.5]
		]
	],
	[
		'a count, then the items in the next sentence',
		'尚未开工的项目共2个。分别为“戊桥新建工程”，“己站改造”。',
		[
			['戊桥新建工程', 'not_started', null],
			['己站改造', 'not_started', null]
		]
	],
	[
		'items before the group, after 其中',
		'30个项目均达到序时进度，其中庚园、辛路等项目进展较快。',
		[
			['庚园', 'ahead', null],
			['辛路', 'ahead', null]
		]
	],
	[
		'a numbered item with its owner and a lagging remark',
		'二、部分项目进展情况\n1、城乡道路提升工程，牵头部门：区交通局。建设进度相对较慢的镇为东镇。',
		[['城乡道路提升工程', 'behind', null]]
	],
	[
		'counts per status in one sentence, the laggards listed after 分别是',
		'截至9月底，全县58项重点任务中，已完成12项，序时推进40项，滞后2项，分别是：城东路改造、城西公园。',
		[
			['城东路改造', 'behind', null],
			['城西公园', 'behind', null]
		]
	],
	[
		'the items in brackets after their group',
		'全市30个项目中，28个项目达到序时进度，2个项目未达到序时进度（城东路改造、城西公园）。',
		[
			['城东路改造', 'behind', null],
			['城西公园', 'behind', null]
		]
	],
	[
		'items with their percents before the group',
		'城东路改造（完成45%）、城西公园（完成30%）进度滞后，需加快推进。',
		[
			['城东路改造', 'behind', 45],
			['城西公园', 'behind', 30]
		]
	],
	[
		'traditional script, shown as printed',
		'進度滯後的項目：壬路改造、癸園建設。',
		[
			['壬路改造', 'behind', null],
			['癸園建設', 'behind', null]
		]
	]
];

describe('readNotice', () => {
	it.each(SHAPES)('reads %s', (_, body, expected) => {
		expect(tasksOf(body)).toEqual(expected);
	});

	it.each([
		['a negated lag', '没有任何项目落后于序时进度。'],
		['a status of unnamed items', '大部分工作目标任务有序推进，个别项目进度较慢。'],
		['a plan for later', '下一步，对进度滞后的项目要倒排工期。'],
		['a headline only', '提前完成16项省市重点民生实事']
	])('names no task for %s', (_, body) => {
		expect(readNotice(`${TITLE}\n${body}\n`).categories).toEqual([]);
	});

	it('keeps the counts of one sentence with the total before them', () => {
		const reading = readNotice(
			`${TITLE}\n全市30个项目中，28个项目达到序时进度，2个项目未达到序时进度（城东路改造、城西公园）。\n`
		);
		expect(reading.summary).toEqual([
			{
				name: null,
				total: 30,
				counts: [
					{ status: 'on_track', phrase: '达到序时进度', count: 28, named: 0, line: 2 },
					{ status: 'behind', phrase: '未达到序时进度', count: 2, named: 2, line: 2 }
				]
			}
		]);
	});

	it('puts the items of each heading under it as a category, with its own counts', () => {
		const reading = readNotice(
			`${TITLE}\n一、主要指标\n达到序时进度3项，未达到序时进度1项，为甲指标。\n二、民生实事\n共10项，已完成的有乙馆、丙站。\n`
		);
		expect(reading.categories.map((c) => [c.name, c.rows.map((r) => r.name)])).toEqual([
			['主要指标', ['甲指标']],
			['民生实事', ['乙馆', '丙站']]
		]);
		expect(reading.summary).toEqual([
			{
				name: '主要指标',
				total: null,
				counts: [
					{ status: 'on_track', phrase: '达到序时进度', count: 3, named: 0, line: 3 },
					{ status: 'behind', phrase: '未达到序时进度', count: 1, named: 1, line: 3 }
				]
			}
		]);
	});
});
