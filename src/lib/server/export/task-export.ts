/**
 * The task table as a download: CSV (UTF-8 with BOM) or XLSX (exceljs), streamed chunk by chunk
 * from iterateTasks so a large export never sits whole in memory. Every text cell passes
 * neutraliseCell, so report text cannot become a spreadsheet formula.
 */
import { PassThrough, Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { BOM, csvLine, neutraliseCell } from '../../export/cells';
import {
	TASK_SHEET_COLUMNS,
	taskSheetHeader,
	taskSheetRow,
	type Cell,
	type TaskSheetRow
} from '../../export/task-sheet';
import type { Lang } from '../../i18n';

export interface SheetContext {
	lang: Lang;
	periodLabel: string;
}

/** A CSV byte stream: BOM, one header row, then one record per task, CRLF line ends. */
export function tasksCsvStream(
	chunks: AsyncIterable<TaskSheetRow[]>,
	context: SheetContext
): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	const iterator = chunks[Symbol.asyncIterator]();
	let started = false;
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			if (!started) {
				started = true;
				controller.enqueue(encoder.encode(BOM + csvLine(taskSheetHeader(context.lang))));
				return;
			}
			// Each chunk is a synchronous query (better-sqlite3): yield to the event loop first, so the
			// requests that came in meanwhile are served between chunks instead of after the whole file.
			await new Promise((resolve) => setImmediate(resolve));
			const next = await iterator.next();
			if (next.done) {
				controller.close();
				return;
			}
			controller.enqueue(
				encoder.encode(next.value.map((row) => csvLine(taskSheetRow(row, context.lang, context.periodLabel))).join(''))
			);
		},
		async cancel() {
			await iterator.return?.();
		}
	});
}

function xlsxCell(value: Cell): string | number | null {
	return typeof value === 'string' ? neutraliseCell(value) : value;
}

/**
 * An XLSX byte stream: one sheet, a bold header row frozen in place, column widths set, text
 * wrapped; status and source as text cells. Written by exceljs's streaming writer.
 */
export function tasksXlsxStream(
	chunks: AsyncIterable<TaskSheetRow[]>,
	context: SheetContext,
	sheetName: string
): ReadableStream<Uint8Array> {
	const out = new PassThrough();
	(async () => {
		// Loaded on first use: loading exceljs holds the event loop for a few hundred milliseconds,
		// which a CSV download (or a server that never exports Excel) need not pay.
		const { stream } = (await import('exceljs')).default;
		const workbook = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
		const sheet: ExcelJS.Worksheet = workbook.addWorksheet(sheetName.slice(0, 31), {
			views: [{ state: 'frozen', ySplit: 1 }]
		});
		sheet.columns = TASK_SHEET_COLUMNS.map((column, i) => ({ key: String(i), width: column.width }));
		const header = sheet.addRow(taskSheetHeader(context.lang).map(xlsxCell));
		header.font = { bold: true };
		header.commit();
		for await (const rows of chunks) {
			for (const row of rows) sheet.addRow(taskSheetRow(row, context.lang, context.periodLabel).map(xlsxCell)).commit();
			// The queries resolve without touching the event loop (better-sqlite3 is synchronous), so a
			// long export would hold the server for seconds: let other requests in between chunks.
			await new Promise((resolve) => setImmediate(resolve));
		}
		sheet.commit();
		await workbook.commit();
	})().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
	return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
