/**
 * Page text → metadata, year, period and the rows of the task table. The text is what a browser
 * gives when a report page is copied or saved as text: the HTML table arrives flattened, either
 * one cell per line (a cell spanning rows appears once, at its first row) or one row per line
 * with `|` (or tab) between cells. This module finds the header, tells which layout it is and
 * puts every cell under the right column — and where it cannot, says so with a line number
 * rather than shift cells into the wrong column.
 */
import { columnRole, mapHeader } from './columns';
import { isRowNumber } from './numbering';
import { readPageMeta } from './page-meta';
import {
	continueRow,
	lastCellCut,
	groupRows,
	oddNumber,
	oddNumberWarning,
	quote,
	yearAndPeriod,
	type RawRow,
	type TableReading
} from './table';
import { readCellRows } from './text-cells';
import {
	CHROME,
	lastNonEmpty,
	nextNonEmpty,
	truncationOfLine,
	type Body,
	type Header,
	type Separator
} from './text-lines';
import { ImportError, type ImportWarning } from './types';

export { nameFromContent, type ReadCategory, type ReadRow } from './table';

/** What the page-text reader gives: the shared table reading (table.ts). */
export type TextReading = TableReading;

/** Lines longer than this are never a header row. */
const MAX_HEADER_LINE = 300;
/** A header has at most this many columns; a longer run of header words is not a header. */
const MAX_COLUMNS = 20;

/**
 * Reads page text. Throws ImportError when there is no task table, or when the table's columns
 * are run together without separators (the cells could not be told apart).
 */
export function readText(text: string): TextReading {
	const lines = text.split('\n');
	const header = findHeader(lines);
	if (!header) {
		throw new ImportError(
			'no task table found: no line names the columns of a task table (e.g. 具体任务 / 主要内容 / 完成情况, 序号 | 工作任务 | 进展情况)'
		);
	}
	const meta = readPageMeta(lines.slice(0, header.firstLine));
	const body = header.layout === 'cells' ? readCellRows(lines, header) : readSeparatedRows(lines, header);
	const headerLine = header.firstLine + 1;
	if (body.rows.length === 0) {
		throw new ImportError(
			`no task table found: the header on line ${headerLine} has no complete row under it`,
			headerLine
		);
	}
	const categories = groupRows(body.rows, header.map);
	const {
		year,
		period,
		searched,
		warnings: dated
	} = yearAndPeriod(meta.source, meta.titleLine, header.map, headerLine, meta.period ?? null, meta.opening);
	return {
		source: meta.source,
		year,
		period,
		searched,
		header: { line: headerLine, columns: header.map.columns },
		categories,
		warnings: [...dated, ...body.warnings]
	};
}

// ─── Finding the header ─────────────────────────────────────────────────────────────────────

function findHeader(lines: readonly string[]): Header | null {
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i].trim();
		if (line === '' || line.length > MAX_HEADER_LINE) continue;
		for (const separator of ['|', '\t'] as const) {
			if (!line.includes(separator)) continue;
			const split = splitSeparated(line, separator);
			const map = mapHeader(split.cells);
			if (map)
				return {
					layout: 'separated',
					map,
					firstLine: i,
					separator,
					opened: line.startsWith(separator),
					closed: split.closed
				};
		}
		if (columnRole(line) !== null) {
			const run = headerRun(lines, i);
			const map = mapHeader(run.texts);
			if (map) return { layout: 'cells', map, firstLine: i, bodyStart: run.end, blocks: run.blocks };
			i = Math.max(i, run.end - 1);
			continue;
		}
		rejectUnseparated(line, i + 1);
	}
	return null;
}

/** Consecutive header words, one per line, possibly with blank lines between them. */
function headerRun(lines: readonly string[], start: number): { texts: string[]; end: number; blocks: boolean } {
	const texts: string[] = [];
	let blocks = false;
	let blank = false;
	let end = start;
	for (let j = start; j < lines.length && texts.length < MAX_COLUMNS; j++) {
		const line = lines[j].trim();
		if (line === '') {
			blank = true;
			continue;
		}
		if (line.length > MAX_HEADER_LINE || columnRole(line) === null) break;
		if (texts.length > 0 && blank) blocks = true;
		blank = false;
		texts.push(line);
		end = j + 1;
	}
	return { texts, end, blocks };
}

/**
 * A header whose column names (three or more) are run together (序号工作任务责任单位) or only spaced
 * out means a table flattened without separators: its cells cannot be told apart reliably.
 */
function rejectUnseparated(line: string, lineNo: number): void {
	const spaced = line.split(/\s+/);
	const words = spaced.length > 1 ? spaced : splitRunTogether(line);
	// Two words are too few to tell a header from a title such as 重点任务执行情况.
	if (words && words.length >= 3 && mapHeader(words)) {
		throw new ImportError(
			`the task table has no column separators: its header (${words.join(' / ')}) runs the columns together, so cells cannot be told apart; import the HTML page or an Excel export, or put | between cells`,
			lineNo
		);
	}
}

/**
 * Splits 序号工作任务责任单位 into known header words, longest first; null when it does not split.
 * Only short lines naming a task and its progress are tried, which keeps a long text cheap.
 */
function splitRunTogether(line: string): string[] | null {
	if (line.length > 60 || !/任务|内容|项目名称/.test(line) || !/情况|状态|是否达序/.test(line)) return null;
	const words: string[] = [];
	let i = 0;
	while (i < line.length) {
		let length = Math.min(30, line.length - i);
		while (length >= 2 && columnRole(line.slice(i, i + length)) === null) length--;
		if (length < 2) return null;
		words.push(line.slice(i, i + length));
		i += length;
	}
	return words;
}

/**
 * Splits a line into trimmed cells. A separator closing the line is a border; one opening it is a
 * border only when the header has one too (`opened`), else it marks an empty first cell.
 */
function splitSeparated(
	line: string,
	separator: Separator,
	opened = line.startsWith(separator)
): { cells: string[]; closed: boolean } {
	const cells = line.split(separator).map((cell) => cell.trim());
	if (opened && line.startsWith(separator)) cells.shift();
	const closed = line.endsWith(separator);
	if (closed) cells.pop();
	return { cells, closed };
}

/**
 * Aligns `|`- or tab-separated rows. A line whose 序号 (or task) cell is empty continues the row
 * above: a lone text in the first cell is a sub-item of the task (新增学位810个), other cells add to
 * their column. A line with the wrong number of cells is reported, never shifted into place.
 */
function readSeparatedRows(lines: readonly string[], header: Extract<Header, { layout: 'separated' }>): Body {
	const columns = header.map.columns;
	const width = columns.length;
	const seqAt = columns.findIndex((c) => c.role === 'seqNo');
	const keyAt =
		seqAt !== -1
			? seqAt
			: Math.max(
					0,
					columns.findIndex((c) => c.role === 'task' || c.role === 'content')
				);
	const categoryAt = columns.findIndex((c) => c.role === 'category');
	const { end, ended, lastSeparated } = separatedExtent(lines, header);
	const finalLine = ended ? -1 : lastNonEmpty(lines, end);
	const firstTrailing = nextNonEmpty(lines, lastSeparated + 1);
	const rows: RawRow[] = [];
	const warnings: ImportWarning[] = [];
	let category: string | null = null;
	for (let j = header.firstLine + 1; j < end; j++) {
		const line = lines[j].trim();
		if (line === '') continue;
		const lineNo = j + 1;
		const atEnd = j === finalLine;
		const { cells, closed } = line.includes(header.separator)
			? splitSeparated(line, header.separator, header.opened)
			: { cells: [line], closed: false };
		if (j > lastSeparated) {
			// Text after the last row: the page ends mid-row, or the table has simply ended.
			if (atEnd && j === firstTrailing) warnings.push(truncationOfLine(lineNo, line));
			break;
		}
		const fits = cells.length === width || (cells.length > width && cells.slice(width).every((c) => c === ''));
		if (!fits || (atEnd && header.closed && !closed)) {
			warnings.push(
				atEnd
					? truncationOfLine(lineNo, line)
					: {
							line: lineNo,
							message: `第${lineNo}行有${cells.length}个单元格，表头有${width}列，无法对齐，未导入：${quote(line)}`
						}
			);
			continue;
		}
		const row = cells.slice(0, width);
		const key = row[keyAt];
		const startsRow = seqAt !== -1 ? isRowNumber(key) || oddNumber(row, keyAt) : key !== '';
		if (startsRow) {
			if (seqAt !== -1 && !isRowNumber(key)) warnings.push(oddNumberWarning(lineNo, key));
			if (categoryAt !== -1 && row[categoryAt] !== '') category = row[categoryAt];
			rows.push({ line: lineNo, cells: row, category, extras: [] });
			continue;
		}
		const previous = rows.at(-1);
		if (!previous) {
			warnings.push({ line: lineNo, message: `第${lineNo}行不是任务行，也不接在任务行之后，未导入：${quote(line)}` });
			continue;
		}
		continueRow(previous, row, [keyAt]);
	}
	// Without closing separators, a cut-off final row shows only in its last cell's punctuation.
	const last = rows.at(-1);
	if (
		last &&
		!header.closed &&
		last.line === finalLine + 1 &&
		lastCellCut(
			rows,
			last.cells.findLastIndex((c) => c !== ''),
			columns[last.cells.findLastIndex((c) => c !== '')]?.role
		)
	) {
		rows.pop();
		warnings.push(truncationOfLine(last.line, lines[finalLine].trim()));
	}
	return { rows, warnings };
}

/** The table's lines: up to the page chrome or the end; and the last line that has a separator. */
function separatedExtent(
	lines: readonly string[],
	header: Extract<Header, { layout: 'separated' }>
): { end: number; ended: boolean; lastSeparated: number } {
	let lastSeparated = header.firstLine;
	for (let j = header.firstLine + 1; j < lines.length; j++) {
		const line = lines[j].trim();
		if (CHROME.test(line)) return { end: j, ended: true, lastSeparated };
		if (line.includes(header.separator)) lastSeparated = j;
	}
	return { end: lines.length, ended: false, lastSeparated };
}
