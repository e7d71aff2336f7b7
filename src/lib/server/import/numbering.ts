/**
 * 序号: the numbers that start a table row or a numbered paragraph. Offices number rows every
 * way a keyboard allows — 1, １, 1., 1、, 1）, (2), （二）, 二十一、, ①, ⑴, ⒈, 10000 — and a reader
 * that knows only some of them takes the others for the text of the row above and merges two
 * tasks into one. Every form here is a row start; its value lets a reader check the order.
 */

const CN_DIGIT: Record<string, number> = {
	零: 0,
	〇: 0,
	一: 1,
	二: 2,
	两: 2,
	三: 3,
	四: 4,
	五: 5,
	六: 6,
	七: 7,
	八: 8,
	九: 9
};
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The numeral itself: Arabic (half or full width, up to 6 digits), Chinese, or one enclosed character. */
const NUMERAL = '(?:[0-9０-９]{1,6}|[零〇一二两三四五六七八九十百千]{1,6}|[①-⑳㉑-㉟㊱-㊿⑴-⒇⒈-⒛㈠-㈩])';
const OPEN = '[（(［\\[【〔]';
const CLOSE = '[)）］\\]】〕]';
/** What may follow a numeral: 1. 1、 1．1， 1) 1）. */
const AFTER = '[.、．，,:：)）]';

/** A cell that is only a row number, in any common form. */
const ROW_NUMBER = new RegExp(`^(?:${OPEN}\\s*${NUMERAL}\\s*${CLOSE}|${NUMERAL}\\s*${AFTER}?)$`, 'u');
/** A sub-number as spreadsheets write it: 1.1, 2-3. */
const SUB_NUMBER = /^[0-9０-９]{1,4}(?:[.．-][0-9]{1,3})+$/;

/**
 * The number that opens a numbered paragraph (一、… （二）… 1.… ①… 一是…), with what follows it.
 * Arabic numbers need their punctuation (1.) so that 2021年 or 802.81亿元 never open a paragraph.
 */
const PARAGRAPH_NUMBER = new RegExp(
	`^\\s*(?:${OPEN}\\s*(${NUMERAL})\\s*${CLOSE}|([0-9０-９]{1,3})\\s*[.、．)）](?![0-9０-９])|([零〇一二两三四五六七八九十百]{1,4})\\s*[、.．是)）]|([①-⑳⑴-⒇⒈-⒛㈠-㈩]))\\s*`,
	'u'
);

/** Whether a cell is a row number: 1, １, 1., 1、, 1）, (2), （二）, 二十一, ①, ⑴, ⒈, 10000. */
export function isRowNumber(text: string, { subNumbers = false } = {}): boolean {
	const trimmed = text.trim();
	if (trimmed === '' || trimmed.length > 12) return false;
	return ROW_NUMBER.test(trimmed) || (subNumbers && SUB_NUMBER.test(trimmed));
}

/** The value of a row number (（二十一） → 21, ⑶ → 3, １２ → 12), or null when it is not one. */
export function rowNumberValue(text: string): number | null {
	const trimmed = text.trim();
	if (!isRowNumber(trimmed)) return null;
	return numeralValue(trimmed.replace(new RegExp(`^${OPEN}|${CLOSE}$|${AFTER}$`, 'gu'), '').trim());
}

/**
 * A numbered paragraph's number and the text after it, or null: 一、主要指标 → { value: 1, rest: '主要指标' };
 * （二）… → 2; 1.… → 1; 一是… → 1.
 */
export function paragraphNumber(text: string): { value: number; marker: string; rest: string } | null {
	const match = PARAGRAPH_NUMBER.exec(text);
	if (!match) return null;
	const numeral = match[1] ?? match[2] ?? match[3] ?? match[4];
	const value = numeralValue(numeral);
	if (value === null) return null;
	return { value, marker: match[0].trim(), rest: text.slice(match[0].length) };
}

function numeralValue(numeral: string): number | null {
	const ascii = numeral.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
	if (/^\d+$/.test(ascii)) return Number(ascii);
	const code = numeral.codePointAt(0)!;
	if (numeral.length === 1) {
		for (const [first, last, offset] of ENCLOSED) if (code >= first && code <= last) return code - first + offset;
	}
	return chineseNumeral(numeral);
}

/** Enclosed numerals: ①–⑳, ㉑–㉟, ㊱–㊿, ⑴–⒇, ⒈–⒛, ㈠–㈩ (first code point, last, value of the first). */
const ENCLOSED: readonly [number, number, number][] = [
	[0x2460, 0x2473, 1],
	[0x3251, 0x325f, 21],
	[0x32b1, 0x32bf, 36],
	[0x2474, 0x2487, 1],
	[0x2488, 0x249b, 1],
	[0x3220, 0x3229, 1]
];

/** 二十一 → 21, 一百零五 → 105, 十 → 10; null for anything else. */
export function chineseNumeral(text: string): number | null {
	if (text === '') return null;
	let total = 0;
	let digit: number | null = null;
	for (const ch of text) {
		if (ch in CN_DIGIT) {
			if (digit !== null && digit !== 0) return null;
			digit = CN_DIGIT[ch];
		} else if (ch in CN_UNIT) {
			total += (digit ?? 1) * CN_UNIT[ch];
			digit = null;
		} else return null;
	}
	return total + (digit ?? 0);
}
