import { describe, expect, it } from 'vitest';
import { rankCategories } from './category-ranking';

const row = (category: string | null, position: number, taskCount: number) => ({ category, position, taskCount });

describe('rankCategories', () => {
	it.each([
		['largest first, counted over statuses', [row('甲', 1, 2), row('乙', 2, 1), row('乙', 2, 3)], ['乙', '甲']],
		['ties in report order', [row('丙', 3, 2), row('甲', 1, 2), row('乙', 2, 2)], ['甲', '乙', '丙']],
		['ties at one position by key', [row('b', 1, 1), row('a', 1, 1)], ['a', 'b']],
		['tasks without a category count under ""', [row(null, 1, 5), row('甲', 2, 1)], ['', '甲']],
		[
			'a category at several positions takes its first',
			[row('甲', 4, 1), row('甲', 1, 1), row('乙', 2, 2)],
			['甲', '乙']
		],
		['nothing', [], []]
	])('%s', (_, rows, expected) => {
		expect(rankCategories(rows)).toEqual(expected);
	});
});
