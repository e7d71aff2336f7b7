import { describe, expect, it } from 'vitest';
import { isoDate, readPageMeta } from './page-meta';

describe('readPageMeta', () => {
	it('reads spaced labels, two pairs to a line (xinjie)', () => {
		const meta = readPageMeta([
			'索 引 号 H083/2024-79731 成文日期 2024-07-08',
			'发布机构 新街街道 主题分类 其他',
			'',
			'杭州市萧山区人民政府新街街道办事处2024年《政府工作报告》第二季度重点任务执行情况',
			'',
			'发布日期:2024-07-08 14:44 访问次数: 信息来源:新街街道',
			'分享:'
		]);
		expect(meta).toEqual({
			source: {
				title: '杭州市萧山区人民政府新街街道办事处2024年《政府工作报告》第二季度重点任务执行情况',
				publisher: '新街街道',
				indexNo: 'H083/2024-79731',
				writtenOn: '2024-07-08',
				publishedOn: '2024-07-08',
				subject: '其他',
				url: null
			},
			titleLine: 4
		});
	});

	it('reads colon labels, a first-line URL and skips the breadcrumb (shaoxing)', () => {
		const meta = readPageMeta([
			'http://www.sx.gov.cn/art/2021/8/13/art_1229456882_59326680.html',
			'当前位置:首页',
			'> 政务公开 > 组织机构 > 市政府重点工作',
			'索引号: 11330600002577014T/2022-227932 公开方式: 主动公开',
			'发布机构: 市政府办公室(研究室、机关事务局 成文日期: 2022-06-08',
			'主题分类: 政务公开 发文字号:',
			'2021年市政府重点工作半年度进展情况表',
			'发布日期:2021-08-13 17:42 浏览次数: 字体:[ ]'
		]);
		expect(meta).toEqual({
			source: {
				title: '2021年市政府重点工作半年度进展情况表',
				publisher: '市政府办公室(研究室、机关事务局',
				indexNo: '11330600002577014T/2022-227932',
				writtenOn: '2022-06-08',
				publishedOn: '2021-08-13',
				subject: '政务公开',
				url: 'http://www.sx.gov.cn/art/2021/8/13/art_1229456882_59326680.html'
			},
			titleLine: 7
		});
	});

	it('falls back to 信息来源 for the publisher and reads 发布时间 (keqiao)', () => {
		const meta = readPageMeta(['发布时间:2023-11-16 16:38', '信息来源:区政府办(外事办)', '信息来源:', '访问次数:']);
		expect(meta.source).toMatchObject({ publisher: '区政府办(外事办)', publishedOn: '2023-11-16', title: null });
	});

	it('prefers a title with a year over an earlier one without', () => {
		expect(readPageMeta(['重点任务', '2023年重点任务进展情况']).source.title).toBe('2023年重点任务进展情况');
	});
});

describe('isoDate', () => {
	it.each([
		['2024-07-08 14:44', '2024-07-08'],
		['2024/7/8', '2024-07-08'],
		['2024年7月8日', '2024-07-08'],
		['2024-02-30', null],
		['', null],
		[undefined, null]
	])('%s → %s', (text, iso) => {
		expect(isoDate(text)).toBe(iso);
	});
});

describe('readPageMeta: lines under the title that name the period', () => {
	it.each([
		[['重点工作推进情况', '（2024年1-9月）'], [{ text: '（2024年1-9月）', line: 2 }]],
		[
			['重点工作推进情况', '截至9月底，全区重点工作推进如下。'],
			[{ text: '截至9月底，全区重点工作推进如下。', line: 2 }]
		],
		[['重点工作推进情况', '分享:', '各项工作符合年度预期目标。'], undefined]
	])('%j', (lines, opening) => {
		expect(readPageMeta(lines).opening).toEqual(opening);
	});
});
