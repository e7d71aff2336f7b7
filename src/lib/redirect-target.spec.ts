import { describe, expect, it } from 'vitest';
import { sameOriginPath } from './redirect-target';

const ORIGIN = 'http://jindu.local:3000';

describe('sameOriginPath', () => {
	it.each([
		// kept: the site's own paths, as the language switch sends them
		['/', '/'],
		['/tasks?org=%E6%96%B0%E8%A1%97&year=2024', '/tasks?org=%E6%96%B0%E8%A1%97&year=2024'],
		['/tasks/12#history', '/tasks/12#history'],
		['/present?slides=kpi,trend', '/present?slides=kpi,trend'],
		['/tasks/../present', '/present'],
		// refused: the review's payloads, decoded as the query parameter arrives
		['/\t/evil.example/', '/'],
		['/\t\\evil.example/', '/'],
		['/\r\nSet-Cookie: x=1', '/'],
		['/\n/evil.example', '/'],
		['/tasks?q=消防', '/'],
		['/任务', '/'],
		['/\\evil.example', '/'],
		['/a\\b', '/'],
		['//evil.example/', '/'],
		['///evil.example/', '/'],
		['/ /evil.example', '/'],
		['/\u0000', '/'],
		['https://evil.example/', '/'],
		['javascript:alert(1)', '/'],
		['evil.example', '/'],
		['', '/'],
		[null, '/'],
		[undefined, '/']
	])('%j → %s', (target, expected) => {
		expect(sameOriginPath(target, ORIGIN)).toBe(expected);
	});

	it('is never the other origin for any printable target', () => {
		for (let code = 0; code < 0x80; code++) {
			const target = `/${String.fromCharCode(code)}/evil.example/`;
			expect(new URL(sameOriginPath(target, ORIGIN), ORIGIN).origin).toBe(ORIGIN);
		}
	});
});
