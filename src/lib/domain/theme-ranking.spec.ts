import { describe, expect, it } from 'vitest';
import { rankThemes } from './theme-ranking';

const row = (theme: string, taskCount: number) => ({ theme, taskCount });

describe('rankThemes', () => {
	it.each([
		['largest first, summed over statuses', [row('甲', 2), row('乙', 1), row('乙', 3)], ['乙', '甲']],
		['ties by name', [row('丙', 2), row('乙', 2), row('甲', 2)], ['丙', '乙', '甲']],
		['a theme with no tasks comes last', [row('a', 0), row('b', 1)], ['b', 'a']],
		['nothing', [], []]
	])('%s', (_, rows, expected) => {
		expect(rankThemes(rows)).toEqual(expected);
	});
});
