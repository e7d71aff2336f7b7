/**
 * A table whose cells are already apart — an HTML table, a spreadsheet, a CSV file — as rows ×
 * columns with merged cells resolved, → the shared TableReading. The format readers (html-reader,
 * xlsx-reader, csv-reader) only build the grid; finding the header by its synonyms, titles and
 * notes above it, categories spanning rows, continuation rows, rows that do not fit and a
 * document cut off mid-row are handled here, once, for all of them.
 */
import { mapHeader, mapTwoRowHeader, type HeaderMap } from './columns';
import { place, readBody } from './grid-body';
import { limitError, MAX_CELL_CHARS, MAX_ROWS, MAX_TABLE_CHARS } from './limits';
import { readPageMeta } from './page-meta';
import { groupRows, yearAndPeriod, type TableReading } from './table';
import { ImportError, type SourceMeta } from './types';

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

function readMeta(grid: Grid, headerAt: number) {
	const before =
		grid.before ??
		grid.rows.slice(0, headerAt).flatMap((row) => {
			// A title merged across the sheet is one cell, not one per column it covers.
			const text = row.cells
				.filter((c) => c.span === null && c.text.trim() !== '')
				// Lines joined by a space; split, not /\s*\n\s*/, which backtracks through long space runs.
				.map((c) =>
					c.text
						.split('\n')
						.map((line) => line.trim())
						.filter((line) => line !== '')
						.join(' ')
				)
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
