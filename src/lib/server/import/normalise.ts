/**
 * The form of page text that rules match against: simplified script (traditional pages exist:
 * 達序時 is 达序时), no pinyin inserted after a character (序(xù)时), and ASCII-range full-width
 * forms folded to their ASCII width. Text is stored and shown as published; only matching uses
 * this form.
 */
import { Converter } from 'opencc-js';

const toSimplified = Converter({ from: 'tw', to: 'cn' });

/** Pinyin in brackets right after a Chinese character: 序(xù)时, 序（xu4）时. */
const PINYIN = /(?<=[\u4e00-\u9fff])[(（]\s*[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[1-5]?\s*[)）]/g;

/** Full-width digits and Latin letters, and the full-width percent sign, folded to ASCII. */
function foldWidth(text: string): string {
	return text.replace(/[０-９Ａ-Ｚａ-ｚ％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** The matching form of `text`: simplified, pinyin-free, width-folded. */
export function matchForm(text: string): string {
	return foldWidth(toSimplified(text)).replace(PINYIN, '');
}
