import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, parseFilters } from '../filters';
import {
	DEFAULT_PRESENT_PARAMS,
	legacySchemeLocation,
	parsePresentParams,
	presentHref,
	type PresentParams
} from './params';

const parse = (query: string) => parsePresentParams(new URLSearchParams(query));

describe('parsePresentParams', () => {
	const ok: [string, Partial<PresentParams>][] = [
		['', {}],
		['org=新街街道&year=2024', {}],
		['slides=kpi,categories,attention', { slides: ['kpi', 'categories', 'attention'] }],
		['slides= KPI , category ,theme', { slides: ['kpi', 'categories', 'themes'] }],
		['slides=kpi,trend,kpi', { slides: ['kpi', 'trend', 'kpi'] }],
		['slides=,', {}],
		['auto=20', { auto: 20 }],
		['auto=1.5', { auto: 1.5 }],
		['auto=0', { auto: null }],
		['auto=20&loop=1', { auto: 20, loop: true }],
		['loop=true', { loop: true }],
		['loop=0', { loop: false }],
		['scheme=light', { scheme: 'light' }],
		['scheme=DARK', { scheme: 'dark' }],
		['theme=数字化', {}],
		['theme=数字化&scheme=light', { scheme: 'light' }],
		['print=1', { print: true }]
	];
	it.each(ok)('%s', (query, expected) => {
		expect(parse(query)).toEqual({ ...DEFAULT_PRESENT_PARAMS, ...expected });
	});

	const bad: [string, RegExp][] = [
		['slides=kpi,charts', /^slides: "charts" is not one of title, kpi, categories/],
		['slides=<b>', /^slides: "<b>"/],
		[`slides=${Array(31).fill('kpi').join(',')}`, /^slides: more than 30/],
		['auto=abc', /^auto: "abc"/],
		['auto=-5', /^auto: /],
		['auto=0.5', /^auto: /],
		['auto=99999', /^auto: /],
		['loop=yes', /^loop: "yes" is not 1 or 0/],
		['print=2', /^print: /],
		['scheme=blue', /^scheme: "blue" is not one of dark, light/]
	];
	it.each(bad)('%s is refused, naming the parameter', (query, message) => {
		expect(() => parse(query)).toThrow(message);
	});
});

describe('legacySchemeLocation: old links with theme=dark|light move to scheme=', () => {
	const cases: [string, string | null][] = [
		['theme=light', '/present?scheme=light'],
		['theme=数字化', null],
		['org=1&theme=数字化&theme=Dark', '/present?org=1&theme=%E6%95%B0%E5%AD%97%E5%8C%96&scheme=dark'],
		['theme=light&scheme=dark', '/present?scheme=dark'],
		['', null]
	];
	it.each(cases)('%s', (query, location) => {
		expect(legacySchemeLocation(new URL(`http://x/present?${query}`))).toBe(location);
	});
	it('leaves a 主题 filter that survives the move to the filters', () => {
		const moved = legacySchemeLocation(new URL('http://x/present?theme=教育&theme=light'))!;
		const params = new URL(moved, 'http://x').searchParams;
		expect(parseFilters(params).theme).toBe('教育');
		expect(parsePresentParams(params).scheme).toBe('light');
	});
});

describe('presentHref', () => {
	const filters = { ...EMPTY_FILTERS, org: '新街街道', year: 2024, quarter: 2 };
	const cases: [string, Partial<PresentParams>, string][] = [
		['/present', {}, '/present?org=%E6%96%B0%E8%A1%97%E8%A1%97%E9%81%93&year=2024&quarter=2'],
		[
			'/present/presenter',
			{ slides: ['kpi', 'attention'], auto: 20, loop: true, scheme: 'light' },
			'/present/presenter?org=%E6%96%B0%E8%A1%97%E8%A1%97%E9%81%93&year=2024&quarter=2&slides=kpi%2Cattention&auto=20&loop=1&scheme=light'
		],
		['/present', { print: true }, '/present?org=%E6%96%B0%E8%A1%97%E8%A1%97%E9%81%93&year=2024&quarter=2&print=1']
	];
	it.each(cases)('%s %j', (path, overrides, expected) => {
		expect(presentHref(path, filters, DEFAULT_PRESENT_PARAMS, overrides)).toBe(expected);
	});

	it('round-trips through the parser, a 主题 filter beside the colour scheme', () => {
		const present: PresentParams = { slides: ['title', 'quality'], auto: 7, loop: true, scheme: 'light', print: false };
		const withTopic = { ...filters, theme: '数字化' };
		const params = new URL(presentHref('/present', withTopic, present), 'http://x').searchParams;
		expect(parsePresentParams(params)).toEqual(present);
		expect(parseFilters(params)).toEqual(withTopic);
	});

	it('is the bare path without filters or parameters', () => {
		expect(presentHref('/present', EMPTY_FILTERS, DEFAULT_PRESENT_PARAMS)).toBe('/present');
	});
});
