/**
 * A CSV (or tab-separated) export → a grid. Offices save their Excel sheet as CSV in UTF-8 (with
 * or without BOM) or, from Chinese Windows, in GBK; fields with commas or line breaks are quoted,
 * with "" for a quote inside. The separator is whichever of comma and tab makes a header row
 * appear. CSV has no merged cells: a category printed once above its tasks is carried down by the
 * shared grid reader like any flattened span.
 */
import { findGridHeader, readGrid, type Grid, type GridRow } from './grid';
import type { TableReading } from './table';
import { limitError, MAX_CELLS, MAX_COLUMNS, MAX_ROWS } from './limits';
import { ImportError } from './types';

export type CsvSeparator = ',' | '\t';

export interface CsvReading {
	reading: TableReading;
	text: string;
	separator: CsvSeparator;
}

/**
 * Reads a CSV or tab-separated file's text (decoded). Throws ImportError when no row names a task
 * table's columns, or when the file goes beyond MAX_ROWS, MAX_CELLS or MAX_COLUMNS.
 */
export function readCsv(text: string): CsvReading {
	const attempts = ([',', '\t'] as const)
		.map((separator) => ({ separator, ...parseCsv(text, separator) }))
		.map((p) => ({ ...p, header: findGridHeader(p.rows) }));
	const parsed = attempts
		.filter((p) => p.header !== null)
		// The separator that splits the header into more columns; a comma inside a tab-separated header splits nothing that maps.
		.sort((a, b) => b.header!.map.columns.length - a.header!.map.columns.length || a.header!.at - b.header!.at);
	const best = parsed[0];
	if (best?.limit) throw best.limit;
	if (!best) {
		const limit = attempts.find((p) => p.limit)?.limit;
		if (limit) throw limit;
		throw new ImportError(
			'no task table found: no row of the CSV file names the columns of a task table (e.g. 具体任务,主要内容,完成情况 or 序号,工作任务,进展情况), with comma or tab between them'
		);
	}
	const grid: Grid = { rows: best.rows, end: best.end, lastLine: lastLine(text) };
	return { reading: readGrid(grid, 'the CSV file'), text, separator: best.separator };
}

function lastLine(text: string): number {
	return Math.max(1, text.trimEnd().split('\n').length);
}

export interface CsvRows {
	rows: GridRow[];
	/** Whether the text stops inside a quoted field ('cut'), after a final line break ('whole'), or right after a field ('open'). */
	end: Grid['end'];
	/**
	 * The first limit the text went beyond with this separator, or null: text in a column past
	 * MAX_COLUMNS (such cells are not kept), or more than MAX_ROWS rows or MAX_CELLS cells
	 * (reading stopped there). Not thrown, since the other separator may read the file well.
	 */
	limit: ImportError | null;
}

const LF = 10;
const QUOTE = 34;

/**
 * Splits CSV text (LF line ends) into rows of cells, each with the line it starts on. RFC 4180
 * quoting; a quote inside an unquoted field is kept as it is. Fields are slices of the text, not
 * built a character at a time, so a large file costs about its own size.
 */
export function parseCsv(text: string, separator: CsvSeparator): CsvRows {
	const sep = separator.charCodeAt(0);
	const rows: GridRow[] = [];
	let cells: GridRow['cells'] = [];
	let cellCount = 0;
	let limit: ImportError | null = null;
	let line = 1;
	let rowLine = 1;
	const addCell = (value: string, fieldLine: number) => {
		if (cells.length < MAX_COLUMNS) {
			cells.push({ text: value, line: fieldLine, ref: null, span: null });
			cellCount++;
		} else if (value.trim() !== '') {
			limit ??= limitError(`a row has text in column ${cells.length + 1}`, 'MAX_COLUMNS', MAX_COLUMNS, rowLine);
		}
	};
	for (let i = 0; i < text.length; ) {
		const fieldLine = line;
		if (cells.length === 0) rowLine = line;
		let value = '';
		if (text.charCodeAt(i) === QUOTE) {
			const quoted = quotedField(text, i);
			line += newlinesIn(text, i, quoted.next === -1 ? text.length : quoted.next);
			if (quoted.next === -1) {
				addCell(quoted.value, fieldLine);
				rows.push({ line: rowLine, cells });
				return { rows, end: 'cut', limit };
			}
			value = quoted.value;
			i = quoted.next;
		}
		let k = i;
		while (k < text.length && text.charCodeAt(k) !== sep && text.charCodeAt(k) !== LF) k++;
		addCell(k > i ? value + text.slice(i, k) : value, fieldLine);
		i = k + 1;
		if (k < text.length && text.charCodeAt(k) === sep) {
			if (i < text.length) continue;
			addCell('', line); // a separator at the very end leaves an empty last field
		}
		rows.push({ line: rowLine, cells });
		cells = [];
		if (i >= text.length)
			return { rows, end: k >= text.length || text.charCodeAt(k) === sep ? 'open' : 'whole', limit };
		line++;
		const over =
			rows.length >= MAX_ROWS
				? limitError('the file has more rows than that', 'MAX_ROWS', MAX_ROWS, line)
				: cellCount >= MAX_CELLS
					? limitError('the file has more cells than that', 'MAX_CELLS', MAX_CELLS, line)
					: null;
		if (over) return { rows, end: 'whole', limit: limit ?? over };
	}
	return { rows, end: 'whole', limit };
}

/**
 * A quoted field from its opening quote: its text, with "" read as one quote, and where the text
 * goes on after the closing quote (-1 when the file ends inside the field).
 */
function quotedField(text: string, open: number): { value: string; next: number } {
	const parts: string[] = [];
	for (let j = open + 1; ; ) {
		const close = text.indexOf('"', j);
		if (close === -1) {
			parts.push(text.slice(j));
			return { value: parts.join(''), next: -1 };
		}
		parts.push(text.slice(j, close));
		if (text.charCodeAt(close + 1) !== QUOTE) return { value: parts.join(''), next: close + 1 };
		parts.push('"');
		j = close + 2;
	}
}

function newlinesIn(text: string, from: number, to: number): number {
	let count = 0;
	for (let k = text.indexOf('\n', from); k !== -1 && k < to; k = text.indexOf('\n', k + 1)) count++;
	return count;
}
