/**
 * Which reader a page goes to, whatever its format. A page with a task table is read as a table
 * (text-reader, cell-lines, grid). One without is tried, in turn, as a wide indicator table, as
 * indicator prose and as a notice naming items under status groups; only when none of them names a
 * task does a refusal say what kind of page it is (refusal.ts), else the table reader's error stands.
 * The order matters: a page with tasks is always read before anything decides it has none. The text
 * of an HTML page, or the rows of a CSV file or sheet without a task table, go the same way as page
 * text (their refusals count lines of that text).
 */
import { isCellLines, readCellLines } from './cell-lines';
import { parseCsv, readCsv } from './csv-reader';
import type { GridRow } from './grid';
import { readHtml, readHtmlLines, type HtmlReading } from './html-reader';
import { readNotice } from './notice-reader';
import { readProsePage } from './prose-page';
import { classifyRefusal, refuseDivisionTable, refuseInvestment } from './refusal';
import type { TableReading } from './table';
import { readText } from './text-reader';
import { ImportError } from './types';
import { readWideText } from './wide-indicators';

/** Page text → a reading; throws ImportRefusal for a page of a known kind without progress, else ImportError. */
export function readPageText(text: string): TableReading {
	let table: TableReading;
	try {
		table = isCellLines(text) ? readCellLines(text) : readText(text);
	} catch (error) {
		if (!noTable(error)) throw error;
		return readWithoutTable(text, error);
	}
	const division = refuseDivisionTable(table.header.columns, table.header.line, text);
	if (division) throw division;
	return table;
}

/** A saved page → a reading, as readPageText when the page has no task table. */
export function readHtmlPage(bytes: Uint8Array): HtmlReading {
	try {
		return readHtml(bytes);
	} catch (error) {
		if (!noTable(error)) throw error;
		const { lines, decoded } = readHtmlLines(bytes);
		const text = lines.map((l) => l.text).join('\n');
		return { reading: relined(readWithoutTable(text, error), lines), text, decoded };
	}
}

/** A CSV file → a reading, as readPageText when no row names a task table (its rows as page lines). */
export function readCsvPage(text: string): TableReading {
	try {
		return readCsv(text).reading;
	} catch (error) {
		if (!noTable(error)) throw error;
		const separator = text.split('\n', 1)[0].includes('\t') ? '\t' : ',';
		return readRowsWithoutTable(parseCsv(text, separator).rows, error);
	}
}

/**
 * A grid's rows (a CSV file's, a sheet's) with no task table, read as page lines with ` | `
 * between cells; `noTableError` is what stands when no reader finds anything in them.
 */
export function readRowsWithoutTable(rows: readonly GridRow[], noTableError: ImportError): TableReading {
	const lines = rows.map((row) => ({
		text: row.cells
			.filter((c) => c.span === null)
			.map((c) => c.text.trim())
			.filter((t) => t !== '')
			.join(' | '),
		line: row.line
	}));
	return relined(readWithoutTable(lines.map((l) => l.text).join('\n'), noTableError), lines);
}

/** Lines of the text a reading was read from back to the document's own lines. */
function relined(reading: TableReading, lines: readonly { line: number }[]): TableReading {
	const lineOf = (k: number | null) => (k === null ? null : (lines[k - 1]?.line ?? k));
	for (const category of reading.categories) for (const row of category.rows) row.line = lineOf(row.line)!;
	reading.warnings = reading.warnings.map((w) => ({ ...w, line: lineOf(w.line) }));
	return reading;
}

/**
 * Whether a reader found no task table at all: only then may another reader try. A table that is
 * there but broken stays the reader's error. (The readers say so in their messages' first words.)
 */
export function noTable(error: unknown): error is ImportError {
	return error instanceof ImportError && error.message.includes('no task table found');
}

/**
 * A page no table reader could read: indicators, then a notice; else a refusal by kind, else the
 * readers' error. A key-project investment summary reads as indicator prose, so what the prose
 * reader took is refused when it is nothing but investment figures.
 */
function readWithoutTable(text: string, noTableError: ImportError): TableReading {
	const wide = readWideText(text);
	if (wide) return wide;
	const prose = readProsePage(text);
	if (prose) {
		const items = prose.reading.categories.flatMap((c) => c.rows.map((r) => `${r.name} ${r.statusText ?? ''}`));
		const investment = refuseInvestment(text, items);
		if (investment) throw investment;
		return { ...prose.reading, speaksFor: prose.speaksFor };
	}
	const notice = readNotice(text);
	if (notice.categories.length > 0) return notice;
	const refusal = classifyRefusal(text, {
		countLines: notice.summary.flatMap((scope) => scope.counts.map((c) => c.line)),
		statementLines: notice.statements
	});
	throw refusal ?? noTableError;
}
