import { describe, expect, it } from 'vitest';
import { chainFromTitle, resolveOrganization } from './organization';
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
		['2021年市政府重点工作半年度进展情况表', []]
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
	it('falls back to the publisher, and fails clearly when nothing names the body', () => {
		expect(resolveOrganization(draft('2021年重点工作', '市政府办公室'))).toEqual(['市政府办公室']);
		expect(() => resolveOrganization(draft('2021年重点工作', null))).toThrow(/--org/);
	});
});
