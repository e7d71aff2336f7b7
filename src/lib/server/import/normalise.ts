/**
 * The form words are matched on. Pages are published in traditional script (達序時, 進度), with
 * pinyin inserted after a character (序(xù)時), with full-width letters and digits, and with
 * spaces inside words (任务 名称). Status words and header synonyms are written once, in
 * simplified script; they are matched on this form of the text, while the text itself is stored
 * and shown as published. matchFormMapped says, for every character of the form, where it came
 * from in the published text, so that evidence can quote the page.
 */
import { ConverterFactory } from 'opencc-js/core';
import { from, to } from 'opencc-js/preset/t2cn';
import type { DictGroup, DictLike } from 'opencc-js/core';

/** A text's match form and, per character of the form, its index in the published text (null: the same index). */
export interface MappedForm {
	form: string;
	origin: number[] | null;
}

/** Full-width ASCII and the ideographic space: folded in place, so offsets do not move. */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;
const CJK_CLASS = '\\u3400-\\u9fff\\uf900-\\ufaff';
const CJK = new RegExp(`[${CJK_CLASS}]`);
/**
 * Pinyin in brackets (half- or full-width) right after a CJK character: lower-case letters, tone
 * marks, spaces. The bracket comes first and the look back after it, so the look back runs only
 * at brackets.
 */
const PINYIN_SOURCE = `[(（](?<=[${CJK_CLASS}][(（])[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ\\s]{1,30}[)）]`;
const PINYIN = new RegExp(PINYIN_SOURCE, 'gu');
/**
 * What shortens the text: pinyin, or a space between two CJK characters. The space run is matched
 * from its first character only, with a look back of one character: a look back over the whole run
 * is tried at every start and end, cubic in a long run of spaces or tabs (a pasted cell).
 */
const SHORTENS = new RegExp(`${PINYIN_SOURCE}|\\s(?<=[${CJK_CLASS}]\\s)\\s*(?=[${CJK_CLASS}])`, 'u');

/** The match form: simplified, without inserted pinyin, full-width ASCII folded, no spaces between CJK characters. */
export function matchForm(text: string): string {
	return matchFormMapped(text).form;
}

/**
 * The match form with the way back to the published text. Most texts only fold width and script,
 * which keep every offset (origin null); only pinyin and spaces between CJK characters need a map.
 */
export function matchFormMapped(text: string): MappedForm {
	const folded = text.replace(FULL_WIDTH, foldWidth);
	const shortened = SHORTENS.test(folded) ? shorten(folded) : { form: folded, origin: null };
	return hasTraditional(shortened.form) ? { ...shortened, form: simplify(shortened.form) } : shortened;
}

function shorten(text: string): MappedForm {
	const chars: string[] = [];
	const origin: number[] = [];
	const skip = pinyinSpans(text);
	for (let i = 0; i < text.length; i++) {
		const end = skip.get(i);
		if (end !== undefined) {
			i = end - 1;
			continue;
		}
		chars.push(text[i]);
		origin.push(i);
	}
	dropSpacesBetweenCjk(chars, origin);
	return { form: chars.join(''), origin };
}

/** Start → end of every inserted pinyin, to be left out of the form. */
function pinyinSpans(text: string): Map<number, number> {
	const spans = new Map<number, number>();
	if (!text.includes('(') && !text.includes('（')) return spans;
	for (const match of text.matchAll(PINYIN)) spans.set(match.index, match.index + match[0].length);
	return spans;
}

/** Full-width ASCII (ＡＢＣ１２３，：) to its half-width form; the ideographic space to a space. */
function foldWidth(char: string): string {
	const code = char.charCodeAt(0);
	if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
	return code === 0x3000 ? ' ' : char;
}

/** Spaces (and line breaks) between two CJK characters are layout, not text: 任务 名称 is 任务名称. */
function dropSpacesBetweenCjk(chars: string[], origin: number[]): void {
	let write = 0;
	for (let read = 0; read < chars.length; read++) {
		if (/\s/.test(chars[read]) && write > 0 && CJK.test(chars[write - 1])) {
			let next = read;
			while (next < chars.length && /\s/.test(chars[next])) next++;
			if (next < chars.length && CJK.test(chars[next])) {
				read = next - 1;
				continue;
			}
		}
		chars[write] = chars[read];
		origin[write] = origin[read];
		write++;
	}
	chars.length = write;
	origin.length = write;
}

let converter: ((text: string) => string) | null = null;
/** By UTF-16 code unit: 1 where the conversion changes the character. A table, as this runs per update. */
let traditional: Uint8Array | null = null;

/** Hong Kong and Taiwan variants to standard traditional, then traditional to simplified (mainland). */
function simplify(text: string): string {
	converter ??= ConverterFactory(...(from.hk as DictGroup[]), ...(from.tw as DictGroup[]), ...(to.cn as DictGroup[]));
	const whole = converter(text);
	if (whole.length === text.length) return whole;
	// A phrase rule changed the length: convert character by character so the offsets still hold.
	return [...text].map((char) => (converter!(char).length === char.length ? converter!(char) : char)).join('');
}

/** Whether the text has a character the conversion would change: most pages are simplified and skip it. */
function hasTraditional(text: string): boolean {
	traditional ??= traditionalTable();
	for (let i = 0; i < text.length; i++) if (traditional[text.charCodeAt(i)] === 1) return true;
	return false;
}

/**
 * The characters the conversion changes, from its own dictionaries. Characters outside the basic
 * plane are marked by their high surrogate: a rare false alarm costs one conversion.
 */
function traditionalTable(): Uint8Array {
	const table = new Uint8Array(0x10000);
	for (const group of [...from.hk, ...from.tw, ...to.cn])
		for (const dict of group)
			for (const [source, target] of entries(dict))
				if ([...source].length === 1 && target !== source) table[source.charCodeAt(0)] = 1;
	return table;
}

/** A dictionary's entries as [source, first candidate]: "乾 干 乾|…" or pairs. */
function entries(dict: DictLike): [string, string][] {
	if (typeof dict !== 'string') return dict.map(([source, target]) => [source, target.split(' ')[0]]);
	return dict.split('|').map((entry) => {
		const [source, target = source] = entry.split(' ');
		return [source, target];
	});
}

/** The published text behind form[start, end): from the first character's origin to the last one's. */
export function publishedSpan(text: string, mapped: MappedForm, start: number, end: number): string {
	if (!mapped.origin) return text.slice(start, end);
	return text.slice(mapped.origin[start], mapped.origin[end - 1] + 1);
}

/**
 * `text` without the characters `strip` accepts at its start (`start`) and its end (`end`). A scan:
 * /[…]+$/ tries the run again from each of its characters, quadratic in a long run (a pasted cell of
 * 40 000 commas took seconds).
 */
export function trimWhere(text: string, strip: (char: string) => boolean, sides: 'end' | 'both' = 'end'): string {
	let start = 0;
	let end = text.length;
	while (end > 0 && strip(text[end - 1])) end--;
	if (sides === 'both') while (start < end && strip(text[start])) start++;
	return text.slice(start, end);
}
