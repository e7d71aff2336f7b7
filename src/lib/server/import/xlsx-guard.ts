/**
 * A workbook checked before exceljs reads it. exceljs builds every cell a merged range covers,
 * every address a data validation or a defined name spans, every shared string and every column
 * a <col> declares — so an 8 KB file with one merge over A40:XFD1048576 asks for 17 billion
 * cells. Here the parts are unpacked under a ceiling (zip.ts), counted and measured against the
 * limits, and packed again without what the reader never uses and exceljs would expand: data
 * validations (whole-column drop-downs are common in office templates) and defined names.
 */
import {
	EXCEL_MAX_COLUMN,
	EXCEL_MAX_ROW,
	limitError,
	MAX_MERGED_CELLS,
	MAX_MERGED_RANGES,
	MAX_SHARED_STRINGS,
	MAX_XLSX_CELLS,
	MAX_XLSX_ROWS
} from './limits';
import { unzip, zip, type ZipPart } from './zip';

const SHEET_PART = /^\/?xl\/worksheets\/[^/]+\.xml$/i;
const SHARED_STRINGS_PART = /^\/?xl\/sharedStrings\.xml$/i;
const WORKBOOK_PART = /^\/?xl\/workbook\.xml$/i;
/** Element names may carry a namespace prefix (x:c) where the writer chose one. */
const CELL = /<(?:\w+:)?c[\s/>]/g;
const ROW = /<(?:\w+:)?row[\s/>]/g;
const STRING_ITEM = /<(?:\w+:)?si[\s/>]/g;
const MERGE = /<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']*)["']/g;
const COL_MAX = /<(?:\w+:)?col\b[^>]*?\bmax\s*=\s*["']\s*(\d+)/g;
const REF = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/i;

/** What exceljs will build for the sheets read so far. */
interface Totals {
	cells: number;
	rows: number;
	ranges: number;
	merged: number;
}

/** The workbook as exceljs may read it; throws ImportError naming the limit a part goes beyond. */
export function guardWorkbook(bytes: Uint8Array): Buffer {
	const parts = unzip(bytes);
	const totals: Totals = { cells: 0, rows: 0, ranges: 0, merged: 0 };
	const safe = parts.map((part): ZipPart => {
		if (SHARED_STRINGS_PART.test(part.name)) {
			const count = countOf(text(part), STRING_ITEM);
			if (count > MAX_SHARED_STRINGS)
				throw limitError(`the workbook has ${count} shared strings`, 'MAX_SHARED_STRINGS', MAX_SHARED_STRINGS);
		}
		if (WORKBOOK_PART.test(part.name)) return without(part, 'definedNames');
		if (!SHEET_PART.test(part.name)) return part;
		checkSheet(text(part), part.name, totals);
		return without(part, 'dataValidations');
	});
	return zip(safe);
}

/**
 * Counts a sheet into the workbook's totals, refusing it past a limit. exceljs creates every
 * cell a merged range covers and every row it spans, so those count as cells and rows too;
 * merges are looked at first, so that a merge bomb is named as one.
 */
function checkSheet(xml: string, name: string, totals: Totals): void {
	checkColumns(xml, name);
	checkMerges(xml, name, totals);
	totals.cells += countOf(xml, CELL);
	if (totals.cells > MAX_XLSX_CELLS)
		throw limitError(`the workbook has more cells than that (at ${name})`, 'MAX_XLSX_CELLS', MAX_XLSX_CELLS);
	totals.rows += countOf(xml, ROW);
	if (totals.rows > MAX_XLSX_ROWS)
		throw limitError(`the workbook has more rows than that (at ${name})`, 'MAX_XLSX_ROWS', MAX_XLSX_ROWS);
}

/** XML as Latin-1: every name and attribute looked at is ASCII, and Latin-1 never fails to decode. */
function text(part: ZipPart): string {
	return part.data.toString('latin1');
}

function countOf(xml: string, pattern: RegExp): number {
	let count = 0;
	for (pattern.lastIndex = 0; pattern.exec(xml) !== null; ) count++;
	return count;
}

/**
 * The part without its <element>…</element> blocks. exceljs reads only unprefixed names, so a
 * prefixed one (x14:dataValidations in an extension list) is left alone; indexOf rather than a
 * lazy regex keeps an unclosed block from making the search quadratic.
 */
function without(part: ZipPart, element: string): ZipPart {
	const xml = text(part);
	const open = `<${element}`;
	let at = xml.indexOf(open);
	if (at === -1) return part;
	const kept: string[] = [];
	let from = 0;
	for (; at !== -1; at = xml.indexOf(open, from)) {
		const tagEnd = xml.indexOf('>', at);
		if (tagEnd === -1) break;
		const close = xml[tagEnd - 1] === '/' ? tagEnd + 1 : xml.indexOf(`</${element}>`, tagEnd);
		if (close === -1) break;
		kept.push(xml.slice(from, at));
		from = xml[tagEnd - 1] === '/' ? close : close + element.length + 3;
	}
	kept.push(xml.slice(from));
	return { name: part.name, data: Buffer.from(kept.join(''), 'latin1') };
}

/** exceljs creates a column object for every index up to a <col>'s max. */
function checkColumns(xml: string, name: string): void {
	for (const match of xml.matchAll(COL_MAX)) {
		if (Number(match[1]) > EXCEL_MAX_COLUMN)
			throw limitError(`${name} declares column ${match[1]}`, 'EXCEL_MAX_COLUMN', EXCEL_MAX_COLUMN);
	}
}

function checkMerges(xml: string, name: string, totals: Totals): void {
	for (const match of xml.matchAll(MERGE)) {
		const ref = match[1].trim();
		const range = rangeOf(ref);
		if (range === null)
			throw limitError(`${name} merges “${ref}”, which is no range of an Excel sheet`, 'EXCEL_MAX_ROW', EXCEL_MAX_ROW);
		const area = range.columns * range.rows;
		totals.ranges++;
		totals.merged += area;
		totals.cells += area;
		totals.rows += range.rows;
		if (totals.ranges > MAX_MERGED_RANGES)
			throw limitError(`${name} has more merged ranges than that`, 'MAX_MERGED_RANGES', MAX_MERGED_RANGES);
		if (totals.merged > MAX_MERGED_CELLS)
			throw limitError(
				`the merged range ${ref} in ${name} covers ${area.toLocaleString('en')} cells, more than merged cells may cover together`,
				'MAX_MERGED_CELLS',
				MAX_MERGED_CELLS
			);
	}
}

/** Cells in an A1 or A1:B2 reference; null for one outside an Excel sheet. */
export function areaOf(ref: string): number | null {
	const range = rangeOf(ref);
	return range && range.columns * range.rows;
}

/** The columns and rows an A1 or A1:B2 reference spans; null for one outside an Excel sheet. */
function rangeOf(ref: string): { columns: number; rows: number } | null {
	const match = REF.exec(ref);
	if (!match) return null;
	const left = columnNumber(match[1]);
	const top = Number(match[2]);
	const right = match[3] ? columnNumber(match[3]) : left;
	const bottom = match[4] ? Number(match[4]) : top;
	const inside = (c: number, r: number) => c >= 1 && c <= EXCEL_MAX_COLUMN && r >= 1 && r <= EXCEL_MAX_ROW;
	if (!inside(left, top) || !inside(right, bottom)) return null;
	return { columns: Math.abs(right - left) + 1, rows: Math.abs(bottom - top) + 1 };
}

function columnNumber(letters: string): number {
	let n = 0;
	for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
	return n;
}
