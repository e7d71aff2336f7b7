import { describe, expect, it } from 'vitest';
import { auditQuery, beijingDayEnd, beijingDayStart, parseAuditParams } from './audit-params';

describe('parseAuditParams', () => {
	it('reads every filter, and defaults to page 1', () => {
		expect(
			parseAuditParams(new URLSearchParams('org=新街街道&person=li&kind=login&from=2026-11-01&to=2026-11-29'))
		).toEqual({
			org: '新街街道',
			person: 'li',
			kind: 'login',
			from: '2026-11-01',
			to: '2026-11-29',
			page: 1
		});
	});
	it.each([
		['kind=delete', 'kind'],
		['from=2026-13-01', 'from'],
		['to=2026-02-30', 'to'],
		['from=yesterday', 'from'],
		['page=0', 'page'],
		['page=x', 'page'],
		[`person=${'x'.repeat(65)}`, 'person']
	])('%s is a bad %s', (query, param) => {
		expect(() => parseAuditParams(new URLSearchParams(query))).toThrow(expect.objectContaining({ param }));
	});
});

describe('Beijing days', () => {
	it('start at 16:00 UTC the day before and include the whole day', () => {
		expect(beijingDayStart('2026-11-29')).toBe('2026-11-28T16:00:00.000Z');
		expect(beijingDayEnd('2026-11-29')).toBe('2026-11-29T16:00:00.000Z');
	});
});

describe('auditQuery', () => {
	it('writes only what is set, and page 1 not at all', () => {
		const params = parseAuditParams(new URLSearchParams('kind=login&page=3'));
		expect(auditQuery(params)).toBe('?kind=login&page=3');
		expect(auditQuery(params, { page: 1 })).toBe('?kind=login');
		expect(auditQuery({ ...params, kind: null }, { page: 1 })).toBe('');
	});
});
