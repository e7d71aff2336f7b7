/**
 * Indicator pages and a wide indicator table as governments publish them (family I and W of the
 * real reports): per file, how many tasks, a few named tasks with their status, percent and
 * target, the period, and what the page does not give (its organization, a cut-off end).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { previewDocument } from './index';
import type { DraftTask, ReportDraft } from './types';

const real = (name: string) => readFileSync(`src/lib/server/import/fixtures/real/${name}.txt`);
const tasksOf = (draft: ReportDraft) => draft.categories.flatMap((c) => c.tasks);
const task = (draft: ReportDraft, name: string) => {
	const found = tasksOf(draft).find((t) => t.name === name);
	expect(found, `task ${name}`).toBeDefined();
	return found as DraftTask;
};
const messages = (draft: ReportDraft) => draft.warnings.map((w) => w.message);

describe('xianning-city-2021-h1-key-work: indicators and numbered targets of a supervision notice', async () => {
	const { draft, organization } = await previewDocument(real('xianning-city-2021-h1-key-work'));

	it('reads the period from the first sentence', () => {
		expect(draft.period).toEqual({ year: 2021, quarter: 2, months: null, label: '上半年' });
	});

	it('gives a task per indicator under its heading, and per numbered target with a result', () => {
		expect(draft.categories.map((c) => [c.name, c.tasks.length])).toEqual([
			['全市经济社会发展主要预期目标完成情况', 8],
			['报告中确定的其他指标任务完成情况', 4]
		]);
	});

	it('keeps an indicator without a target unknown, with its actual and unit', () => {
		expect(task(draft, '地区生产总值')).toMatchObject({
			status: 'unknown',
			actual: 802.81,
			unit: '亿元',
			evidence: []
		});
		expect(task(draft, '城镇登记失业率')).toMatchObject({ status: 'unknown', actual: 3.31, unit: '%' });
	});

	it('pairs a planned figure with the result that names it, and compares with 序时进度', () => {
		expect(task(draft, '新开工亿元以上产业项目')).toMatchObject({
			status: 'ahead',
			statusSource: 'inferred',
			percent: 80,
			actual: 80,
			targets: [{ value: 100, unit: '个', comparator: '=' }]
		});
		expect(task(draft, '投资10亿元以上项目')).toMatchObject({ status: 'completed', actual: 25, percent: 250 });
		// A numbered target with no result reported is a plan, not progress: no task.
		expect(tasksOf(draft).some((t) => t.name.startsWith('培育'))).toBe(false);
	});

	it('warns about the cut-off end and that the office names no government', () => {
		expect(organization).toEqual([]);
		expect(messages(draft)).toContain('文档在此行中断（截断），最后一句不完整，未导入：“3.新建5G基”');
		expect(messages(draft).some((m) => m.includes('--org'))).toBe(true);
	});
});

describe('huangshi-city-2023-jan-mar-livelihood-fitness: one project per month page', async () => {
	const { draft, organization } = await previewDocument(real('huangshi-city-2023-jan-mar-livelihood-fitness'));

	it('reads the period from the title and the year from the publish date, with a warning', () => {
		expect(draft.period).toMatchObject({ year: 2023, quarter: 1, months: [1, 3] });
		expect(messages(draft)).toContain('页面未写明年份，按发布日期2023-04-04取2023年');
	});

	it('gives the project one task: its completion rate against 序时进度, the investment joined to it', () => {
		expect(tasksOf(draft)).toHaveLength(1);
		expect(task(draft, '全民健身示范工程')).toMatchObject({
			status: 'ahead',
			percent: 70,
			targets: [{ value: 10, unit: '个' }],
			evidence: ['完工率70%', '序时进度25%']
		});
		expect(task(draft, '全民健身示范工程').statusText).toContain('占年度计划的80%');
	});

	it('takes the government an office speaks for', () => {
		expect(organization).toEqual(['黄石市']);
	});
});

describe('zhuanqiao-town-2022-h1-gov-work-report: indicators in one sentence of a work report', async () => {
	const { draft, organization } = await previewDocument(real('zhuanqiao-town-2022-h1-gov-work-report'));

	it('reads the period and the town', () => {
		expect(draft.period).toMatchObject({ year: 2022, quarter: 2, label: '上半年' });
		expect(organization).toEqual(['颛桥镇']);
	});

	it('gives six indicators with their percent of the annual target against 序时进度 50%', () => {
		expect(tasksOf(draft).map((t) => [t.name, t.percent, t.status])).toEqual([
			['财政总收入', 56, 'on_track'],
			['地方财政收入', 66.65, 'ahead'],
			['镇级财政收入', 75.84, 'ahead'],
			['规模以上工业总产值', 42.31, 'behind'],
			['社会固定资产投资', 42.66, 'behind'],
			['工业固定资产投资', 38.55, 'behind']
		]);
		expect(task(draft, '财政总收入')).toMatchObject({ actual: 25.76, unit: '亿元' });
	});

	it('reads no task from the narrative that follows', () => {
		expect(tasksOf(draft).every((t) => t.percent !== null)).toBe(true);
	});
});

describe('state-council-2019-38-quantified-indicators-table: plan and result paragraphs', async () => {
	const { draft, organization } = await previewDocument(real('state-council-2019-38-quantified-indicators-table'));

	it('takes the whole year from a publish date after it, with a warning', () => {
		expect(draft.period).toMatchObject({ year: 2019, quarter: 4 });
		expect(messages(draft)).toContain('页面未写明报告期；发布日期2020-05-20已在2019年之后，按全年导入');
		expect(organization).toEqual(['国务院']);
	});

	it('gives a task per planned figure, all met', () => {
		expect(tasksOf(draft)).toHaveLength(10);
		expect(tasksOf(draft).every((t) => t.status === 'completed')).toBe(true);
	});

	it('compares a growth target, a count, a ceiling and a reduction', () => {
		expect(task(draft, '国内生产总值')).toMatchObject({ actual: 6.1, targets: [{ value: 6, comparator: '>=' }] });
		expect(task(draft, '城镇新增就业')).toMatchObject({ actual: 1352, percent: 122.9, unit: '万人' });
		expect(task(draft, '城镇登记失业率')).toMatchObject({
			actual: 3.62,
			targets: [{ value: 4.5, comparator: '<=' }],
			evidence: ['实际3.62，未超过目标4.5%以内']
		});
		// 分别下降4.4%和3.5%: the least of them is held against the target.
		expect(task(draft, '二氧化硫、氮氧化物排放量')).toMatchObject({ actual: 3.5, targets: [{ value: 3 }] });
	});
});

describe('hangzhou-city-2024-fullyear-10-livelihood-completion-rates: numbered paragraphs with a rate each', async () => {
	const { draft, organization } = await previewDocument(
		real('hangzhou-city-2024-fullyear-10-livelihood-completion-rates')
	);

	it('gives one task per numbered paragraph, with its completion rate', () => {
		expect(tasksOf(draft)).toHaveLength(11);
		expect(task(draft, '新增老年助餐服务点')).toMatchObject({ percent: 111.5, status: 'completed', actual: null });
		expect(task(draft, '孤独症儿童康复救助')).toMatchObject({ percent: 223, status: 'completed' });
		expect(task(draft, '新建成中小学')).toMatchObject({ percent: 168 });
	});

	it('reads the year, takes the whole year with a warning, and the city from the first sentence', () => {
		expect(draft.period).toMatchObject({ year: 2024, quarter: 4, label: '全年' });
		expect(messages(draft)).toContain('页面未写明报告期；页面报告2024年的完成情况，按全年导入');
		expect(organization).toEqual(['杭州市']);
	});

	it('warns about the paragraph the page is cut in', () => {
		expect(draft.warnings).toContainEqual({ line: 14, message: '文档在此行中断（截断），最后一句不完整，未导入：“(”' });
	});
});

describe('meishan-city-2019-fullyear-ten-livelihood-by-district-table: regions × indicators', async () => {
	const { draft } = await previewDocument(real('meishan-city-2019-fullyear-ten-livelihood-by-district-table'));

	it('gives one task per indicator with the total row’s figures', () => {
		expect(draft.categories.map((c) => [c.name, c.tasks.map((t) => t.name)])).toEqual([
			[
				'就业促进工程 · 促进城乡劳动者就业创业',
				[
					'城镇新增就业(人)',
					'城镇失业人员再就业(人)',
					'就业困难人员就业(人)',
					'城镇登记失业率低于(%)',
					'下岗失业人员再就业(人)'
				]
			],
			['就业促进工程 · 加大就业技能培训', ['劳务品牌培训(人)']]
		]);
		expect(task(draft, '城镇新增就业(人)')).toMatchObject({
			status: 'completed',
			percent: 187.9,
			actual: 52242,
			targets: [{ value: 27800, unit: '人', comparator: '>=' }]
		});
	});

	it('meets a ceiling when the actual stays under it', () => {
		expect(task(draft, '城镇登记失业率低于(%)')).toMatchObject({
			status: 'completed',
			actual: 3.57,
			percent: null,
			targets: [{ value: 4.3, comparator: '<=' }]
		});
	});

	it('keeps each region’s figures in the notes, and a row whose numbers fit several indicators out with a warning', () => {
		expect(task(draft, '城镇新增就业(人)').notes).toContain('东坡区：目标8000，完成22921，完成比例286.5%');
		expect(messages(draft)).toContain(
			'第109行“市本级”的3个数与5项指标对不上（空单元格在复制时丢失，无法确定各数所属的指标），未导入'
		);
	});

	it('reads the whole year from the publish date, and warns about the cut-off row', () => {
		expect(draft.period).toMatchObject({ year: 2019, quarter: 4 });
		expect(messages(draft).some((m) => m.startsWith('文档在此行中断（截断），“全市”一行不完整'))).toBe(true);
	});
});
