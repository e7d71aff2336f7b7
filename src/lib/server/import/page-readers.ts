/**
 * Which reader a page goes to. A page with a task table is read as a table (text-reader, grid);
 * one without is tried, in turn, as a wide indicator table and as indicator prose — whatever its
 * format: the text of an HTML page or the rows of a CSV file without a task table go the same way as
 * page text. When none
 * of them finds anything, the table reader's refusal stands.
 */
import { isCellLines, readCellLines } from './cell-lines';
import { parseCsv, readCsv } from './csv-reader';
import type { GridRow } from './grid';
import { readHtml, readHtmlLines, type HtmlReading } from './html-reader';
import { readProsePage } from './prose-page';
import type { TableReading } from './table';
import { readText } from './text-reader';
import { ImportError } from './types';
import { readWideText } from './wide-indicators';

/** Page text → a reading: a task table, else a wide indicator table, else indicator prose. */
export function readPageText(text: string): TableReading {
	try {
		return isCellLines(text) ? readCellLines(text) : readText(text);
	} catch (error) {
		const other = noTable(error) ? readWithoutTable(text) : null;
		if (other) return other;
		throw error;
	}
}

/** A saved page → a reading, as readPageText when the page has no task table. */
export function readHtmlPage(bytes: Uint8Array): HtmlReading {
	try {
		return readHtml(bytes);
	} catch (error) {
		if (!noTable(error)) throw error;
		const { lines, decoded } = readHtmlLines(bytes);
		const reading = readWithoutTable(lines.map((l) => l.text).join('\n'));
		if (!reading) throw error;
		return { reading: relined(reading, lines), text: lines.map((l) => l.text).join('\n'), decoded };
	}
}

/** A CSV file → a reading, as readPageText when no row names a task table (its rows as page lines). */
export function readCsvPage(text: string): TableReading {
	try {
		return readCsv(text).reading;
	} catch (error) {
		if (!noTable(error)) throw error;
		const separator = text.split('\n', 1)[0].includes('\t') ? '\t' : ',';
		const reading = readRowsWithoutTable(parseCsv(text, separator).rows);
		if (!reading) throw error;
		return reading;
	}
}

/**
 * A grid's rows (a CSV file's, a sheet's) with no task table, read as page lines with ` | `
 * between cells; null when no reader finds anything in them.
 */
export function readRowsWithoutTable(rows: readonly GridRow[]): TableReading | null {
	const lines = rows.map((row) => ({
		text: row.cells
			.filter((c) => c.span === null)
			.map((c) => c.text.trim())
			.filter((t) => t !== '')
			.join(' | '),
		line: row.line
	}));
	const reading = readWithoutTable(lines.map((l) => l.text).join('\n'));
	return reading ? relined(reading, lines) : null;
}

/** Lines of the text a reading was read from back to the document's own lines. */
function relined(reading: TableReading, lines: readonly { line: number }[]): TableReading {
	const lineOf = (k: number | null) => (k === null ? null : (lines[k - 1]?.line ?? k));
	for (const category of reading.categories) for (const row of category.rows) row.line = lineOf(row.line)!;
	reading.warnings = reading.warnings.map((w) => ({ ...w, line: lineOf(w.line) }));
	return reading;
}

export function noTable(error: unknown): boolean {
	return error instanceof ImportError && error.message.includes('no task table found');
}

function readWithoutTable(text: string): TableReading | null {
	const wide = readWideText(text);
	if (wide) return wide;
	const prose = readProsePage(text);
	return prose ? { ...prose.reading, speaksFor: prose.speaksFor } : null;
}
