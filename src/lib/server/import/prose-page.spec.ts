import { describe, expect, it } from 'vitest';
import { structureOf } from './fixtures/compare';
import { pagePeriod, readProsePage } from './prose-page';
import { readReport } from './read-report';
import type { SourceMeta } from './types';
import { alignValues } from './wide-indicators';

const utf8 = (text: string) => new TextEncoder().encode(text);
const source = (over: Partial<SourceMeta>): SourceMeta => ({
	title: null,
	publisher: null,
	indexNo: null,
	writtenOn: null,
	publishedOn: null,
	subject: null,
	url: null,
	...over
});

describe('pagePeriod: title, bracket, opening sentences, then the publish date', () => {
	it.each([
		['the title', source({ title: '2024年1-9月重点工作进展情况' }), [], 2024, '1-9月', 0],
		['the opening sentence', source({}), ['截至2023年9月底，全区重点工作进展如下：'], 2023, '截至2023年9月底', 0],
		['a bracket under the title', source({ title: '重点工作推进情况' }), ['（2022年前三季度）'], 2022, '前三季度', 0],
		['the year next to the period wins', source({}), ['2023年7月，对2022年上半年工作进行督查。'], 2022, '上半年', 0],
		[
			'the publish date after the year',
			source({ title: '2019年重点任务落实情况', publishedOn: '2020-03-01' }),
			[],
			2019,
			'全年',
			1
		]
	])('%s', (_, meta, sentences, year, label, warnings) => {
		const found = pagePeriod(
			meta,
			sentences.map((text) => ({ text, line: 3 }))
		);
		expect(found.year).toBe(year);
		expect(found.period?.label).toBe(label);
		expect(found.warnings).toHaveLength(warnings);
	});

	it('finds nothing, and says where it looked, when the page does not say', () => {
		const found = pagePeriod(source({ title: '重点工作推进情况' }), [{ text: '各项工作稳步推进。', line: 2 }]);
		expect(found).toMatchObject({ year: null, period: null });
		expect(found.searched).toContain('the title (重点工作推进情况)');
	});
});

describe('numbered paragraphs in every common form', () => {
	const paragraphs = (markers: string[]) =>
		[
			'2024年上半年民生实事项目推进情况',
			...markers.map((m, k) => `${m}新建项目${k + 1}个，完成年度目标的${40 + k * 10}%。`)
		].join('\n');

	it.each([[['一是', '二是', '三是']], [['1.', '2.', '3.']], [['（一）', '（二）', '（三）']], [['①', '②', '③']]])(
		'%j each give one task',
		(markers) => {
			const page = readProsePage(paragraphs(markers));
			const rows = page!.reading.categories.flatMap((c) => c.rows);
			expect(rows.map((r) => [r.name, r.indicator?.percent])).toEqual([
				['新建项目', 40],
				['新建项目', 50],
				['新建项目', 60]
			]);
		}
	);

	it.each([
		[
			'a notice that only tallies items',
			'2020年1-11月份目标任务完成情况\n一、量化指标任务进展情况\n列入本次督查通报的量化指标任务共55项。截至目前，达到序时进度44项、占比80.0%。'
		],
		[
			'a division plan: targets, no result',
			'2023年主要目标任务责任分解方案\n一、主要预期目标\n（一）地区生产总值增长7%以上\n责任单位：区发展和改革局'
		],
		[
			'a rate inside a long narrative item',
			'2024年上半年工作情况\n1.下好双招双引先手棋。联动园区开展企业招引。招引标签企业12家。排摸申报国家级领军人才23人，申报完成率153.3%。'
		],
		['a sentence that opens with a connective', '2022年上半年民生实事推进情况\n不过，完成年度目标任务的单位还不多。']
	])('reads no task from %s', (_, text) => {
		expect(readProsePage(text)).toBeNull();
	});

	it('reads no task from narrative that states no measure', () => {
		const text =
			'2024年上半年工作情况\n上半年，全街实现规上工业总产值200.72亿元、同比增长5.0%。\n（一）强蓄能、拓阵地，经济稳进提质有成效。';
		expect(readProsePage(text)).toBeNull();
	});
});

describe('an indicator page as HTML reads as its text', () => {
	it('gives the same tasks', () => {
		const lines = [
			'杭州市2024年民生实事完成情况',
			'(一)已新增老年助餐服务点235个、新增床位1202张，整体完成率111.5%。',
			'(二)已完成老旧小区改造212个，完成率106.5%。'
		];
		const text = readReport(utf8(lines.join('\n')));
		const html = readReport(utf8(`<html><body>${lines.map((l) => `<p>${l}</p>`).join('\n')}</body></html>`), {
			fileName: 'x.html'
		});
		expect(structureOf(html)).toEqual(structureOf(text));
		expect(text.categories[0].tasks.map((t) => [t.name, t.percent])).toEqual([
			['新增老年助餐服务点', 111.5],
			['老旧小区改造', 106.5]
		]);
	});
});

describe('alignValues: numbers under indicators when empty cells vanished', () => {
	it.each([
		[
			'every measure',
			[100, 120, 120, 50, 40, 80],
			[false, false],
			[
				{ target: 100, actual: 120, percent: 120 },
				{ target: 50, actual: 40, percent: 80 }
			]
		],
		[
			'a ceiling without its percent',
			[4.3, 3.57, 400, 1089, 272.3],
			[true, false],
			[
				{ target: 4.3, actual: 3.57, percent: null },
				{ target: 400, actual: 1089, percent: 272.3 }
			]
		]
	])('%s', (_, values, pairs, expected) => {
		expect(alignValues(values, pairs, 3)).toEqual(expected);
	});

	it('gives up on numbers that fit more than one indicator', () => {
		expect(alignValues([60, 577, 961.7], [false, false, true, false, false], 3)).toBeNull();
		expect(alignValues([4.3, 3.54], [true, true], 3)).toBeNull();
	});

	it('stays quick on a long row that fits no way', () => {
		const values = Array.from({ length: 301 }, () => 100);
		const started = performance.now();
		expect(alignValues(values, new Array<boolean>(200).fill(false), 3)).toBeNull();
		expect(performance.now() - started).toBeLessThan(1000);
	});

	it('places two numbers under the one rate indicator that may lack its percent', () => {
		expect(alignValues([4.3, 3.54], [false, true], 3)).toEqual([null, { target: 4.3, actual: 3.54, percent: null }]);
	});
});
