import { describe, expect, it } from 'vitest';
import { categoryKey } from './category-key';
import { categoryKey as frozenCategoryKey } from '../../../migrations/0017_category_keys.js';

const CASES: [string | null, string][] = [
	['坚持以人为本,办好民生实事,不断提高群众满意率', '坚持以人为本，办好民生实事，不断提高群众满意率'],
	['坚持以人为本，办好民生实事，不断提高群众满意率', '坚持以人为本，办好民生实事，不断提高群众满意率'],
	['坚持以人为本， 办好民生实事', '坚持以人为本，办好民生实事'],
	['  产业 发展　', '产业发展'],
	['数字化改造(一期)', '数字化改造（一期）'],
	['推进５Ｇ网络建设', '推进5G网络建设'],
	['Smart  City 建设', 'Smart City建设'],
	['5G 基站', '5G基站'],
	['民生实事：10件', '民生实事：10件'],
	['民生实事:10件', '民生实事：10件'],
	['一、经济发展', '一、经济发展'],
	['   ', ''],
	[null, '']
];

describe('categoryKey', () => {
	it.each(CASES)('%j → %j', (name, key) => {
		expect(categoryKey(name)).toBe(key);
	});

	it('the migration freezes the same rule', () => {
		for (const [name] of CASES) expect(frozenCategoryKey(name)).toBe(categoryKey(name));
	});
});
