import { describe, expect, it } from 'vitest';
import { errorPageText, FILTER_ERROR_KINDS, filterErrorText } from './errors';
import { FilterError, parseFilters } from './filters';

const CJK = /[\u3400-\u9fff]/;

describe('filter errors in both languages', () => {
	it.each(FILTER_ERROR_KINDS)('%s fills every placeholder in zh and en', (kind) => {
		const values = { value: 'x', max: 9, min: 1, allowed: 'a, b' };
		for (const lang of ['zh', 'en'] as const) expect(filterErrorText(lang, 'p', kind, values)).not.toMatch(/\{\w+\}/);
	});

	it('words a bad year in Chinese by default and in English on the switch, naming the parameter', () => {
		const e = (() => {
			try {
				parseFilters(new URLSearchParams('year=24'));
			} catch (error) {
				return error as FilterError;
			}
		})()!;
		expect(e).toBeInstanceOf(FilterError);
		expect(filterErrorText('zh', e.param, e.kind, e.values)).toBe('year: “24”不是 1949 到 2200 之间的整数');
		expect(filterErrorText('en', e.param, e.kind, e.values)).toBe(e.message);
	});

	it('has no Chinese in the English page texts except the one term that names the data', () => {
		for (const text of Object.values(errorPageText('en'))) expect(text).not.toMatch(CJK);
		for (const kind of FILTER_ERROR_KINDS.filter((k) => k !== 'unknownTheme'))
			expect(filterErrorText('en', 'p', kind, { value: 'v', max: 1, min: 0, allowed: 'a' })).not.toMatch(CJK);
	});
});
