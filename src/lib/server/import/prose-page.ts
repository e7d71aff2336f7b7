/**
 * A progress page without a task table → the shared TableReading, when its prose states
 * indicators (prose-reader.ts). The page's head (address, column names, title, source and date)
 * is what comes before the first paragraph of body text; the period is looked for in the title, a
 * bracket under it, then the opening sentences (截至9月底, 1-11月, 前三季度), and only then taken
 * from the publish date, with a warning.
 */
import { findOpeningPeriod, type Period } from '../../domain/period';
import { governmentNamed } from './organization';
import { isoDate, readPageMeta } from './page-meta';
import { readProseBody, type ProseParagraph } from './prose-reader';
import type { ProseRow } from './prose-pairing';
import type { ReadRow, TableReading } from './table';
import type { ImportWarning, SourceMeta } from './types';

/** A line is body text when it is long or has sentence punctuation. */
const BODY_LINE = /[。；;！？]|^.{80,}/u;
/** Page chrome after the body (扫一扫, 打印本页 …) ends it. */
const CHROME = /^(?:扫一扫|【(?:打印|关闭)|打印本页|关闭窗口|上一篇|下一篇|相关(?:链接|文章|阅读)|主办单位|版权所有)/u;
/** How many opening sentences may state the period. */
const OPENING_SENTENCES = 4;
const YEAR = /((?:19|20)\d{2})\s*年/u;

export interface ProsePage {
	reading: TableReading;
	speaksFor: string[];
}

/** Reads a page's prose; null when it states no indicator (the caller then refuses the page). */
export function readProsePage(text: string): ProsePage | null {
	const lines = text.split('\n');
	const bodyAt = lines.findIndex(
		(line, k) => BODY_LINE.test(line.trim()) && !/^https?:\/\//.test(line.trim()) && k >= 0
	);
	if (bodyAt === -1) return null;
	const end = lines.findIndex((line, k) => k > bodyAt && CHROME.test(line.trim()));
	const paragraphs: ProseParagraph[] = lines
		.slice(bodyAt, end === -1 ? lines.length : end)
		.map((line, k) => ({ text: line.trim(), line: bodyAt + k + 1 }))
		.filter((p) => p.text !== '');
	const body = readProseBody(paragraphs, end !== -1);
	if (body.rows.length === 0) return null;
	const meta = readPageMeta(lines.slice(0, bodyAt));
	const source: SourceMeta = { ...meta.source };
	source.title ??= titleOfFirstLine(paragraphs[0]?.text ?? '');
	source.publishedOn ??= headDate(lines.slice(0, bodyAt));
	const opening = paragraphs
		.flatMap((p) => p.text.split(/(?<=[。！？])/u).map((s) => ({ text: s, line: p.line })))
		.slice(0, OPENING_SENTENCES);
	const bracket = lines.slice(0, bodyAt).find((l) => /^[（(].*[)）]$/u.test(l.trim()));
	const dated = pagePeriod(source, [...(bracket ? [{ text: bracket, line: 0 }] : []), ...opening]);
	const headLine = (meta.titleLine ?? paragraphs[0]?.line) || 1;
	const reading: TableReading = {
		source,
		year: dated.year,
		period: dated.period,
		searched: dated.searched,
		header: { line: headLine, columns: [] },
		categories: group(body.rows),
		warnings: [...dated.warnings, ...body.warnings]
	};
	const speaksFor = [source.title ?? '', ...opening.map((s) => s.text)]
		.map(governmentNamed)
		.find((chain) => chain.length > 0);
	return { reading, speaksFor: speaksFor ?? [] };
}

/** A page printed as one long line starts with its title: 颛桥镇人民政府半年工作情况报告 ——2022年7月28日… */
function titleOfFirstLine(line: string): string | null {
	const head = /^(.{4,60}?(?:报告|情况|通报|进展))(?:\s*[—\-－]{1,2}|\s)/u.exec(line);
	return head ? head[1].trim() : null;
}

/** A date printed in the page head without a label (2020-05-20 09:54 来源:新华网). */
function headDate(lines: readonly string[]): string | null {
	for (const line of lines) {
		const date = isoDate(line);
		if (date) return date;
	}
	return null;
}

function group(rows: readonly ProseRow[]): TableReading['categories'] {
	const groups: TableReading['categories'] = [];
	for (const row of rows) {
		const read: ReadRow = {
			line: row.line,
			seqNo: null,
			name: row.name,
			content: row.content,
			periodTarget: null,
			statusText: row.statusText,
			statusWord: null,
			owner: null,
			leader: null,
			note: null,
			indicator: row.indicator
		};
		const category = row.category ?? null;
		const current = groups.at(-1);
		if (current && current.name === category) current.rows.push(read);
		else groups.push({ name: category, rows: [read] });
	}
	return groups;
}

/**
 * The year and period: title, a bracket under it, the opening sentences; the year next to the
 * period wins over other years. Without a period: a page published after its year has ended, or
 * one reporting a year's 完成情况 / 落实情况 naming no part of it, speaks of the whole year — said
 * in a warning, since the page does not state it.
 */
export function pagePeriod(
	source: SourceMeta,
	sentences: readonly { text: string; line: number }[]
): { year: number | null; period: Omit<Period, 'year'> | null; searched: string; warnings: ImportWarning[] } {
	const places = [...(source.title ? [{ text: source.title, line: 0 }] : []), ...sentences];
	const warnings: ImportWarning[] = [];
	let period: Omit<Period, 'year'> | null = null;
	let year: number | null = null;
	for (const place of places) {
		const found = findOpeningPeriod(place.text, { sentence: place.line !== 0 });
		if (!found) continue;
		period = found;
		const before = place.text.slice(0, place.text.indexOf(found.label));
		const near = [...before.matchAll(/((?:19|20)\d{2})\s*年\s*(?:度)?\s*$/gu)].at(-1);
		if (near) year = Number(near[1]);
		break;
	}
	year ??= firstYear(places);
	const published = source.publishedOn ?? source.writtenOn;
	if (year === null && published) {
		year = Number(published.slice(0, 4));
		warnings.push({ line: null, message: `页面未写明年份，按发布日期${published}取${year}年` });
	}
	if (period === null && year !== null) {
		const after = published !== null && Number(published.slice(0, 4)) > year;
		const yearly = places.some((p) => new RegExp(`${year}\\s*年.{0,40}?(?:完成|落实|执行)情况`, 'u').test(p.text));
		if (after || yearly) {
			period = { quarter: 4, months: null, label: '全年' };
			warnings.push({
				line: null,
				message: after
					? `页面未写明报告期；发布日期${published}已在${year}年之后，按全年导入`
					: `页面未写明报告期；页面报告${year}年的完成情况，按全年导入`
			});
		}
	}
	const searched = `the title (${source.title ?? 'none found'}), the opening sentences, and the publish date (${published ?? 'none found'})`;
	return { year, period, searched, warnings };
}

function firstYear(places: readonly { text: string }[]): number | null {
	for (const place of places) {
		const match = YEAR.exec(place.text);
		if (match) return Number(match[1]);
	}
	return null;
}
