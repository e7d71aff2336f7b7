/**
 * The text side of reading a notice: paragraphs (each printed once, in matching form, with a way
 * back to the characters as printed), sentences, and the period a notice states in its title or
 * first sentences.
 */
import { findPeriodIn, type Period } from '../../domain/period';
import { matchForm } from './normalise';
import { trimSpan, type Span } from './notice-lists';
import type { TableReading } from './table';
import type { ImportWarning } from './types';

/** A paragraph: its text as printed, its matching form, and a way back from the one to the other. */
export interface Paragraph {
	line: number;
	raw: string;
	norm: string;
	last: boolean;
}

const HEADLINE = /^(?=(?:[^\u4e00-\u9fff]*[\u4e00-\u9fff]){6})[^，,。；;>›»|•:：]{6,60}$/;
/** Parentheses that explain rather than name (a band that defines the status, 详见附件1): masked before reading. */
const ASIDE = /[（(][^（()）]*(?:下同|详见|附件|低于|高于|以上|以下)[^（()）]*[)）]/g;

/**
 * Non-empty lines, each printed once (pages repeat paragraphs), without the page address, list
 * bullets and the headlines above the first sentence (a headline's figures are the body's, said
 * again). The first headline stands in for a title the metadata block did not give.
 */
export function paragraphsOf(lines: readonly string[]): { paragraphs: Paragraph[]; headline: string | null } {
	const seen = new Set<string>();
	const paragraphs: Paragraph[] = [];
	let headline: string | null = null;
	const lastLine = lines.findLastIndex((l) => l.trim() !== '');
	lines.forEach((line, i) => {
		const raw = line.trim().replace(/^[■●•·▪◆◇□○]\s*/, '');
		if (raw === '' || /^https?:\/\//.test(raw)) return;
		const norm = matchForm(raw).replace(ASIDE, (aside) => ' '.repeat(aside.length));
		if (seen.has(norm)) return;
		seen.add(norm);
		if (paragraphs.length === 0 && HEADLINE.test(norm)) {
			headline ??= raw;
			return;
		}
		paragraphs.push({ line: i + 1, raw, norm, last: i === lastLine });
	});
	return { paragraphs, headline };
}

/** The text as printed for a span of the matching form, where the two line up character for character. */
export function shown(p: Paragraph, span: Span): string {
	return (p.raw.length === p.norm.length ? p.raw : p.norm).slice(span.start, span.end).trim();
}
/** Sentence spans of a paragraph, split at 。；！？ outside quotes. */
export function sentences(text: string, from: number): Span[] {
	const out: Span[] = [];
	let depth = 0;
	let start = from;
	for (let i = from; i < text.length; i++) {
		const c = text[i];
		if (c === '“') depth++;
		else if (c === '”') depth = Math.max(0, depth - 1);
		// ASCII ? and ! are left alone: garbled pages print ? for characters they lost (按序时推进的?3项).
		else if (depth === 0 && /[。；;！？]/.test(c)) {
			out.push({ start, end: i });
			start = i + 1;
		}
	}
	if (start < text.length) out.push({ start, end: text.length });
	return out.map((s) => trimSpan(text, s)).filter((s) => s.end > s.start);
}

const YEAR = /((?:19|20)\d{2})\s*年/;
const AS_OF = /截至\s*(\d{1,2})\s*月(?:底|末|份)/;

/**
 * A notice states its period in the title or its first sentences (1-11月份，…; 截至7月底; 前三季度),
 * its year there too or only in the page's date or address (…/202308/…), which is said in a warning.
 */
export function noticePeriod(
	source: TableReading['source'],
	opening: readonly Paragraph[],
	warnings: ImportWarning[]
): { year: number | null; period: Omit<Period, 'year'> | null; searched: string } {
	const texts = [source.title ?? '', ...opening.map((p) => p.norm.slice(0, 200))];
	let period = findPeriodIn(texts[0]);
	for (const text of texts.slice(1)) {
		if (period) break;
		// In prose 全年 / 年度 speak of targets (已完成全年任务), not of the period reported.
		const found = findPeriodIn(text);
		period = asOf(text) ?? (found && !/^(?:全年|年度|年底|年末)$/.test(found.label) ? found : null);
	}
	let year = texts.map((t) => YEAR.exec(t)?.[1]).find((y) => y !== undefined);
	if (!year && (source.publishedOn || source.writtenOn)) year = (source.publishedOn ?? source.writtenOn)!.slice(0, 4);
	if (!year && source.url) {
		year = /\/((?:19|20)\d{2})(?:0[1-9]|1[0-2])(?:\d{2})?\//.exec(source.url)?.[1];
		if (year) warnings.push({ line: 1, message: `页面未写明年份，按网址中的日期取${year}年` });
	}
	const searched = `the title (${source.title ?? 'none found'}), the first paragraphs (lines ${opening.map((p) => p.line).join(', ') || 'none'}), the dates and the page address`;
	return { year: year ? Number(year) : null, period, searched };
}

function asOf(text: string): Omit<Period, 'year'> | null {
	const match = AS_OF.exec(text);
	if (!match) return null;
	const month = Number(match[1]);
	if (month < 1 || month > 12) return null;
	return { quarter: month % 3 === 0 ? month / 3 : null, months: [1, month], label: `1-${month}月` };
}
