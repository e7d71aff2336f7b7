/**
 * An Excel workbook (.xlsx) → a grid. Offices compile their reports in Excel: a title and notes
 * above the header, 任务类别 merged over its tasks, numbers and dates as typed values. Read with
 * exceljs; a merged range's value applies to every cell it covers; numbers keep their value
 * (percent formats read as 80%), dates read as ISO dates. Cells are named Sheet!A1 in messages.
 */
import type ExcelJS from 'exceljs';
import { checkDocumentSize } from './decode';
import { findGridHeader, readGrid, type Grid, type GridCell, type GridRow } from './grid';
import { limitError, MAX_CELL_CHARS, MAX_TABLE_CHARS, MAX_XLSX_GRID_CELLS } from './limits';
import { guardWorkbook } from './xlsx-guard';
import { noTable, readRowsWithoutTable } from './page-readers';
import type { TableReading } from './table';
import { ImportError, type ImportWarning } from './types';

/** Columns read per row: a report is a dozen columns; styled empty columns can run to XFD. */
const READ_COLUMNS = 200;

export interface XlsxReading {
	reading: TableReading;
	/** The sheet's cells as text, one row to a line with tabs between cells, kept as the source text. */
	text: string;
	sheet: string;
}

/**
 * Reads the first sheet (the first visible one), or `sheetName`. Without a name, a first sheet
 * without a task table gives way to the first sheet that has one, with a warning. Throws
 * ImportError for a file that is not a workbook or has no task table, or one beyond the limits
 * (checked by guardWorkbook before exceljs unpacks anything).
 */
export async function readXlsx(bytes: Uint8Array, sheetName?: string): Promise<XlsxReading> {
	checkDocumentSize(bytes);
	const safe = guardWorkbook(bytes);
	// Loaded on first use: exceljs takes longer to load than a CLI run that reads no workbook.
	const { Workbook } = (await import('exceljs')).default;
	const workbook = new Workbook();
	try {
		// exceljs declares its own Buffer type (an ArrayBuffer); a Node Buffer is what it reads.
		await workbook.xlsx.load(safe as unknown as Parameters<typeof workbook.xlsx.load>[0]);
	} catch (error) {
		throw new ImportError(
			`the file is not a readable Excel workbook (.xlsx): ${error instanceof Error ? error.message : String(error)}`
		);
	}
	const sheets = workbook.worksheets;
	if (sheets.length === 0)
		throw new ImportError('the file holds no worksheet (工作表): it is not an Excel workbook (.xlsx), or an empty one');
	if (sheetName !== undefined) {
		const sheet = sheets.find((s) => s.name === sheetName) ?? sheets.find((s) => s.name.trim() === sheetName.trim());
		if (!sheet)
			throw new ImportError(
				`the workbook has no sheet named “${sheetName}”; its sheets are ${sheets.map((s) => `“${s.name}”`).join(', ')}`
			);
		return readSheet(sheet, []);
	}
	const ordered = [
		...sheets.filter((s) => s.state === 'visible' || s.state === undefined),
		...sheets.filter((s) => s.state !== 'visible' && s.state !== undefined)
	];
	const first = ordered[0];
	const firstRows = sheetRows(first);
	if (findGridHeader(firstRows)) return readSheet(first, [], firstRows);
	for (const sheet of ordered.slice(1)) {
		const rows = sheetRows(sheet);
		if (findGridHeader(rows)) {
			return readSheet(
				sheet,
				[{ line: null, message: `第一个工作表“${first.name}”中没有任务表，已读取工作表“${sheet.name}”` }],
				rows
			);
		}
	}
	return readSheet(first, [], firstRows);
}

function readSheet(sheet: ExcelJS.Worksheet, warnings: ImportWarning[], rows = sheetRows(sheet)): XlsxReading {
	const grid: Grid = { rows, end: 'whole', lastLine: rows.at(-1)?.line ?? 1, sheet: sheet.name, fixedColumns: true };
	const reading = readSheetGrid(grid, rows, `sheet “${sheet.name}”`);
	reading.warnings.unshift(...warnings);
	const text = rows
		.map((row) =>
			row.cells
				.filter((c) => c.span === null)
				.map((c) => c.text)
				.join('\t')
				.trimEnd()
		)
		.filter((line) => line !== '')
		.join('\n');
	return { reading, text, sheet: sheet.name };
}

/** A sheet's task table; a sheet without one is read as page lines (indicators, a notice) or refused by kind. */
function readSheetGrid(grid: Grid, rows: readonly GridRow[], what: string): TableReading {
	try {
		return readGrid(grid, what);
	} catch (error) {
		if (!noTable(error)) throw error;
		return readRowsWithoutTable(rows, error);
	}
}

/**
 * The sheet's rows that exist, each cell with its text and whether a merged range covers it.
 * Cells the sheet does not hold are not created (exceljs's getCell would): a row's one cell in
 * column GR must not become 200 cell objects per row. Positions and text are counted against
 * MAX_XLSX_GRID_CELLS and MAX_TABLE_CHARS as they are read, since a merged cell repeats its text.
 */
function sheetRows(sheet: ExcelJS.Worksheet): GridRow[] {
	const rows: GridRow[] = [];
	let positions = 0;
	let chars = 0;
	sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
		const cells: GridCell[] = [];
		const count = Math.min(row.cellCount, READ_COLUMNS);
		positions += count;
		if (positions > MAX_XLSX_GRID_CELLS)
			throw limitError(
				`sheet “${sheet.name}” lays out more cells than that up to row ${rowNumber}`,
				'MAX_XLSX_GRID_CELLS',
				MAX_XLSX_GRID_CELLS,
				rowNumber
			);
		for (let c = 1; c <= count; c++) {
			const cell = row.findCell(c);
			const ref = cell?.address ?? `${columnLetters(c)}${rowNumber}`;
			if (!cell) {
				cells.push({ text: '', line: rowNumber, ref, span: null });
				continue;
			}
			const master = cell.isMerged ? cell.master : cell;
			const span = master === cell ? null : Number(master.row) < rowNumber ? 'above' : 'left';
			const text = boundedText(master);
			chars += text.length;
			if (chars > MAX_TABLE_CHARS)
				throw limitError(
					`the cells of sheet “${sheet.name}” up to ${sheet.name}!${ref} hold more text than that`,
					'MAX_TABLE_CHARS',
					MAX_TABLE_CHARS,
					rowNumber
				);
			cells.push({ text, line: rowNumber, ref, span });
		}
		rows.push({ line: rowNumber, cells });
	});
	return rows;
}

/** 1 → A, 27 → AA. */
function columnLetters(column: number): string {
	let letters = '';
	for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
		letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
	return letters;
}

/** A cell's text, refused past MAX_CELL_CHARS before it is copied: a shared string can fill many cells. */
function boundedText(cell: ExcelJS.Cell): string {
	const value = cell.value;
	const raw =
		typeof value === 'string'
			? value
			: value && typeof value === 'object' && 'richText' in value
				? value.richText
				: null;
	const length = Array.isArray(raw) ? raw.reduce((n, part) => n + (part.text?.length ?? 0), 0) : (raw?.length ?? 0);
	if (length > MAX_CELL_CHARS)
		throw limitError(
			`cell ${cell.worksheet.name}!${cell.address} has ${length} characters`,
			'MAX_CELL_CHARS',
			MAX_CELL_CHARS,
			Number(cell.row)
		);
	return cellText(cell);
}

/** A cell's value as the sheet shows it: numbers without float noise, percent formats as 80%, dates as YYYY-MM-DD. */
export function cellText(cell: ExcelJS.Cell): string {
	return valueText(cell.value, cell.numFmt ?? '');
}

function valueText(value: ExcelJS.CellValue, numFmt: string): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value.replace(/\r\n?/g, '\n');
	if (typeof value === 'number') return numberText(value, numFmt);
	if (typeof value === 'boolean') return value ? '是' : '否';
	if (value instanceof Date) return dateText(value);
	if ('richText' in value)
		return value.richText
			.map((part) => part.text)
			.join('')
			.replace(/\r\n?/g, '\n');
	if ('error' in value) return '';
	if ('formula' in value || 'sharedFormula' in value)
		return valueText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue, numFmt);
	if ('text' in value) return valueText(value.text as ExcelJS.CellValue, numFmt);
	return '';
}

function numberText(value: number, numFmt: string): string {
	if (!Number.isFinite(value)) return '';
	const percent = /%/.test(numFmt.replace(/"[^"]*"/g, ''));
	const shown = percent ? value * 100 : value;
	const text = Number.isInteger(shown) ? String(shown) : String(Number(shown.toPrecision(12)));
	return percent ? `${text}%` : text;
}

/** Excel dates carry no zone: exceljs gives them as UTC, so the UTC fields are the sheet's. */
function dateText(date: Date): string {
	if (Number.isNaN(date.getTime())) return '';
	const iso = date.toISOString();
	const time = iso.slice(11, 16);
	return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}
