/**
 * Page text, whatever the page is: a task table first (text-reader), then a notice naming items
 * under status groups (notice-reader), and only when neither names a task, a refusal that says
 * what kind of page it is (refusal.ts). The order matters: a page with tasks is always read before
 * anything decides it has none. A saved HTML page without a task table takes the same way from
 * its visible text (readWithoutTable).
 */
import { readNotice } from './notice-reader';
import { classifyRefusal, refuseDivisionTable } from './refusal';
import type { TableReading } from './table';
import { readText } from './text-reader';
import { ImportError } from './types';

/** Reads page text; throws ImportRefusal for a page of a known kind without progress, else ImportError. */
export function readPageText(text: string): TableReading {
	let table: TableReading;
	try {
		table = readText(text);
	} catch (error) {
		if (!isNoTable(error)) throw error;
		return readWithoutTable(text, error);
	}
	const division = refuseDivisionTable(table.header.columns, table.header.line, text);
	if (division) throw division;
	return table;
}

/**
 * Whether a reader found no task table at all: only then may another reader try. A table that is
 * there but broken stays the reader's error. (The readers say so in their messages' first words.)
 */
export function isNoTable(error: unknown): error is ImportError {
	return error instanceof ImportError && error.message.includes('no task table found');
}

/** A page no table reader could read: a notice, else a refusal by kind, else the readers' own error. */
export function readWithoutTable(text: string, noTable: ImportError): TableReading {
	const notice = readNotice(text);
	if (notice.categories.length > 0) return notice;
	const refusal = classifyRefusal(text, {
		countLines: notice.summary.flatMap((scope) => scope.counts.map((c) => c.line)),
		statementLines: notice.statements
	});
	throw refusal ?? noTable;
}
