/**
 * What every reader has in common once a table's cells are under their columns: rows become
 * named tasks grouped under their categories, a wide table's period columns become one entry per
 * period, and the report's year and period are settled. The page-text reader aligns flattened
 * text to columns first; the HTML, Excel and CSV readers start from a grid (grid.ts). Both end
 * here, so every format yields the same TableReading and, from it, the same draft.
 */
import type { IndicatorFigures } from '../../domain/indicator';
import { findOpeningPeriod, findPeriodIn, periodEndMonth, type Period } from '../../domain/period';
import type { Column, ColumnRole, HeaderMap } from './columns';
import type { Status } from '../../domain/status';
import type { PeriodSummary } from './notice-summary';
import { limitError, MAX_CELL_CHARS } from './limits';
import type { ImportWarning, SourceMeta } from './types';

/** One period's cells of a row in a wide table (1-10月推进情况 …). */
export interface ReadPeriodRow {
	period: Omit<Period, 'year'>;
	statusText: string | null;
	statusWord: string | null;
	note: string | null;
	periodTarget: string | null;
	actual: string | null;
}

export interface ReadRow {
	/** First line of the row (1-based; the row number in a spreadsheet). */
	line: number;
	seqNo: string | null;
	name: string;
	content: string | null;
	periodTarget: string | null;
	statusText: string | null;
	statusWord: string | null;
	owner: string | null;
	leader: string | null;
	note: string | null;
	/** 完成值 as printed; present only when the table has such a column. */
	actual?: string | null;
	/** A spreadsheet row's place (Sheet1!A7), for messages; absent for text and pages. */
	ref?: string;
	/** A wide table's earlier periods, earliest first; present only in wide tables. */
	history?: ReadPeriodRow[];
	/** A status the page states for the row in words other than a status column's (a notice's group: 进度滞后的项目). */
	reported?: { status: Status; evidence: string[] };
	/** A completion percent given beside the row's name rather than in its status text (A（45%）). */
	percent?: number | null;
	/** An indicator's figures (indicator pages and tables): the status follows from the numbers. */
	indicator?: RowFigures;
}

/** An indicator's figures with the unit they are in and the actual as printed. */
export type RowFigures = IndicatorFigures & { unit: string | null; actualText: string | null };

export interface ReadCategory {
	name: string | null;
	rows: ReadRow[];
}

export interface TableReading {
	source: SourceMeta;
	/** null when neither the title, the headers nor the page's dates name it. */
	year: number | null;
	period: Omit<Period, 'year'> | null;
	/** Where year and period were looked for, for the message when one is missing. */
	searched: string;
	header: { line: number; columns: Column[] };
	categories: ReadCategory[];
	warnings: ImportWarning[];
	/** A notice's stated counts per status; absent for tables. */
	summary?: PeriodSummary;
	/** The government the page speaks for where it names it outside the title (prose pages). */
	speaksFor?: string[];
}

/** A row as read, one text per column ('' for an empty cell), before naming and grouping. */
export interface RawRow {
	line: number;
	cells: string[];
	category: string | null;
	/** Sub-items printed on lines of their own under the row (新增学位810个): added to its content. */
	extras: string[];
	/** A spreadsheet row's place, for messages. */
	ref?: string;
}

/** How a finished cell of narrative ends. */
export const TERMINAL = /[。！!？?；;…]$/;

/** Task names taken from content are cut here. */
const NAME_FROM_CONTENT_MAX = 30;
/** Quoted row text in warnings is cut here. */
const QUOTE_MAX = 30;

/**
 * Adds a continuation line to the row above: a lone text in one of `subItemAt` (the row's key
 * column, and for grids the task column) is a sub-item of the task (新增学位810个); other cells add
 * to their column.
 */
export function continueRow(previous: RawRow, row: readonly string[], subItemAt: readonly number[]): void {
	const filled = row.map((text, k) => (text === '' ? -1 : k)).filter((k) => k !== -1);
	if (filled.length === 1 && subItemAt.includes(filled[0])) {
		previous.extras.push(row[filled[0]]);
		return;
	}
	for (const k of filled) previous.cells[k] = previous.cells[k] === '' ? row[k] : `${previous.cells[k]}\n${row[k]}`;
}

/**
 * Whether the final cell of a document that stops without its footer was cut off: it lacks the
 * closing punctuation that the other cells of its column have.
 */
export function endsCut(rows: readonly RawRow[], column: number): boolean {
	const last = rows.at(-1)?.cells[column] ?? '';
	if (last === '' || TERMINAL.test(last)) return false;
	let closed = 0;
	let filled = 0;
	for (let r = 0; r < rows.length - 1; r++) {
		const text = rows[r].cells[column];
		if (text === '') continue;
		filled++;
		if (TERMINAL.test(text)) closed++;
	}
	return filled > 0 && closed * 2 > filled;
}

/**
 * A 序号 cell holding text that is no numbering form (A1, ※) on a row that has cells of its own:
 * merging it into the row above would join two tasks, so it stays a row, with a warning. A lone
 * text there is a sub-item of the task above (新增学位810个), as the README says.
 */
export function oddNumber(row: readonly string[], keyAt: number): boolean {
	return row[keyAt] !== '' && row.filter((cell) => cell !== '').length >= 2;
}

export function oddNumberWarning(line: number, key: string): ImportWarning {
	return { line, message: `第${line}行的序号${quote(key)}不是常见的编号形式，按新的一行任务导入，请核对` };
}

/** A responsible unit: 区教育局, 区人社局、区总工会, 县交通运输局. */
export const UNIT =
	/(?:局|委|办|中心|政府|街道|镇|乡|公司|集团|部|院|所|队|会|处|科|站|室|厅|署|社|馆|联|团|办事处)(?:[（(][^）)]*[)）])?(?:[、，,及和]|$)/u;
/** A person's name, or several: 王明, 王明、李华. */
export const PERSON = /^[\u4e00-\u9fa5]{2,3}(?:[、，,][\u4e00-\u9fa5]{2,3})*$/u;

/**
 * Whether the final cell of a document that stops without its footer was cut off: a text column's
 * cell lacks the closing punctuation the others have (endsCut); a unit or a person's name is not
 * one where the column's other cells are (区教 under 区教育局, 区农业农村局; or a sentence cut off
 * mid-way that landed there).
 */
export function lastCellCut(rows: readonly RawRow[], column: number, role: ColumnRole | undefined): boolean {
	if (endsCut(rows, column)) return true;
	const pattern = role === 'owner' ? UNIT : role === 'leader' ? PERSON : null;
	const last = rows.at(-1)?.cells[column] ?? '';
	if (!pattern || last === '' || pattern.test(last)) return false;
	const others = rows
		.slice(0, -1)
		.map((r) => r.cells[column])
		.filter((t) => t !== '');
	return others.length > 0 && others.filter((t) => pattern.test(t)).length * 2 > others.length;
}

export function quote(text: string): string {
	const flat = text.replace(/\s+/g, ' ');
	return `“${flat.length > QUOTE_MAX ? `${flat.slice(0, QUOTE_MAX)}…` : flat}”`;
}

export function rowLabel(row: RawRow, columns: readonly Column[]): string {
	const pick = (role: ColumnRole) => row.cells[columns.findIndex((c) => c.role === role)] ?? '';
	return quote(pick('task') || pick('content') || row.cells.find((c) => c !== '') || row.category || '');
}

/**
 * A task's name where the table gives none: the first clause of its content (up to 。；，),
 * without a leading list number, at most NAME_FROM_CONTENT_MAX characters.
 */
export function nameFromContent(content: string): string {
	const text = content.trim().replace(/^(?:[（(]?[\d一二三四五六七八九十]{1,3}[)）.、．]\s*)/, '');
	const clause = text.split(/[。；;，,：:？?！!\n]/, 1)[0].trim();
	return clause.length > NAME_FROM_CONTENT_MAX ? `${clause.slice(0, NAME_FROM_CONTENT_MAX)}…` : clause;
}

/**
 * Which of a wide table's columns speak of the period ending in `end`; a periodic column that
 * names no period belongs to the latest. `end` null: a single-period table, every column.
 */
function inPeriod(column: Column, end: number | null, latestEnd: number | null): boolean {
	if (end === null) return true;
	return (column.period ? periodEndMonth(column.period) : latestEnd) === end;
}

function toReadRow(raw: RawRow, map: HeaderMap): ReadRow {
	const { columns } = map;
	const periods = map.periods ?? [];
	const latestEnd = periods.length > 0 ? periodEndMonth(periods[periods.length - 1]) : null;
	const byRole = (role: ColumnRole, end: number | null = latestEnd): string | null => {
		const texts = columns.flatMap((c, k) =>
			c.role === role && raw.cells[k] !== '' && inPeriod(c, end, latestEnd) ? [raw.cells[k]] : []
		);
		return texts.length > 0 ? texts.join('\n') : null;
	};
	const task = byRole('task');
	const base = columns.some((c) => c.role === 'content') ? byRole('content') : task;
	const content = raw.extras.length > 0 ? [base, ...raw.extras].filter((t) => t !== null).join('\n') : base;
	const statusText = byRole('statusText');
	const name =
		(task && task.replace(/\s+/g, ' ')) ||
		nameFromContent(content ?? '') ||
		nameFromContent(statusText ?? '') ||
		`第${raw.line}行的任务`;
	const row: ReadRow = {
		line: raw.line,
		seqNo: byRole('seqNo'),
		name,
		content,
		periodTarget: byRole('periodTarget'),
		statusText,
		statusWord: byRole('statusWord'),
		owner: byRole('owner'),
		leader: byRole('leader'),
		note: byRole('note')
	};
	if (columns.some((c) => c.role === 'actual')) row.actual = byRole('actual');
	if (raw.ref) row.ref = raw.ref;
	if (periods.length > 1) {
		row.history = periods.slice(0, -1).map((period) => {
			const end = periodEndMonth(period);
			return {
				period,
				statusText: byRole('statusText', end),
				statusWord: byRole('statusWord', end),
				note: byRole('note', end),
				periodTarget: byRole('periodTarget', end),
				actual: byRole('actual', end)
			};
		});
	}
	return row;
}

/**
 * Groups rows under their categories, in report order. When rows are named only by a spanning
 * 项目名称 and every project turns out to have one row, the project name is the task's name.
 */
export function groupRows(rows: readonly RawRow[], map: HeaderMap): ReadCategory[] {
	const groups: ReadCategory[] = [];
	for (const raw of rows) {
		checkCellLengths(raw);
		const row = toReadRow(raw, map);
		const current = groups.at(-1);
		if (current && current.name === raw.category) current.rows.push(row);
		else groups.push({ name: raw.category, rows: [row] });
	}
	if (map.projectAsCategory && groups.every((g) => g.name !== null && g.rows.length === 1)) {
		return [{ name: null, rows: groups.map((g) => ({ ...g.rows[0], name: g.name as string })) }];
	}
	return groups;
}

/** Every format's cells pass here (page text's only here): none may be longer than MAX_CELL_CHARS, continuation lines included. */
function checkCellLengths(raw: RawRow): void {
	for (const text of [...raw.cells, ...raw.extras]) {
		if (text.length > MAX_CELL_CHARS)
			throw limitError(
				`the row on line ${raw.line} has a cell of ${text.length} characters`,
				'MAX_CELL_CHARS',
				MAX_CELL_CHARS,
				raw.line
			);
	}
}

const YEAR = /((?:19|20)\d{2})\s*年/;

/** A 报告期 cell or label above the table (2024年第二季度), where a spreadsheet states the period apart from its title. */
export interface StatedPeriod {
	text: string;
	line: number;
}

/**
 * Period: the title's, else a stated 报告期, else a bracket or opening sentence under the title
 * (（2024年1-9月）, 截至9月底…), else the one a column header names (二季度完成情况);
 * a wide table follows its columns, whose latest period is the report's. Year: the title's, else
 * the stated 报告期's, else the opening line's, else a header's, else — with a warning — the year
 * of 发布日期/成文日期, one year back when that date falls before the period's end (a 全年 report
 * published in January).
 */
export function yearAndPeriod(
	source: SourceMeta,
	titleLine: number | null,
	map: HeaderMap,
	headerLine: number,
	stated: StatedPeriod | null = null,
	opening: readonly StatedPeriod[] = []
): { year: number | null; period: Omit<Period, 'year'> | null; searched: string; warnings: ImportWarning[] } {
	const title = source.title ?? '';
	const titlePeriod = title ? findPeriodIn(title) : null;
	const statedPeriod = stated ? findPeriodIn(stated.text) : null;
	// A bracket under the title or an opening sentence (截至9月底，…) where title and 报告期 say nothing.
	const open = titlePeriod || statedPeriod ? null : openingPeriod(opening);
	const pagePeriod = titlePeriod ?? statedPeriod ?? open?.period ?? null;
	const wide = (map.periods?.length ?? 0) > 1;
	const period = wide ? map.period : (pagePeriod ?? map.period);
	const warnings: ImportWarning[] = [];
	if (pagePeriod && map.period && periodEndMonth(pagePeriod) !== periodEndMonth(map.period)) {
		const where = titlePeriod ? '标题中的报告期' : `第${(stated ?? open)!.line}行的报告期`;
		warnings.push({
			line: headerLine,
			message: wide
				? `${where}（${pagePeriod.label}）与表头最新一期“${map.periodHeader}”（${map.period.label}）不一致，按表头各列的报告期导入`
				: `${where}（${pagePeriod.label}）与表头“${map.periodHeader}”（${map.period.label}）不一致，按${titlePeriod ? '标题' : '该行'}的报告期导入`
		});
	}
	const headerYear = map.columns.map((c) => YEAR.exec(c.header)).find((m) => m !== null);
	let year = Number(
		YEAR.exec(title)?.[1] ??
			(stated ? YEAR.exec(stated.text)?.[1] : undefined) ??
			open?.year ??
			headerYear?.[1] ??
			Number.NaN
	);
	const date = source.publishedOn ?? source.writtenOn;
	if (Number.isNaN(year) && date && period) {
		const [y, m] = date.split('-').map(Number);
		year = m < periodEndMonth(period) ? y - 1 : y;
		warnings.push({ line: null, message: `页面未写明年份，按发布日期${date}取${year}年` });
	}
	const searched = [
		titleLine ? `the title (line ${titleLine}: ${source.title})` : 'the lines above the table for a title (none found)',
		...(stated ? [`the 报告期 (line ${stated.line}: ${stated.text})`] : []),
		...(opening.length > 0 ? [`the lines under the title (line ${opening[0].line} on)`] : []),
		`the column headers (line ${headerLine}: ${map.columns.map((c) => c.header).join(' / ')})`,
		`the dates 发布日期/成文日期 (${date ?? 'none found'})`
	].join(', ');
	return { year: Number.isNaN(year) ? null : year, period, searched, warnings };
}

/** The period the first of the lines under the title names, with the year written next to it. */
function openingPeriod(
	lines: readonly StatedPeriod[]
): { period: Omit<Period, 'year'>; year: string | undefined; line: number } | null {
	for (const { text, line } of lines) {
		const bracket = /^[（(].*[)）]$/u.test(text);
		const period = findOpeningPeriod(text, { sentence: !bracket });
		if (!period) continue;
		const before = text.slice(0, text.indexOf(period.label));
		return { period, year: /((?:19|20)\d{2})\s*年\s*度?\s*$/u.exec(before)?.[1] ?? YEAR.exec(text)?.[1], line };
	}
	return null;
}
