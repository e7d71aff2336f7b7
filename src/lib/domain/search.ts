/**
 * What a search box's text means, shared by the query module (which turns it into SQL) and the
 * pages (which highlight what it matched). Pure: no database, safe in the browser.
 *
 * A query is split at whitespace into terms; a task matches when every term occurs, as typed,
 * in its name, its content or one of its current status texts. Terms are always searched as
 * text: FTS5 syntax in them (quotes, `*`, NEAR, a leading `-`) has no meaning.
 */

/** More terms than this are dropped (and the page says so): each costs a subquery. */
export const MAX_SEARCH_TERMS = 8;

/** Trigram FTS5 needs three characters to find anything; shorter terms go another way (searchWay). */
export const MIN_FTS_TERM = 3;

export interface SearchQuery {
	/** Distinct terms in the order typed, at most MAX_SEARCH_TERMS. */
	terms: string[];
	/** True when the query had more terms than were kept. */
	truncated: boolean;
}

/**
 * Splits a search text into terms. ASCII and ideographic whitespace separate them, and so do control characters:
 * nobody types them, and the indexes end each text with one (migration 0025).
 */
export function parseSearch(text: string | null | undefined): SearchQuery {
	const all = [...new Set((text ?? '').split(/[\s\u3000\p{Cc}]+/u).filter(Boolean))];
	return { terms: all.slice(0, MAX_SEARCH_TERMS), truncated: all.length > MAX_SEARCH_TERMS };
}

/** Length in characters (code points), which is what the trigram tokenizer counts. */
export function charLength(term: string): number {
	return [...term].length;
}

/** Whether a term can go to the trigram index as it is. */
export function usesFts(term: string): boolean {
	return charLength(term) >= MIN_FTS_TERM;
}

/** Characters whose case the index folds as JavaScript does, or that have none. */
const KNOWN_FOLD = /^[\p{Script=Han}\p{Nd}\p{P}\p{Zs}A-Za-z]+$/u;

/**
 * How the search finds a term: `trigrams`, the term as one FTS5 string; `pairs`, a two-character term, through
 * the index's trigrams that begin with it (each indexed text ends with a marker, so a pair at a text's end begins
 * one too: migration 0025); `like`, a scan of the texts — one character, or a pair whose case folding the index
 * might do otherwise than `pairPrefix`.
 */
export function searchWay(term: string): 'trigrams' | 'pairs' | 'like' {
	if (usesFts(term)) return 'trigrams';
	return charLength(term) === 2 && KNOWN_FOLD.test(term) ? 'pairs' : 'like';
}

/** The pair as the index's terms begin with it: the trigram tokenizer folds case (ASCII letters here). */
export function pairPrefix(term: string): string {
	return term.toLowerCase();
}

/**
 * The term as one FTS5 string: wrapped in double quotes, inner quotes doubled. Inside a string
 * FTS5 sees no operators, so `NEAR(`, `*`, `-x` or `a OR b` are matched as the characters typed.
 */
export function quoteFts(term: string): string {
	return `"${term.replaceAll('"', '""')}"`;
}

/** A LIKE pattern that finds the term anywhere, with `\` as the escape for `%`, `_` and itself. */
export function likePattern(term: string): string {
	return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface Segment {
	text: string;
	match: boolean;
}

/**
 * A term of characters without case — Han, decimal digits, punctuation, spaces (most terms typed here) — is
 * found as typed: a case-insensitive Unicode expression finds the same places ten times slower (≈ 7 µs a
 * status text, dozens a task page).
 */
const UNCASED = /^[\p{Script=Han}\p{Nd}\p{P}\p{Zs}]+$/u;

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Cuts a text into plain and matching segments, for rendering matches as <mark> without HTML.
 * Case-insensitive (as the index is); overlapping or adjacent matches of several terms merge
 * into one segment. Joining the segments' text gives back the input exactly.
 */
export function splitMatches(text: string | null | undefined, terms: readonly string[]): Segment[] {
	if (!text) return [];
	const needles = terms.filter((t) => t.length > 0);
	if (needles.length === 0) return [{ text, match: false }];
	const ranges: [number, number][] = [];
	for (const needle of needles) {
		if (UNCASED.test(needle)) {
			// As the expression finds them: each match after the previous one's end.
			for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length))
				ranges.push([at, at + needle.length]);
			continue;
		}
		const pattern = new RegExp(escapeRegExp(needle), 'giu');
		for (const m of text.matchAll(pattern)) ranges.push([m.index, m.index + m[0].length]);
	}
	if (ranges.length === 0) return [{ text, match: false }];
	ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	const merged: [number, number][] = [];
	for (const range of ranges) {
		const last = merged.at(-1);
		if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
		else merged.push([...range]);
	}
	const segments: Segment[] = [];
	let at = 0;
	for (const [start, end] of merged) {
		if (start > at) segments.push({ text: text.slice(at, start), match: false });
		segments.push({ text: text.slice(start, end), match: true });
		at = end;
	}
	if (at < text.length) segments.push({ text: text.slice(at), match: false });
	return segments;
}

/** Whether any term occurs in the text (case-insensitive), as splitMatches would mark it. */
export function hasMatch(text: string | null | undefined, terms: readonly string[]): boolean {
	return splitMatches(text, terms).some((s) => s.match);
}

/**
 * A window of about `width` characters around the first match, with … where cut; null when
 * nothing matches. For showing why a row matched when the match is in text the row does not show.
 */
export function matchSnippet(text: string | null | undefined, terms: readonly string[], width = 60): string | null {
	if (!text) return null;
	const segments = splitMatches(text, terms);
	const first = segments.findIndex((s) => s.match);
	if (first < 0) return null;
	const start = segments.slice(0, first).reduce((n, s) => n + s.text.length, 0);
	const from = Math.max(0, start - Math.floor(width / 3));
	const to = Math.min(text.length, from + width);
	return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}
