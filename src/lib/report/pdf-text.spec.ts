import { describe, expect, it } from 'vitest';
import { findSplitRows, footerNumbers } from './pdf-text';

describe('findSplitRows', () => {
	const pages = [
		'序号 任务\n1 坚定数字升级\n2 拓展项目渠道，加快\n建设重点工程\n3 全面打造美好',
		'教育体系建设\n4 丰富文化文明活动'
	];
	it.each([
		['a row on one page', ['坚定数字升级'], []],
		['a row wrapped within its page', ['拓展项目渠道，加快建设重点工程'], []],
		['a row whose text runs onto the next page', ['全面打造美好教育体系建设'], ['全面打造美好教育体系建设']],
		['a row on the second page', ['丰富文化文明活动'], []],
		['a row on no page at all', ['扎实推进民生优享'], ['扎实推进民生优享']]
	])('%s', (_why, phrases, expected) => {
		expect(findSplitRows(phrases, pages)).toEqual(expected);
	});
});

describe('footerNumbers', () => {
	it.each([
		['新街街道 · 2024年二季度 第 3 页 / 共 12 页', { page: 3, of: 12 }],
		['Xinjie · 2024 Q2 Page 3 of 12', { page: 3, of: 12 }],
		['第3页/共4页', { page: 3, of: 4 }],
		['no footer here', null]
	])('%s', (text, expected) => {
		expect(footerNumbers([text])).toEqual([expected]);
	});
});
