/**
 * Supervision notices as governments published them (fixtures/real/, family N of the shared
 * README): one task per item the notice names, with the status of the group that names it
 * (reported, the group's words as evidence), the period, the counts the notice states, and the
 * summary_mismatch flag where those counts and the named items disagree.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Status } from '../../domain/status';
import { readReport } from './read-report';
import type { DraftTask, ReportDraft } from './types';

const read = (file: string): ReportDraft =>
	readReport(readFileSync(`src/lib/server/import/fixtures/real/${file}.txt`), { fileName: `${file}.txt` });

const tasksOf = (draft: ReportDraft): DraftTask[] => draft.categories.flatMap((c) => c.tasks);

interface Case {
	file: string;
	tasks: number;
	period: { year: number; end: string; months?: [number, number] | null; quarter?: number | null };
	/** [name, status, evidence] of some named tasks. */
	named: [string, Status, string][];
	/** Per part of the notice: [part name, total, [phrase, count, named][]]. */
	summary: [string | null, number | null, [string, number, number][]][];
	/** Details of the summary_mismatch flags, in order. */
	mismatches: string[];
}

const CASES: Case[] = [
	{
		file: 'xuancheng-city-2020-jan-nov-targets',
		tasks: 9,
		period: { year: 2020, end: '1-11月', months: [1, 11], quarter: null },
		named: [
			['固定资产投资', 'behind', '未达到序时进度'],
			['规上工业增加值', 'behind', '未达到序时进度'],
			['“交通建设提升年”活动完成投资80亿元', 'behind', '未达到序时进度'],
			['新建安置区5个', 'behind', '未达到序时进度'],
			['培育进出口实绩企业90户', 'behind', '未达到序时进度']
		],
		summary: [
			['主要经济指标任务进展情况', 4, [['未达到序时进度', 3, 3]]],
			[
				'量化指标任务进展情况',
				55,
				[
					['达到序时进度', 44, 0],
					['未达到序时进度', 11, 6]
				]
			]
		],
		mismatches: [
			'通报“主要经济指标任务进展情况”中各状态合计3项，与所述总数4项不符',
			'通报“量化指标任务进展情况”中称“达到序时进度”44项，列出0项',
			'通报“量化指标任务进展情况”中称“未达到序时进度”11项，列出6项'
		]
	},
	{
		file: 'dandong-city-2016-q3-132-indicator-tasks',
		tasks: 9,
		period: { year: 2016, end: '三季度', quarter: 3 },
		named: [
			['完成公车改革任务', 'completed', '已经完成或基本完成'],
			['力争解决鹏欣水游城区域交通梗阻问题', 'behind', '完成有一定困难'],
			['全年实现各类融资210亿元,新增或引进金融机构2家', 'behind', '完成有一定困难'],
			['举办好第5届中朝博览会', 'unknown', '出现调整']
		],
		summary: [
			[
				null,
				132,
				[
					['已经完成或基本完成', 19, 4],
					['进展情况良好', 98, 0],
					['完成有一定困难', 2, 2],
					['出现调整', 3, 3],
					['年底前不能全部完成', 3, 0]
				]
			]
		],
		mismatches: [
			'通报称“已经完成或基本完成”19项，列出4项',
			'通报称“进展情况良好”98项，列出0项',
			'通报称“年底前不能全部完成”3项，列出0项',
			'通报各状态合计125项，与所述总数132项不符'
		]
	},
	{
		file: 'luan-city-2017-jan-jul-livelihood-ranking',
		tasks: 6,
		period: { year: 2017, end: '1至7月', months: [1, 7] },
		named: [
			['农村道路畅通工程', 'behind', '建设进度相对较慢'],
			['城乡困难群体法律援助', 'behind', '未完成援助任务'],
			['棚户区改造', 'behind', '完成进度相对较慢']
		],
		summary: [],
		mismatches: []
	},
	{
		file: 'dalian-city-2019-jul-15-livelihood-projects',
		tasks: 4,
		period: { year: 2019, end: '7月', months: [1, 7] },
		named: [
			['提高城乡低保和特困人员救助供养标准', 'completed', '已完成全年任务'],
			['新建通屯油路350公里', 'ahead', '提前或超额完成了节点任务'],
			['城镇居民基本医疗保险和新农合财政补助标准提高到每人每年610元', 'ahead', '提前或超额完成了节点任务']
		],
		summary: [
			[
				null,
				25,
				[
					['提前或超额完成了节点任务', 6, 3],
					['按照时间节点稳步推进', 18, 0]
				]
			]
		],
		mismatches: [
			'通报称“提前或超额完成了节点任务”6项，列出3项',
			'通报称“按照时间节点稳步推进”18项，列出0项',
			'通报各状态合计24项，与所述总数25项不符'
		]
	},
	{
		file: 'fuling-district-2023-q1-main-targets',
		tasks: 24,
		period: { year: 2023, end: '一季度', quarter: 1 },
		named: [
			['地区生产总值', 'on_track', '完成情况较好'],
			['争创国家级、市级创新平台', 'on_track', '完成情况较好'],
			['固定资产投资增速', 'behind', '完成情况不够理想'],
			['爻里小镇一期及点易园展陈', 'behind', '完成情况不够理想'],
			['兴华花园公共停车场', 'behind', '完成情况不够理想']
		],
		summary: [],
		mismatches: []
	},
	{
		file: 'suyu-district-2023-jan-jul-100-livelihood-on-pace',
		tasks: 9,
		period: { year: 2023, end: '1-7月', months: [1, 7] },
		named: [
			['恒山路小學(幼兒園)建設', 'ahead', '进展较快'],
			['穩就業創業促進增收行動', 'ahead', '进展较快']
		],
		summary: [[null, 100, [['达序时或超序时进度', 97, 0]]]],
		mismatches: ['通报称“达序时或超序时进度”97项，列出0项', '通报各状态合计97项，与所述总数100项不符']
	},
	{
		file: 'xiangtan-city-2019-jan-oct-provincial-city-livelihood',
		tasks: 8,
		period: { year: 2019, end: '1-10月', months: [1, 10] },
		named: [
			['新增直播卫星用户', 'behind', '进度偏慢'],
			['农村中小学防雷工程改造', 'behind', '进展偏慢']
		],
		summary: [
			[
				null,
				null,
				[
					['已提前完成', 16, 0],
					['进展偏慢', 8, 8]
				]
			],
			[
				'省实事',
				15,
				[
					['提前完成', 9, 0],
					['进展较快', 3, 0],
					['进度偏慢', 3, 3]
				]
			],
			[
				'市实事',
				17,
				[
					['提前完成任务', 7, 0],
					['进展较快', 5, 0],
					['进展偏慢', 5, 5]
				]
			]
		],
		mismatches: [
			'通报称“已提前完成”16项，列出0项',
			'通报“省实事”中称“提前完成”9项，列出0项',
			'通报“省实事”中称“进展较快”3项，列出0项',
			'通报“市实事”中称“提前完成任务”7项，列出0项',
			'通报“市实事”中称“进展较快”5项，列出0项'
		]
	}
];

describe('real supervision notices', () => {
	for (const c of CASES) {
		describe(c.file, () => {
			const draft = read(c.file);
			const tasks = tasksOf(draft);

			it(`names ${c.tasks} tasks, each reported with its group's words as evidence`, () => {
				expect(tasks).toHaveLength(c.tasks);
				for (const task of tasks) {
					expect(task.statusSource).toBe('reported');
					expect(task.evidence.length).toBeGreaterThan(0);
				}
				for (const [name, status, evidence] of c.named) {
					const task = tasks.find((t) => t.name === name);
					expect(task, name).toBeDefined();
					expect(task).toMatchObject({ status });
					expect(task!.evidence).toContain(evidence);
				}
			});

			it(`reads the period ${c.period.year} ${c.period.end}`, () => {
				expect(draft.period).toMatchObject({ year: c.period.year, label: c.period.end });
				if (c.period.months !== undefined) expect(draft.period.months).toEqual(c.period.months);
				if (c.period.quarter !== undefined) expect(draft.period.quarter).toBe(c.period.quarter);
			});

			it('keeps the stated counts and flags where they differ from the items named', () => {
				const summary = (draft.summary ?? []).map((s) => [
					s.name,
					s.total,
					s.counts.map((k) => [k.phrase, k.count, k.named])
				]);
				expect(summary).toEqual(c.summary);
				const mismatches = draft.flags.filter((f) => f.kind === 'summary_mismatch');
				expect(mismatches.map((f) => f.detail)).toEqual(c.mismatches);
			});
		});
	}

	it('gives a mismatch flag the tasks of its group', () => {
		const flag = read('xuancheng-city-2020-jan-nov-targets').flags.find((f) => f.detail.includes('11项'));
		expect(flag?.tasks).toEqual([
			'“交通建设提升年”活动完成投资80亿元',
			'普惠性幼儿园覆盖率达80%',
			'公办幼儿园覆盖率达50%',
			'新建安置区5个',
			'新增限上商贸流通企业100户',
			'培育进出口实绩企业90户'
		]);
	});

	it('reads a numbered item with its owner (牵头部门) and keeps the lagging remark as its text', () => {
		const task = tasksOf(read('luan-city-2017-jan-jul-livelihood-ranking')).find(
			(t) => t.name === '水利薄弱环节治理三年行动'
		);
		expect(task).toMatchObject({ owner: '市水利局', status: 'behind' });
		expect(task!.statusText).toContain('全市未开工建设的县区为舒城县');
		expect(task!.evidence).toEqual(['未完成基本建成任务', '未开工建设']);
	});

	it('reads a traditional-script page once although it prints every paragraph twice, and shows names as printed', () => {
		const draft = read('suyu-district-2023-jan-jul-100-livelihood-on-pace');
		const names = tasksOf(draft).map((t) => t.name);
		expect(new Set(names).size).toBe(names.length);
		expect(names).toContain('鄉鎮高層小區電動車充電棚建設工程');
		expect(draft.warnings.map((w) => w.message)).toContain('页面未写明年份，按网址中的日期取2023年');
	});

	it('warns where the page ends inside a list, and drops an item cut off in its quote', () => {
		const xuancheng = read('xuancheng-city-2020-jan-nov-targets');
		expect(xuancheng.warnings).toContainEqual({
			line: 20,
			message: '页面在第20行中途结束（截断），名单的最后一项“培育进出口实绩企业90户”可能不完整'
		});
		const dandong = read('dandong-city-2016-q3-132-indicator-tasks');
		expect(dandong.warnings.map((w) => w.line)).toContain(19);
		expect(tasksOf(dandong).map((t) => t.name)).not.toContain('实现总');
	});

	it('reads a notice saved as an HTML page like its page text', () => {
		const file = 'xiangtan-city-2019-jan-oct-provincial-city-livelihood';
		const text = readFileSync(`src/lib/server/import/fixtures/real/${file}.txt`, 'utf8');
		const escape = (line: string) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;');
		const html = `<!doctype html><html><body>${text
			.split('\n')
			.map((line) => `<p>${escape(line)}</p>`)
			.join('\n')}</body></html>`;
		const fromHtml = readReport(new TextEncoder().encode(html), { fileName: `${file}.html` });
		const fromText = read(file);
		const shape = (draft: ReportDraft) => ({
			period: draft.period,
			tasks: draft.categories.map((c) => [c.name, c.tasks.map((t) => [t.name, t.status, t.evidence])]),
			counts: (draft.summary ?? []).map((s) => [s.name, s.total, s.counts.map((k) => [k.phrase, k.count, k.named])])
		});
		expect(shape(fromHtml)).toEqual(shape(fromText));
	});

	it('names no task after a status said of something unnamed (大部分工作目标任务有序推进)', () => {
		const names = tasksOf(read('fuling-district-2023-q1-main-targets')).map((t) => t.name);
		expect(names.some((n) => /大部分|目标任务|区级有关部门/.test(n))).toBe(false);
	});
});
