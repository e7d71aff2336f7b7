/**
 * A CSV (or tab-separated) export → a grid. Offices save their Excel sheet as CSV in UTF-8 (with
 * or without BOM) or, from Chinese Windows, in GBK; fields with commas or line breaks are quoted,
 * with "" for a quote inside. The separator is whichever of comma and tab makes a header row
 * appear. CSV has no merged cells: a category printed once above its tasks is carried down by the
 * shared grid reader like any flattened span.
 */
import { findGridHeader, readGrid, type Grid, type GridRow } from './grid';
import type { TableReading } from './table';
import { ImportError } from './types';

export type CsvSeparator = ',' | '\t';

export interface CsvReading {
	reading: TableReading;
	text: string;
	separator: CsvSeparator;
}

/** Reads a CSV or tab-separated file's text (decoded). Throws ImportError when no row names a task table's columns. */
export function readCsv(text: string): CsvReading {
	const parsed = ([',', '\t'] as const)
		.map((separator) => ({ separator, ...parseCsv(text, separator) }))
		.map((p) => ({ ...p, header: findGridHeader(p.rows) }))
		.filter((p) => p.header !== null)
		// The separator that splits the header into more columns; a comma inside a tab-separated header splits nothing that maps.
		.sort((a, b) => b.header!.map.columns.length - a.header!.map.columns.length || a.header!.at - b.header!.at);
	const best = parsed[0];
	if (!best) {
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

/**
 * Splits CSV text (LF line ends) into rows of cells, each with the line it starts on. RFC 4180
 * quoting; a quote inside an unquoted field is kept as it is. `end` says whether the text stops
 * inside a quoted field ('cut'), after a final line break ('whole'), or right after a field ('open').
 */
export function parseCsv(text: string, separator: CsvSeparator): { rows: GridRow[]; end: Grid['end'] } {
	const rows: GridRow[] = [];
	let cells: GridRow['cells'] = [];
	let field = '';
	let fieldLine = 1;
	let rowLine = 1;
	let line = 1;
	let quoted = false;
	let fieldStarted = false;
	const endField = () => {
		cells.push({ text: field, line: fieldLine, ref: null, span: null });
		field = '';
		fieldStarted = false;
	};
	const endRow = () => {
		endField();
		rows.push({ line: rowLine, cells });
		cells = [];
	};
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (!fieldStarted) {
			fieldStarted = true;
			fieldLine = line;
			if (cells.length === 0) rowLine = line;
			if (ch === '"') {
				quoted = true;
				continue;
			}
		}
		if (quoted) {
			if (ch === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i++;
				} else quoted = false;
				continue;
			}
			if (ch === '\n') line++;
			field += ch;
			continue;
		}
		if (ch === separator) {
			endField();
			continue;
		}
		if (ch === '\n') {
			endRow();
			line++;
			continue;
		}
		field += ch;
	}
	if (quoted) {
		endRow();
		return { rows, end: 'cut' };
	}
	if (fieldStarted || cells.length > 0) {
		endRow();
		return { rows, end: 'open' };
	}
	return { rows, end: 'whole' };
}
