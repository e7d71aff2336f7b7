import { describe, expect, it } from 'vitest';
import { chainFromTitle, governmentNamed, requireOrganization, resolveOrganization } from './organization';
import type { ReportDraft } from './types';

describe('chainFromTitle', () => {
	it.each([
		[
			'杭州市萧山区人民政府新街街道办事处2024年《政府工作报告》第二季度重点任务执行情况',
			['杭州市', '萧山区', '新街街道']
		],
		['【区级】杭州市萧山区人民政府2020年《政府工作报告》上半年度重点任务执行情况', ['杭州市', '萧山区']],
		['绍兴市柯桥区人民政府2023年政府工作报告一季度进展', ['绍兴市', '柯桥区']],
		['浙江省人民政府2022年《政府工作报告》全年执行情况', ['浙江省']],
		['某县某镇人民政府2021年重点工作', ['某县', '某镇']],
		['2023年度省政府民生实事涉我区工作任务一季度进展情况', []],
		['2021年市政府重点工作半年度进展情况表', []],
		['为扎实推进我市2017年民生工程实施工作,现将1至7月民生工程实施进度通报如下:', []]
	])('%s → %j', (title, chain) => {
		expect(chainFromTitle(title)).toEqual(chain);
	});
});

function draft(title: string | null, publisher: string | null): ReportDraft {
	return {
		source: { title, publisher, indexNo: null, writtenOn: null, publishedOn: null, subject: null, url: null },
		period: { year: 2024, quarter: 2, months: null, label: '二季度' },
		categories: [],
		flags: [],
		warnings: []
	};
}

describe('resolveOrganization', () => {
	it('prefers an explicit chain', () => {
		expect(resolveOrganization(draft('杭州市萧山区人民政府2020年', null), ['绍兴市'])).toEqual(['绍兴市']);
	});
	it('reads the chain from the title and does not repeat the publisher', () => {
		expect(resolveOrganization(draft('杭州市萧山区人民政府新街街道办事处2024年《政府工作报告》', '新街街道'))).toEqual([
			'杭州市',
			'萧山区',
			'新街街道'
		]);
	});
	it('adds a publisher that is a body below the title chain', () => {
		expect(resolveOrganization(draft('杭州市萧山区人民政府2024年《政府工作报告》', '新街街道'))).toEqual([
			'杭州市',
			'萧山区',
			'新街街道'
		]);
	});
	it('ignores a publisher that is an office, not a body', () => {
		expect(resolveOrganization(draft('【区级】杭州市萧山区人民政府2020年《政府工作报告》', '区政府办'))).toEqual([
			'杭州市',
			'萧山区'
		]);
	});
	it('falls back to the publisher when it is a body; finds nothing (and writing asks for --org) when nothing names one', () => {
		expect(resolveOrganization(draft('2021年重点工作', '新街街道'))).toEqual(['新街街道']);
		expect(resolveOrganization(draft('2021年重点工作', '市政府办公室'))).toEqual([]);
		expect(resolveOrganization(draft('2021年重点工作', null))).toEqual([]);
		expect(() => requireOrganization([])).toThrow(/--org/);
	});

	it.each([
		['绍兴市人民政府办公室', ['绍兴市']],
		['黄石市重点民生实事项目建设指挥部办公室', ['黄石市']],
		['柯桥区政府办', ['柯桥区']],
		['区政府办', []],
		['市政府政务督查室', []],
		['市民生办', []]
	])(
		'takes an office publisher (%s) for the government it speaks for, never for a body of its own',
		(publisher, chain) => {
			expect(resolveOrganization(draft('2021年重点工作', publisher))).toEqual(chain);
		}
	);

	it('takes the government the page names in its text where title and publisher do not', () => {
		expect(resolveOrganization({ ...draft('2024年民生实事完成情况', '市政府办公室'), speaksFor: ['杭州市'] })).toEqual([
			'杭州市'
		]);
	});
});

describe('governmentNamed', () => {
	it.each([
		['今日，杭州市第十四届人民代表大会常务委员会第二十一次会议召开。', ['杭州市']],
		['颛桥镇人民政府半年工作情况报告', ['颛桥镇']],
		['杭州市萧山区人民政府', ['杭州市', '萧山区']],
		['国务院公布2019年《政府工作报告》量化指标任务落实情况', ['国务院']],
		['全市完成地区生产总值', []],
		['老旧小区改造212个', []],
		['市政府政务督查室', []]
	])('%s → %j', (text, chain) => {
		expect(governmentNamed(text)).toEqual(chain);
	});
});
