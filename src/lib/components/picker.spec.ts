import { describe, expect, it } from 'vitest';
import { flatOptions, matchOptions, nextActive, treeOptions } from './picker';

const tree = [
	{ id: 1, name: '杭州市', parentId: null, depth: 0 },
	{ id: 2, name: '萧山区', parentId: 1, depth: 1 },
	{ id: 3, name: '新街街道', parentId: 2, depth: 2 },
	{ id: 4, name: '余杭区', parentId: 1, depth: 1 },
	{ id: 5, name: '新街街道', parentId: 4, depth: 2 },
	{ id: 6, name: '示例街道', parentId: null, depth: 0, isSample: true }
];

describe('treeOptions', () => {
	it('gives each organization its ancestors, top first, and marks sample data', () => {
		const options = treeOptions(tree, '（示例）');
		expect(options.map((o) => [o.value, o.label, o.path.join(' › ')])).toEqual([
			['1', '杭州市', ''],
			['2', '萧山区', '杭州市'],
			['3', '新街街道', '杭州市 › 萧山区'],
			['4', '余杭区', '杭州市'],
			['5', '新街街道', '杭州市 › 余杭区'],
			['6', '示例街道（示例）', '']
		]);
	});
});

describe('matchOptions', () => {
	const options = treeOptions(tree, '');
	it.each([
		['', ['杭州市', '萧山区', '新街街道', '余杭区', '新街街道', '示例街道']],
		['街道', ['新街街道', '新街街道', '示例街道']],
		['新街', ['新街街道', '新街街道']],
		['区', ['萧山区', '余杭区']],
		['街', ['新街街道', '新街街道', '示例街道']],
		['没有', []]
	])('%j', (query, labels) => {
		expect(matchOptions(options, query, 50).shown.map((o) => o.label)).toEqual(labels);
	});

	it('puts names that start with the text first', () => {
		const names = flatOptions(['推进城市更新', '城市建设', '扎实推进城市治理']);
		expect(matchOptions(names, '城市', 50).shown.map((o) => o.label)).toEqual([
			'城市建设',
			'推进城市更新',
			'扎实推进城市治理'
		]);
	});

	it('ignores commas’ width, spaces and case', () => {
		const names = flatOptions(['坚持以人为本，办好民生实事', 'Smart City 建设']);
		expect(matchOptions(names, '本,办好', 50).shown).toHaveLength(1);
		expect(matchOptions(names, 'smartcity', 50).shown).toHaveLength(1);
	});

	it('shows at most the limit and says how many matched', () => {
		const many = flatOptions(Array.from({ length: 300 }, (_, i) => `类别${i}`));
		const { shown, matched } = matchOptions(many, '类别1', 20);
		expect(shown).toHaveLength(20);
		expect(matched).toBe(111);
	});
});

describe('nextActive', () => {
	it.each([
		['ArrowDown', -1, 3, 0],
		['ArrowDown', 2, 3, 0],
		['ArrowUp', 0, 3, 2],
		['ArrowUp', -1, 3, 2],
		['Home', 2, 3, 0],
		['End', 0, 3, 2],
		['ArrowDown', -1, 0, -1],
		['Enter', 1, 3, null],
		['a', 1, 3, null]
	])('%s from %i of %i → %j', (key, active, count, expected) => {
		expect(nextActive(key, active, count)).toBe(expected);
	});
});
