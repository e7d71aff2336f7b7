import { describe, expect, it } from 'vitest';
import {
	likePattern,
	matchSnippet,
	MAX_SEARCH_TERMS,
	pairPrefix,
	parseSearch,
	quoteFts,
	searchWay,
	splitMatches,
	usesFts
} from './search';

describe('parseSearch', () => {
	it.each([
		['', []],
		['消防', ['消防']],
		['  消防  数字化改造 ', ['消防', '数字化改造']],
		['消防\u3000平安', ['消防', '平安']],
		['消防 消防', ['消防']],
		['"NEAR( * -', ['"NEAR(', '*', '-']],
		['养老\u0001服务\u0000', ['养老', '服务']]
	])('%j → %j', (text, terms) => {
		expect(parseSearch(text).terms).toEqual(terms);
	});

	it('keeps at most MAX_SEARCH_TERMS and says it dropped some', () => {
		const many = Array.from({ length: 20 }, (_, i) => `词${i}`).join(' ');
		expect(parseSearch(many)).toMatchObject({ truncated: true });
		expect(parseSearch(many).terms).toHaveLength(MAX_SEARCH_TERMS);
		expect(parseSearch(null)).toEqual({ terms: [], truncated: false });
	});
});

describe('FTS quoting and LIKE patterns', () => {
	it.each([
		['消防', false],
		['消防风', true],
		['ab', false],
		['𠮷𠮷', false],
		['𠮷𠮷𠮷', true]
	])('usesFts(%j) = %j', (term, expected) => {
		expect(usesFts(term)).toBe(expected);
	});

	it.each([
		['消防风', 'trigrams'],
		['消防', 'pairs'],
		['5G', 'pairs'],
		['AI', 'pairs'],
		['“养', 'pairs'],
		['𠮷𠮷', 'pairs'],
		['消', 'like'],
		['Éa', 'like'],
		['ＡＩ', 'like']
	])('searchWay(%j) = %s', (term, expected) => {
		expect(searchWay(term)).toBe(expected);
	});

	it('folds a pair as the trigram tokenizer does', () => {
		expect(pairPrefix('AI')).toBe('ai');
		expect(pairPrefix('养老')).toBe('养老');
	});

	it.each([
		['数字化改造', '"数字化改造"'],
		['say "hi"', '"say ""hi"""'],
		['"', '""""'],
		['NEAR(a b)', '"NEAR(a b)"'],
		['abc*', '"abc*"'],
		['-abc', '"-abc"']
	])('quoteFts(%j) = %s', (term, expected) => {
		expect(quoteFts(term)).toBe(expected);
	});

	it.each([
		['消防', '%消防%'],
		['5%', '%5\\%%'],
		['a_b', '%a\\_b%'],
		['\\', '%\\\\%']
	])('likePattern(%j) = %s', (term, expected) => {
		expect(likePattern(term)).toBe(expected);
	});
});

describe('splitMatches', () => {
	const m = (text: string) => ({ text, match: true });
	const p = (text: string) => ({ text, match: false });
	it.each([
		['加强消防风险感知', ['消防'], [p('加强'), m('消防'), p('风险感知')]],
		['消防消防', ['消防'], [m('消防消防')]],
		['abcdef', ['bcd', 'cde'], [p('a'), m('bcde'), p('f')]],
		['ABC abc', ['abc'], [m('ABC'), p(' '), m('abc')]],
		['no match', ['x'], [p('no match')]],
		['a.b*c', ['.b*'], [p('a'), m('.b*'), p('c')]],
		['<img src=x onerror=alert(1)>', ['img'], [p('<'), m('img'), p(' src=x onerror=alert(1)>')]],
		['text', [], [p('text')]]
	])('%j with %j', (text, terms, expected) => {
		expect(splitMatches(text, terms)).toEqual(expected);
		expect(
			splitMatches(text, terms)
				.map((s) => s.text)
				.join('')
		).toBe(text);
	});

	it('finds a term without case where the case-insensitive expression finds it', () => {
		// Han, digits and punctuation take the plain search; letters, even among Han, the expression.
		const texts = [
			'啊啊啊',
			'完成12个，完成12个。',
			'数字化改造（一期）数字化改造',
			'ＡＢ数字ab数字',
			'１２３，１２３'
		];
		const terms = ['啊啊', '啊', '12个', '个，完', '数字化改造', '（一期）', '数字', 'ab数字', '１２', '，'];
		const expression = (text: string, term: string) =>
			[...text.matchAll(new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu'))].map((m) => m.index);
		for (const text of texts)
			for (const term of terms) {
				const starts = splitMatches(text, [term]).reduce<{ at: number; starts: number[] }>(
					({ at, starts }, s) => ({ at: at + s.text.length, starts: s.match ? [...starts, at] : starts }),
					{ at: 0, starts: [] }
				).starts;
				// Adjacent matches merge into one segment: compare where each run of matches starts.
				const runs = expression(text, term).filter((at, i, all) => i === 0 || all[i - 1]! + term.length !== at);
				expect(starts, `${term} in ${text}`).toEqual(runs);
			}
		expect(splitMatches('啊啊啊', ['啊啊'])).toEqual([m('啊啊'), p('啊')]);
		expect(splitMatches('ＡＢ数字ab数字', ['ａｂ数字'])).toEqual([m('ＡＢ数字'), p('ab数字')]);
	});

	it('gives nothing for empty text', () => {
		expect(splitMatches(null, ['a'])).toEqual([]);
		expect(splitMatches('', ['a'])).toEqual([]);
	});
});

describe('matchSnippet', () => {
	it('cuts a window around the first match', () => {
		const text = `${'前'.repeat(100)}消防${'后'.repeat(100)}`;
		const snippet = matchSnippet(text, ['消防'], 30)!;
		expect(snippet).toContain('消防');
		expect(snippet.startsWith('…') && snippet.endsWith('…')).toBe(true);
		expect(matchSnippet('短文本消防', ['消防'])).toBe('短文本消防');
		expect(matchSnippet('无关', ['消防'])).toBeNull();
	});
});
