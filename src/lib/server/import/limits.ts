/**
 * How much of a document the readers will take on. A report is a few hundred tasks; these limits
 * sit far above any real one, and low enough that no input — however small on disk and however
 * far it expands — takes the reader past 20 × its size + 200 MB of memory or more than seconds of
 * work. Each refusal (limitError) names its limit, so the README's table and the message agree.
 */
import { ImportError } from './types';

/** A document's size on disk: real report pages and workbooks are kilobytes to a few megabytes. */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;
/** Lines of a decoded text, CSV or HTML document: a 25 000-task table one cell per line stays well under. */
export const MAX_LINES = 500_000;
/** Rows of a table (records of a CSV file, rows of an HTML table or a sheet). */
export const MAX_ROWS = 100_000;
/** Cells that hold text in one row: a report has a dozen columns; styled empty ones beyond are ignored. */
export const MAX_COLUMNS = 200;
/** Cells of a table once merged cells are laid out (rowspan × colspan repeats a cell). */
export const MAX_CELLS = 1_000_000;
/** One cell's characters: Excel's own limit, so no report cell is longer. */
export const MAX_CELL_CHARS = 32_767;
/** Characters in all of a table's cells together, a merged cell counted in every cell it covers (~20 MB of text). */
export const MAX_TABLE_CHARS = 10_000_000;
/** Element nesting in an HTML page: Chromium's parser stops nesting at 512 too. */
export const MAX_NESTING_DEPTH = 512;
/** Elements of an HTML page: each costs ~0.5 KB parsed, and a page of 1 000 task rows has ~50 000. */
export const MAX_HTML_ELEMENTS = 50_000;
/** Parts (files) in an Excel workbook's ZIP container: a workbook has a few dozen. */
export const MAX_XLSX_PARTS = 1_000;
/** What a workbook's parts unpack to, together: deflated XML shrinks ~10×, a bomb 1000× and more. */
export const MAX_XLSX_UNPACKED_BYTES = 24 * 1024 * 1024;
/** Cells of a workbook, all sheets together (exceljs keeps ~0.7 KB per cell). */
export const MAX_XLSX_CELLS = 60_000;
/** Rows of a workbook, all sheets together (exceljs keeps ~0.7 KB per row, empty or not). */
export const MAX_XLSX_ROWS = 20_000;
/**
 * Cells of a sheet as the reader lays it out, gaps included (a row's one cell in column J is ten
 * cells): a few times MAX_XLSX_CELLS, so a row of gaps cannot cost what a sheet of cells may.
 */
export const MAX_XLSX_GRID_CELLS = 250_000;
/** Shared strings of a workbook: no more than it can have cells. */
export const MAX_SHARED_STRINGS = MAX_XLSX_CELLS;
/** Merged ranges of a workbook (checked pairwise by exceljs). */
export const MAX_MERGED_RANGES = 5_000;
/** Cells covered by merged ranges, all together: exceljs creates every covered cell (they count as cells and rows too). */
export const MAX_MERGED_CELLS = 50_000;
/** Columns and rows of an Excel sheet, as Excel has them (XFD, 1 048 576). */
export const EXCEL_MAX_COLUMN = 16_384;
export const EXCEL_MAX_ROW = 1_048_576;

/** The refusal for a document beyond a limit: what was found, where, and the limit by name and value. */
export function limitError(what: string, limit: string, value: number, line: number | null = null): ImportError {
	return new ImportError(`${what}: beyond the reader's limit ${limit} = ${value.toLocaleString('en')}`, line);
}
