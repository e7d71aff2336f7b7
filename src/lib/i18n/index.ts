/**
 * The UI's words in both languages, in one typed dictionary: a key missing from one language
 * is a type error. Task text from reports is never translated.
 */
import { en } from './en';
import { zh } from './zh';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export type MessageKey = keyof typeof zh;

export const messages: Record<Lang, Record<MessageKey, string>> = { zh, en };

export function isLang(value: unknown): value is Lang {
	return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The language a cookie asks for; Chinese unless it says English. */
export function languageFromCookie(value: string | undefined): Lang {
	return isLang(value) ? value : 'zh';
}

/** A message with its {placeholders} filled: fill('共 {total} 项', { total: 12 }). Unknown names stay as written. */
export function fill(message: string, values: Record<string, string | number>): string {
	return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
