/**
 * A table whose cells are already apart — an HTML table, a spreadsheet, a CSV file — as rows ×
 * columns with merged cells resolved, → the shared TableReading. The format readers (html-reader,
 * xlsx-reader, csv-reader) only build the grid; finding the header by its synonyms, titles and
 * notes above it, categories spanning rows, continuation rows, rows that do not fit and a
 * document cut off mid-row are handled here, once, for all of them.
 */
import { mapHeader, mapTwoRowHeader, type Column, type HeaderMap } from './columns';
import { limitError, MAX_CELL_CHARS, MAX_ROWS, MAX_TABLE_CHARS } from './limits';
import { isRowNumber } from './numbering';
import { readPageMeta } from './page-meta';
import {
	continueRow,
	lastCellCut,
	groupRows,
	oddNumber,
	oddNumberWarning,
	quote,
	rowLabel,
	yearAndPeriod,
	type RawRow,
	type TableReading
} from './table';
import { ImportError, type ImportWarning, type SourceMeta } from './types';

/**
 * How a cell relates to a merged cell (rowspan / colspan / an Excel merge): covered by one whose
 * origin is in an earlier row ('above') or earlier in the same row ('left'); null for the origin
 * itself and for ordinary cells. A covered cell carries the origin's text: merged cells apply to
 * every cell they cover.
 */
export type Span = 'above' | 'left' | null;

export interface GridCell {
	text: string;
	/** 1-based line where the cell starts (HTML, CSV), or the row number (spreadsheet). */
	line: number;
	/** A spreadsheet cell's address (B7); null for text formats. */
	ref: string | null;
	span: Span;
}

export interface GridRow {
	/** 1-based line where the row starts, or the row number. */
	line: number;
	cells: GridCell[];
}

export interface Grid {
	rows: GridRow[];
	/**
	 * Page text above the table (an HTML page's metadata block and title), line by line with the
	 * line each starts on. Absent for spreadsheets and CSV, whose rows above the header serve.
	 */
	before?: { text: string; line: number }[];
	/** Metadata from elsewhere in the document (an HTML page's <head>), used where the text gives none. */
	fallback?: Partial<SourceMeta>;
	/**
	 * How the document ends: 'whole' — after the table, or the format says the last row is
	 * complete; 'cut' — inside the last row; 'open' — right after the last row's text without the
	 * closing a complete file has, so that row may have been cut in its last cell.
	 */
	end: 'whole' | 'cut' | 'open';
	/** The last line of the document: where a cut-off document stops. */
	lastLine: number;
	/** The sheet, for naming cells in messages (Sheet1!B7); absent for text formats. */
	sheet?: string;
	/** Rows are rectangular with fixed columns (a spreadsheet): a cell beyond the header cannot shift the others. */
	fixedColumns?: boolean;
}

/** Rows searched for the header: titles and notes above it are a handful of rows, never dozens. */
const HEADER_SEARCH_ROWS = 50;
/** A note under the table (注：…, 填报人：…) ends it. */
const NOTE_ROW =
	/^(?:注|备注|说明|附注|填报说明|填表说明|制表|制表人|填报人|填表人|审核人|负责人|联系人|联系电话)\s*[:：\d１-９]/;
/** A section heading row in a table without a category column: 一、坚持引育并举…, （二）… */
const SECTION = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])\s*\S/;

export interface GridHeader {
	/** Index of the header's first row in grid.rows, and how many rows it takes (a grouped header takes two). */
	at: number;
	depth: 1 | 2;
	/** Index of the header's first column: a table need not start in column A. */
	offset: number;
	map: HeaderMap;
}

/**
 * The header row: the first row (within the first HEADER_SEARCH_ROWS) whose cells all map to known
 * columns and name a task or its content — or two rows that do, read together, when a group
 * header (推进情况) spans period headers (1-10月, 1-11月) under it.
 */
export function findGridHeader(rows: readonly GridRow[]): GridHeader | null {
	for (let r = 0; r < rows.length && r < HEADER_SEARCH_ROWS; r++) {
		const cells = rows[r].cells.map((c) => c.text.trim());
		const offset = cells.findIndex((t) => t !== '');
		if (offset === -1) continue;
		const end = cells.findLastIndex((t) => t !== '') + 1;
		const top = cells.slice(offset, end);
		const next = rows[r + 1]?.cells.slice(offset, end).map((c) => c.text);
		const two = next && next.some((t, k) => t.trim() !== '' && t.trim() !== top[k]) ? mapTwoRowHeader(top, next) : null;
		if (two) return { at: r, depth: 2, offset, map: two };
		const one = mapHeader(top);
		if (one) return { at: r, depth: 1, offset, map: one };
	}
	return null;
}

/** Reads a grid into the shared TableReading. Throws ImportError when it holds no task table. */
export function readGrid(grid: Grid, what = 'the document'): TableReading {
	checkGrid(grid);
	const header = findGridHeader(grid.rows);
	if (!header) {
		throw new ImportError(
			`no task table found: no row of ${what} names the columns of a task table (e.g. 具体任务 / 主要内容 / 完成情况, 序号 / 工作任务 / 进展情况)`
		);
	}
	const headerLine = grid.rows[header.at].line;
	const { rows, warnings } = readBody(grid, header);
	if (rows.length === 0) {
		throw new ImportError(
			`no task table found: the header on ${place(grid, grid.rows[header.at])} has no complete row under it`,
			headerLine
		);
	}
	const meta = readMeta(grid, header.at);
	const {
		year,
		period,
		searched,
		warnings: dated
	} = yearAndPeriod(meta.source, meta.titleLine, header.map, headerLine, meta.period, meta.opening);
	return {
		source: meta.source,
		year,
		period,
		searched,
		header: { line: headerLine, columns: header.map.columns },
		categories: groupRows(rows, header.map),
		warnings: [...dated, ...warnings]
	};
}

/**
 * Refuses a table beyond the limits on rows, one cell's length, or all cells' text together — a
 * merged cell repeats its text in every cell it covers, and every row's text is copied on the way
 * to the draft, so the repeated text counts.
 */
function checkGrid(grid: Grid): void {
	if (grid.rows.length > MAX_ROWS)
		throw limitError(`the table has ${grid.rows.length} rows`, 'MAX_ROWS', MAX_ROWS, grid.rows[MAX_ROWS].line);
	let chars = 0;
	for (const row of grid.rows) {
		for (const cell of row.cells) {
			if (cell.text.length > MAX_CELL_CHARS)
				throw limitError(
					`the cell on ${place(grid, row, cell)} has ${cell.text.length} characters`,
					'MAX_CELL_CHARS',
					MAX_CELL_CHARS,
					cell.line
				);
			chars += cell.text.length;
		}
		if (chars > MAX_TABLE_CHARS)
			throw limitError(
				`the table's cells up to ${place(grid, row)} hold more text than that`,
				'MAX_TABLE_CHARS',
				MAX_TABLE_CHARS,
				row.line
			);
	}
}

/** 第7行, or 第7行（Sheet1!A7） in a spreadsheet. */
function place(grid: Grid, row: GridRow, cell?: GridCell): string {
	const ref = (cell ?? row.cells.find((c) => c.text !== '') ?? row.cells[0])?.ref;
	return grid.sheet && ref ? `第${row.line}行（${grid.sheet}!${ref}）` : `第${row.line}行`;
}

function readMeta(grid: Grid, headerAt: number) {
	const before =
		grid.before ??
		grid.rows.slice(0, headerAt).flatMap((row) => {
			// A title merged across the sheet is one cell, not one per column it covers.
			const text = row.cells
				.filter((c) => c.span === null && c.text.trim() !== '')
				// Lines joined by a space; split, not /\s*\n\s*/, which backtracks through long space runs.
				.map((c) => c.text.split('\n').map((line) => line.trim()).filter((line) => line !== '').join(' '))
				.join(' ');
			return text === '' ? [] : [{ text, line: row.line }];
		});
	const meta = readPageMeta(before.map((b) => b.text));
	const lineOf = (index: number) => before[index - 1]?.line ?? index;
	const source: SourceMeta = { ...meta.source };
	for (const [key, value] of Object.entries(grid.fallback ?? {}) as [keyof SourceMeta, string | null][]) {
		if (source[key] === null && value) source[key] = value;
	}
	return {
		source,
		titleLine: meta.titleLine === null ? null : lineOf(meta.titleLine),
		period: meta.period ? { text: meta.period.text, line: lineOf(meta.period.line) } : null,
		opening: (meta.opening ?? []).map((o) => ({ text: o.text, line: lineOf(o.line) }))
	};
}

interface Body {
	rows: RawRow[];
	warnings: ImportWarning[];
}

/**
 * The rows under the header. Each is a task row, a continuation of the task above (its key cell
 * is covered by a merged cell from above, or empty), a section heading (a category), a note that
 * ends the table, or a row that does not fit — reported, never shifted into other columns.
 */
function readBody(grid: Grid, header: GridHeader): Body {
	const columns = header.map.columns;
	const width = columns.length;
	const seqAt = columns.findIndex((c) => c.role === 'seqNo');
	const taskAt = columns.findIndex((c) => c.role === 'task' || c.role === 'content');
	const keyAt = seqAt !== -1 ? seqAt : Math.max(0, taskAt);
	const categoryAt = columns.findIndex((c) => c.role === 'category');
	const leadingCategories = columns.findIndex((c) => c.role !== 'category');
	const subItemAt = [keyAt, taskAt].filter((k) => k !== -1 && k !== categoryAt);
	const rows: RawRow[] = [];
	const warnings: ImportWarning[] = [];
	let category: string | null = null;
	let last: RawRow | null = null;
	const body = grid.rows.slice(header.at + header.depth);
	const finalIndex = body.findLastIndex((row) => row.cells.some((c) => c.text.trim() !== ''));
	for (let r = 0; r <= finalIndex; r++) {
		const source = body[r];
		const atEnd = r === finalIndex && grid.end !== 'whole';
		let cells = source.cells.slice(header.offset);
		const own = (cell: GridCell | undefined) => (cell && cell.span === null ? cell.text.trim() : '');
		const filled = cells.map((c, k) => (own(c) === '' ? -1 : k)).filter((k) => k !== -1);
		if (filled.length === 0) continue;
		if (filled.length === 1 && NOTE_ROW.test(own(cells[filled[0]]))) break;
		const beyond = filled.filter((k) => k >= width);
		if (beyond.length > 0) {
			const extra = cells[beyond[0]];
			if (atEnd) {
				warnings.push(truncationOfRow(grid, source));
				break;
			}
			if (!grid.fixedColumns) {
				warnings.push({
					line: source.line,
					message: `${place(grid, source)}有${filled.at(-1)! + 1}个单元格，表头有${width}列，无法对齐，未导入：${quote(rowText(cells))}`
				});
				continue;
			}
			warnings.push({
				line: source.line,
				message: `${place(grid, source, extra)}在表头之外的列有内容，已忽略：${quote(extra.text)}`
			});
		}
		cells = cells.slice(0, width);
		// A category on a row of its own (its cell not merged over the tasks under it), or a section heading.
		if (filled.length === 1 && filled[0] < width && (filled[0] === categoryAt || isSection(cells, filled[0], width))) {
			category = own(cells[filled[0]]);
			continue;
		}
		if (cells.length < width && grid.fixedColumns) {
			// A spreadsheet row simply ends at its last cell with a value.
			const blank: GridCell = { text: '', line: source.line, ref: null, span: null };
			cells = [...cells, ...Array.from({ length: width - cells.length }, () => blank)];
		}
		if (cells.length < width) {
			const aligned = alignShortRow(cells, width, filled, leadingCategories, last);
			if (!aligned) {
				warnings.push(
					atEnd
						? truncationOfRow(grid, source)
						: {
								line: source.line,
								message: `${place(grid, source)}有${cells.length}个单元格，表头有${width}列，无法对齐，未导入：${quote(rowText(cells))}`
							}
				);
				continue;
			}
			cells = aligned;
		}
		const odd = seqAt !== -1 && cells[seqAt].span === null && !isRowNumber(own(cells[seqAt]), { subNumbers: true });
		const keepOdd = odd && oddNumber(cells.map(own), seqAt);
		if (keepOdd) warnings.push(oddNumberWarning(source.line, own(cells[seqAt])));
		const continues = !keepOdd && continuesAbove(cells, keyAt, seqAt, taskAt, categoryAt, filled.length);
		if (continues) {
			if (atEnd && grid.end === 'cut') {
				warnings.push(truncationOfRow(grid, source));
				break;
			}
			if (!last) {
				warnings.push({
					line: source.line,
					message: `${place(grid, source)}不是任务行，也不接在任务行之后，未导入：${quote(rowText(cells))}`
				});
				continue;
			}
			continueRow(last, cells.map(own), subItemAt);
			continue;
		}
		if (categoryAt !== -1 && cells[categoryAt].text.trim() !== '') category = cells[categoryAt].text.trim();
		const row: RawRow = { line: source.line, cells: cells.map((c) => c.text.trim()), category, extras: [] };
		if (grid.sheet) row.ref = `${grid.sheet}!${cells[0].ref ?? ''}`;
		if (atEnd && (grid.end === 'cut' || lastCellCut([...rows, row], lastFilled(row), columns[lastFilled(row)]?.role))) {
			warnings.push(truncation(grid, row, columns));
			break;
		}
		rows.push(row);
		last = row;
	}
	return { rows, warnings };
}

/**
 * Whether a row continues the task above rather than starting one: its key cell (序号, else the
 * task) is covered by a merged cell from above, or is empty, or — with a 序号 column — holds no
 * number (a sub-item flattened into the first column). A row with an empty 序号 but its own task
 * and more cells is a task whose number was left out.
 */
function continuesAbove(
	cells: readonly GridCell[],
	keyAt: number,
	seqAt: number,
	taskAt: number,
	categoryAt: number,
	filled: number
): boolean {
	const key = cells[keyAt];
	const text = key.text.trim();
	if (keyAt === categoryAt) return text === '';
	if (key.span === 'above') return true;
	if (seqAt === -1) return text === '';
	if (text === '')
		return !(taskAt !== -1 && cells[taskAt].span === null && cells[taskAt].text.trim() !== '' && filled >= 2);
	return !isRowNumber(text, { subNumbers: true });
}

function rowText(cells: readonly GridCell[]): string {
	return cells
		.filter((c) => c.span === null)
		.map((c) => c.text.trim())
		.join(' | ');
}

function lastFilled(row: RawRow): number {
	return row.cells.findLastIndex((c) => c !== '');
}

/**
 * A row with a single text that is a section heading rather than a task: merged from the first
 * (or second, after 序号) column to the table's end, or numbered like one (一、…, （二）…).
 */
function isSection(cells: readonly GridCell[], at: number, width: number): boolean {
	if (cells.length === width && at <= 1 && width - at > 2 && cells.slice(at + 1).every((c) => c.span === 'left'))
		return true;
	return SECTION.test(cells[at].text.trim()) && cells.every((c, k) => k === at || c.text.trim() === '');
}

/**
 * A row with fewer cells than the header, aligned only where that is safe: a lone text (a
 * sub-item under the row above, read as a continuation), or a row missing exactly the leading
 * category cells that span rows in the page but were flattened away (it keeps the category above).
 */
function alignShortRow(
	cells: readonly GridCell[],
	width: number,
	filled: readonly number[],
	leadingCategories: number,
	last: RawRow | null
): GridCell[] | null {
	const pad = (from: readonly GridCell[]) => [
		...from,
		...Array.from({ length: width - from.length }, () => ({ ...from[0], text: '', span: null }))
	];
	if (filled.length === 1 && cells.length >= 1) return pad(cells);
	if (last && leadingCategories > 0 && cells.length === width - leadingCategories) {
		const inherited = Array.from({ length: leadingCategories }, (_, k) => ({
			...cells[0],
			text: last.cells[k] ?? '',
			span: 'above' as const
		}));
		return [...inherited, ...cells];
	}
	return null;
}

function truncation(grid: Grid, row: RawRow, columns: readonly Column[]): ImportWarning {
	return {
		line: grid.lastLine,
		message: `文档在此行中断（截断），第${row.line}行起的任务不完整，未导入：${rowLabel(row, columns)}`
	};
}

function truncationOfRow(grid: Grid, row: GridRow): ImportWarning {
	return {
		line: grid.lastLine,
		message: `文档在此行中断（截断），第${row.line}行起的一行不完整，未导入：${quote(rowText(row.cells))}`
	};
}
