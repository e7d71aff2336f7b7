import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, FilterError, parseFilters, serialiseFilters, sinceMonthEnd, sinceParam } from './filters';

const parse = (query: string) => parseFilters(new URLSearchParams(query));

describe('parseFilters', () => {
	it.each([
		['', EMPTY_FILTERS],
		['org=新街街道&year=2024&quarter=2', { ...EMPTY_FILTERS, org: '新街街道', year: 2024, quarter: 2 }],
		['months=1-11', { ...EMPTY_FILTERS, months: [1, 11] }],
		[
			'status=behind&source=inferred&flag=duplicate_text',
			{ ...EMPTY_FILTERS, status: ['behind'], source: ['inferred'], flag: 'duplicate_text' }
		],
		[
			'status=ahead,on_track,ahead&source=reported,confirmed',
			{ ...EMPTY_FILTERS, status: ['ahead', 'on_track'], source: ['reported', 'confirmed'] }
		],
		[
			// What the filter bar's status checkboxes send.
			'status=behind&status=not_started&status=&status=behind',
			{ ...EMPTY_FILTERS, status: ['behind', 'not_started'] }
		],
		[
			'category=%E5%9D%9A%E6%8C%81&theme=数字化&lang=en',
			{ ...EMPTY_FILTERS, category: '坚持', theme: '数字化', lang: 'en' }
		],
		['q=  消防  ', { ...EMPTY_FILTERS, q: '消防' }],
		['year=&quarter=', EMPTY_FILTERS],
		['period=q3', { ...EMPTY_FILTERS, quarter: 3 }],
		['period=m1-11', { ...EMPTY_FILTERS, months: [1, 11] }],
		['period=q1&quarter=2', { ...EMPTY_FILTERS, quarter: 2 }],
		['attention=1', { ...EMPTY_FILTERS, attention: true }],
		['attention=0', EMPTY_FILTERS],
		['since=q1&change=newly_behind', { ...EMPTY_FILTERS, since: 'q1', change: 'newly_behind' }],
		['since=m1-5&streak=3', { ...EMPTY_FILTERS, since: 'm1-5', streak: 3 }]
	])('%s', (query, expected) => {
		expect(parse(query)).toEqual(expected);
	});

	it.each([
		['year=24', 'year'],
		['year=abc', 'year'],
		['quarter=5', 'quarter'],
		['quarter=0', 'quarter'],
		['months=11-1', 'months'],
		['months=1-13', 'months'],
		['months=1-11&quarter=2', 'months'],
		['status=late', 'status'],
		['period=q9', 'period'],
		['period=m11-1', 'period'],
		['status=behind,late', 'status'],
		['source=guess', 'source'],
		['flag=x', 'flag'],
		['lang=fr', 'lang'],
		['attention=yes', 'attention'],
		['since=2024q1', 'since'],
		['since=m5-1', 'since'],
		['since=m1-13', 'since'],
		['change=better', 'change'],
		['streak=0', 'streak'],
		['streak=many', 'streak'],
		[`org=${'x'.repeat(201)}`, 'org']
	])('%s is rejected, naming %s', (query, param) => {
		expect(() => parse(query)).toThrow(FilterError);
		try {
			parse(query);
		} catch (error) {
			expect((error as FilterError).param).toBe(param);
		}
	});

	it('bounds a very long search instead of rejecting it', () => {
		expect(parse(`q=${'消'.repeat(10_000)}`).q).toHaveLength(1000);
	});
});

describe('serialiseFilters', () => {
	it('writes canonical order and round-trips', () => {
		const filters = parse('status=behind&quarter=2&org=新街街道&year=2024');
		const query = serialiseFilters(filters);
		expect(query).toBe('?org=%E6%96%B0%E8%A1%97%E8%A1%97%E9%81%93&year=2024&quarter=2&status=behind');
		expect(parse(query.slice(1))).toEqual(filters);
	});
	it('applies overrides and drops nulls', () => {
		expect(serialiseFilters(parse('year=2024&status=behind'), { status: null, category: 'A' })).toBe(
			'?year=2024&category=A'
		);
		expect(serialiseFilters(parse('months=1-11'), { status: ['ahead', 'on_track'] })).toBe(
			'?months=1-11&status=ahead%2Con_track'
		);
		expect(serialiseFilters(EMPTY_FILTERS)).toBe('');
		expect(serialiseFilters(parse('year=2024&attention=1'))).toBe('?year=2024&attention=1');
		expect(serialiseFilters(parse('attention=1'), { attention: false })).toBe('');
	});
});

describe('since', () => {
	it.each([
		['q1', 3],
		['q4', 12],
		['m1-5', 5],
		['m3-11', 11]
	])('%s ends in month %i', (since, month) => {
		expect(sinceMonthEnd(since)).toBe(month);
	});

	it.each([
		[{ quarter: 2, monthStart: null, monthEnd: 6 }, 'q2'],
		[{ quarter: null, monthStart: 1, monthEnd: 11 }, 'm1-11'],
		[{ quarter: 2, monthStart: 1, monthEnd: 6 }, 'q2']
	])('names %j as %s, which parses back', (period, since) => {
		expect(sinceParam(period)).toBe(since);
		expect(parse(`since=${since}`).since).toBe(since);
	});
});
