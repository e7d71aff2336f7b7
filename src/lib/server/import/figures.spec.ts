import { describe, expect, it } from 'vitest';
import { clauseFigures, isIndicatorName, quantitiesOf, sameUnit, splitItems } from './figures';

describe('clauseFigures: name, figure, growth, percent of target, deviation, verdict', () => {
	it.each([
		[
			'上半年,全市完成地区生产总值802.81亿元,比上年同期增长28.6%,高出全省0.1个百分点',
			'地区生产总值',
			802.81,
			'亿元',
			28.6,
			null
		],
		['社会固定资产投资增长86.1%,增幅全省排第9位', '社会固定资产投资', 86.1, '%', 86.1, null],
		['1-6月，全镇实现财政总收入25.76亿元，完成年度目标的56.00%', '财政总收入', 25.76, '亿元', null, 56],
		['城镇登记失业率为3.62%', '城镇登记失业率', 3.62, '%', null, null],
		['全市困难群众医疗费用综合保障率已达89.33%', '困难群众医疗费用综合保障率', 89.33, '%', null, null],
		['已建成“宁静小区”64个，完成率138%', '建成“宁静小区”', 64, '个', null, 138],
		['去年全国农村贫困人口减少1109万人', '农村贫困人口', 1109, '万人', null, null],
		['投资10亿元以上项目10个', '投资10亿元以上项目', 10, '个', null, null],
		['一般公共预算收入12.66亿元，为年度目标的66.65%', '一般公共预算收入', 12.66, '亿元', null, 66.65]
	])('%s', (text, name, value, unit, growth, percent) => {
		const figures = clauseFigures(text);
		expect(figures).toMatchObject({ name, growth, percent });
		expect(figures.quantity).toMatchObject({ value, unit });
	});

	it('takes a target stated before what was done toward it as the target, not the actual', () => {
		const figures = clauseFigures('1-3月份项目进展:10个全民健身示范工程已开工8个、开工率80%,已完工7个、完工率70%');
		expect(figures).toMatchObject({ name: '全民健身示范工程', quantity: null, percent: 70, percentText: '完工率70%' });
		expect(figures.target).toMatchObject({ value: 10, unit: '个' });
	});

	it.each([
		['增速比目标高0.5个百分点', 0.5],
		['低于年度目标2个百分点', -2],
		['比预期目标低1.2个百分点', -1.2],
		['快于全年目标3个百分点', 3],
		['增长7.2%，比目标增速低0.8个百分点', -0.8],
		['慢于目标进度5个百分点', -5]
	])('reads the deviation in %s', (text, deviation) => {
		expect(clauseFigures(text).deviation).toBe(deviation);
	});

	it.each([
		['符合年度预期目标', true],
		['城镇登记失业率为3.62%，完成年度目标', true],
		['未完成年度目标', false],
		['高出全省0.1个百分点', null]
	])('reads the verdict in %s', (text, met) => {
		expect(clauseFigures(text).met).toBe(met);
	});
});

describe('quantitiesOf', () => {
	it.each([
		['1100万人以上', 1100, '万人', '>='],
		['4.5%以内', 4.5, '%', '<='],
		['近2万亿元', 2, '万亿元', '~'],
		['税率降至13%', 13, '%', '<='],
		['增长6%-6.5%', 6, '%', '>='],
		['不少于3个', 3, '个', '>=']
	])('%s', (text, value, unit, comparator) => {
		expect(quantitiesOf(text)[0]).toMatchObject({ value, unit, comparator });
	});

	it('skips ranks, list numbers, percentage points and years', () => {
		expect(quantitiesOf('增幅全省排第7位，收窄3.7个百分点，2021年，5G')).toEqual([]);
	});
});

describe('splitItems', () => {
	it.each([
		['报告提出，2019年城镇新增就业1100万人以上，城镇登记失业率4.5%以内', 2],
		['二氧化硫、氮氧化物排放量下降3%，化学需氧量、氨氮排放量下降2%', 2],
		['去年国内生产总值达990865亿元，比上年增长6.1%，符合年度预期目标', 1],
		['减少农村贫困人口1000万以上、新建改建农村公路20万公里、移动网络流量平均资费再降低20%以上', 3]
	])('%s → %i items', (text, count) => {
		expect(splitItems(text)).toHaveLength(count);
	});
});

describe('sameUnit', () => {
	it.each([
		['万人', '万人', true],
		['万', '万人', true],
		['个', '家', false],
		['亿元', '万元', false]
	])('%s %s', (a, b, same) => expect(sameUnit(a, b)).toBe(same));
});

describe('clauseFigures: where the figure stands in the clause', () => {
	it('counts from the start of the clause, past the parts before it', () => {
		const text = '按可比价格计算，地区生产总值802.81亿元';
		const { quantity } = clauseFigures(text);
		expect(text.slice(quantity!.start, quantity!.start + quantity!.text.length)).toBe('802.81亿元');
	});
});

describe('isIndicatorName', () => {
	it.each([
		['财政总收入', true],
		['制造业等行业现行16%的税率', true],
		['城镇登记失业率（调查）', true],
		['城西公园（完成', false],
		['城东路改造（完成45%）、城西公园', false],
		['从督查情况看', false],
		['甲', false]
	])('%s → %s', (name, expected) => {
		expect(isIndicatorName(name)).toBe(expected);
	});
});
