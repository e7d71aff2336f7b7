/**
 * The UI's words in both languages, in one typed dictionary: a key missing from one language
 * is a type error. Task text from reports is never translated.
 */
import type { zh } from './zh';
import { preloaded } from '#i18n-dictionaries';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export type MessageKey = keyof typeof zh;

export type Messages = Record<MessageKey, string>;

/**
 * The dictionaries by language. On the server (and in the CLI and tests) both are here from the start; in
 * the browser Chinese, the default, and English once the root layout's load has brought it (`loadMessages`).
 */
export const messages = preloaded as Record<Lang, Messages>;

/** Makes `messages[lang]` available (a no-op where it already is). */
export async function loadMessages(lang: Lang): Promise<void> {
	if (messages[lang]) return;
	messages[lang] = lang === 'zh' ? (await import('./zh')).zh : (await import('./en')).en;
}

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
