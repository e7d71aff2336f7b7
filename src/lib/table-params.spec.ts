import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, FilterError, parseFilters } from './filters';
import {
	DEFAULT_TABLE,
	pageLinks,
	pageOfIndex,
	pageWindow,
	parseTableParams,
	serialiseTableView
} from './table-params';

const parse = (query: string) => parseTableParams(new URLSearchParams(query));

describe('parseTableParams', () => {
	it.each([
		['', DEFAULT_TABLE],
		['sort=status&dir=desc', { ...DEFAULT_TABLE, sort: 'status', dir: 'desc' }],
		['page=3&size=20', { ...DEFAULT_TABLE, page: 3, size: 20 }],
		['sort=&dir=&page=&size=', DEFAULT_TABLE],
		['q=x&status=behind', DEFAULT_TABLE]
	])('%s', (query, expected) => {
		expect(parse(query)).toEqual(expected);
	});

	it.each([
		['sort=name', 'sort'],
		['dir=up', 'dir'],
		['page=0', 'page'],
		['page=-1', 'page'],
		['page=1.5', 'page'],
		['page=9999999', 'page'],
		['size=7', 'size'],
		['size=50.0', 'size']
	])('%s is rejected, naming %s', (query, param) => {
		expect(() => parse(query)).toThrow(FilterError);
		try {
			parse(query);
		} catch (error) {
			expect((error as FilterError).param).toBe(param);
		}
	});
});

describe('serialiseTableView', () => {
	it('puts filters first, then non-default table parameters, and round-trips', () => {
		const params = new URLSearchParams('size=20&sort=status&year=2024&status=behind&page=2');
		const query = serialiseTableView(parseFilters(params), parseTableParams(params));
		expect(query).toBe('?year=2024&status=behind&sort=status&page=2&size=20');
		const again = new URLSearchParams(query.slice(1));
		expect(parseTableParams(again)).toEqual(parseTableParams(params));
	});
	it('applies overrides and drops defaults', () => {
		expect(serialiseTableView(EMPTY_FILTERS, { ...DEFAULT_TABLE, page: 4 }, { page: 1 })).toBe('');
		expect(serialiseTableView(EMPTY_FILTERS, DEFAULT_TABLE, { dir: 'desc' })).toBe('?dir=desc');
	});
});

describe('paging', () => {
	it.each([
		[0, 1, 50, { page: 1, pageCount: 1, offset: 0, clamped: false }],
		[120, 2, 50, { page: 2, pageCount: 3, offset: 50, clamped: false }],
		[120, 9, 50, { page: 3, pageCount: 3, offset: 100, clamped: true }],
		[100, 2, 50, { page: 2, pageCount: 2, offset: 50, clamped: false }],
		[0, 5, 50, { page: 1, pageCount: 1, offset: 0, clamped: true }]
	])('total %i, page %i, size %i', (total, page, size, expected) => {
		expect(pageWindow(total, page, size)).toEqual(expected);
	});

	it.each([
		[1, 1, [1]],
		[1, 3, [1, 2, 3]],
		[5, 20, [1, 2, 3, 4, 5, 6, 7, null, 20]],
		[8, 20, [1, null, 6, 7, 8, 9, 10, null, 20]],
		[1, 20, [1, 2, 3, null, 20]],
		[4, 20, [1, 2, 3, 4, 5, 6, null, 20]],
		[20, 20, [1, null, 18, 19, 20]]
	])('pageLinks(%i, %i)', (page, count, expected) => {
		expect(pageLinks(page, count)).toEqual(expected);
	});

	it('finds the page of a row', () => {
		expect([0, 49, 50, 120].map((i) => pageOfIndex(i, 50))).toEqual([1, 1, 2, 3]);
	});
});
