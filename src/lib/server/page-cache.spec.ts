import { describe, expect, it } from 'vitest';
import { PageCache, etagMatches, pageEtag } from './page-cache';

const page = (text: string) => ({
	status: 200,
	headers: [['content-type', 'text/html']] as [string, string][],
	body: new TextEncoder().encode(text)
});

describe('PageCache', () => {
	it('serves a page only for the data version it was rendered for', () => {
		const cache = new PageCache();
		cache.set('/?org=1|zh', 7, page('v7'));
		expect(new TextDecoder().decode(cache.get('/?org=1|zh', 7)!.body)).toBe('v7');
		expect(cache.get('/?org=1|zh', 8)).toBeUndefined();
		// Going back to 7 does not resurrect what 8 cleared.
		expect(cache.get('/?org=1|zh', 7)).toBeUndefined();
	});

	it('keeps the most recently used entries and skips oversized pages', () => {
		const cache = new PageCache(2, 10);
		cache.set('a', 1, page('a'));
		cache.set('b', 1, page('b'));
		cache.get('a', 1);
		cache.set('c', 1, page('c'));
		expect(cache.get('b', 1)).toBeUndefined();
		expect(cache.get('a', 1)).toBeDefined();
		cache.set('big', 1, page('x'.repeat(11)));
		expect(cache.get('big', 1)).toBeUndefined();
	});
});

describe('etags', () => {
	it.each([
		[null, false],
		['W/"b1-7-zh"', true],
		['"b1-7-zh"', true],
		['W/"b1-8-zh", W/"b1-7-zh"', true],
		['W/"b1-7-en"', false],
		['*', true]
	])('If-None-Match %s → %s', (header, expected) => {
		expect(etagMatches(header, pageEtag('b1', 7, 'zh'))).toBe(expected);
	});
});
