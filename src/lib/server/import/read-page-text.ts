/**
 * Page text, whatever the page is: a task table first (text-reader), then a notice naming items
 * under status groups (notice-reader), and only when neither names a task, a refusal that says
 * what kind of page it is (refusal.ts). The order matters: a page with tasks is always read before
 * anything decides it has none.
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
		// Only "no table" lets another reader try: a table that is there but broken stays an error.
		if (!(error instanceof ImportError) || !error.message.includes('no task table found')) throw error;
		const notice = readNotice(text);
		if (notice.categories.length > 0) return notice;
		const refusal = classifyRefusal(text, {
			countLines: notice.summary.flatMap((scope) => scope.counts.map((c) => c.line)),
			statementLines: notice.statements
		});
		throw refusal ?? error;
	}
	const division = refuseDivisionTable(table.header.columns, table.header.line, text);
	if (division) throw division;
	return table;
}
