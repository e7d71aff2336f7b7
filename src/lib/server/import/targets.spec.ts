import { describe, expect, it } from 'vitest';
import { extractPercent, extractTargets } from './targets';

describe('extractTargets', () => {
	it.each([
		['实施5个以上数字化改造项目', [{ value: 5, unit: '个', comparator: '>=', text: '5个以上' }]],
		['开展群文活动不少于30场次', [{ value: 30, unit: '场次', comparator: '>=', text: '不少于30场次' }]],
		['计划出让1宗以上宅地', [{ value: 1, unit: '宗', comparator: '>=', text: '1宗以上' }]],
		['提升2座现有城市书房', [{ value: 2, unit: '座', comparator: '=', text: '2座' }]],
		['城镇调查失业率控制在4.3%以内', [{ value: 4.3, unit: '%', comparator: '<=', text: '控制在4.3%以内' }]],
		['地区生产总值增长7%以上', [{ value: 7, unit: '%', comparator: '>=', text: '7%以上' }]],
		['固定资产投资增长8%左右', [{ value: 8, unit: '%', comparator: '~', text: '8%左右' }]],
		['争取至少1个平台入选', [{ value: 1, unit: '个', comparator: '>=', text: '至少1个' }]],
		['新增学位810个', [{ value: 810, unit: '个', comparator: '=', text: '810个' }]],
		['减免资金22.84亿元', [{ value: 22.84, unit: '亿元', comparator: '=', text: '22.84亿元' }]],
		['惠及企业17.5万家', [{ value: 17.5, unit: '万家', comparator: '=', text: '17.5万家' }]],
		['帮扶企业300余家', [{ value: 300, unit: '家', comparator: '>=', text: '300余家' }]],
		['新建三个以上口袋公园', [{ value: 3, unit: '个', comparator: '>=', text: '三个以上' }]],
		['举办不少于十场讲座', [{ value: 10, unit: '场', comparator: '>=', text: '不少于十场' }]],
		['PM2.5浓度不超过30', []],
		['占比提高2个百分点', [{ value: 2, unit: '个百分点', comparator: '=', text: '2个百分点' }]],
		[
			'上市挂牌5家，新增上云2800家',
			[
				{ value: 5, unit: '家', comparator: '=', text: '5家' },
				{ value: 2800, unit: '家', comparator: '=', text: '2800家' }
			]
		],
		['规上工业企业数字化覆盖率80%以上', [{ value: 80, unit: '%', comparator: '>=', text: '80%以上' }]]
	])('%s', (content, expected) => {
		expect(extractTargets(content)).toEqual(expected);
	});

	it.each([
		['a year', '举办2024新街音乐节，完成2024年度计划'],
		['a date', '3月10日赴江山中学，6月底前完成'],
		['a version', '推动社会综合治理站1.0版本向2.0升级'],
		['a list number', '1.高质量编制实施规划'],
		['an ordinal', '第3个项目，第二批'],
		['a duration', '24小时在线，6个月内完成，3天办结'],
		['a Chinese numeral without comparator', '一园一品牌，一件事改革，两个健康，新建一所学校'],
		['a quoted code', '省市县长“152”重点项目，“2+7+N”开发区，“十四五”规划'],
		['nothing', null],
		['an empty text', '']
	])('ignores %s', (_, content) => {
		expect(extractTargets(content)).toEqual([]);
	});

	it('stays fast on a long run of digits', () => {
		expect(extractTargets('1'.repeat(200_000))).toEqual([]);
	});
});

describe('extractPercent', () => {
	it.each([
		['完成60%', 60],
		['完成率80%', 80],
		['室内装修及安装工程完成80%,场外工程完成70%。', 80],
		['工程进度达到45.5%', 45.5],
		['完成全年目标的62.5%', 62.5],
		['超额完成，完成率223%', 223],
		['全市GDP增长13.7%，居全省第6位', null],
		['落地率45.7%', null],
		['80%的项目完成统计入库。', null],
		['已全部完成', null],
		['完成投资294.9亿元，占年计划投资的40.4%', 40.4],
		['累计完成投资54.53亿元，占年度计划投资37.11%，超时序进度12.11个百分点', 37.11],
		['欠进度的有17个，占总任务的7.7%', null],
		[null, null]
	])('%s → %s', (text, percent) => {
		expect(extractPercent(text)).toBe(percent);
	});
});
