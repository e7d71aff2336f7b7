/**
 * A saved report page (.html) → a grid. The page is parsed with parse5 (the HTML standard's
 * parsing algorithm, as browsers do it); the task table is the first table — however deep in
 * layout tables — whose header row maps to task columns; rowspan and colspan are resolved the way
 * a browser lays the table out. The metadata block and title come from the page text above the
 * table, with the page's <head> as a fallback; navigation, scripts and styles are never read.
 */
import { parse } from 'parse5';
import { decodeDocument } from './decode';
import { findGridHeader, readGrid, type Grid, type GridCell, type GridHeader, type GridRow } from './grid';
import { checkDepth, checkElementCount } from './html-limits';
import { limitError, MAX_CELLS } from './limits';
import {
	attr,
	CELLS,
	cellText,
	contains,
	elements,
	headMeta,
	isElement,
	lineOf,
	visibleText,
	type Element
} from './html-text';
import type { TableReading } from './table';
import { ImportError, type ImportWarning } from './types';

/** How far into the file a <meta charset> is looked for, as browsers do (the HTML standard's prescan reads 1024 bytes; pages put long comments first). */
const CHARSET_PRESCAN_BYTES = 4096;
/** A colspan wider than this is a layout trick, not columns (the standard allows 1000). */
const MAX_COLSPAN = 100;

export interface HtmlReading {
	reading: TableReading;
	/** The page's visible text (tables one row to a line, cells between |), kept as the source text. */
	text: string;
	/** The page as decoded, whose lines the reading's line numbers count. */
	decoded: string;
}

/** Reads a saved report page. Throws ImportError when the page holds no task table. */
export function readHtml(bytes: Uint8Array): HtmlReading {
	const html = decodeDocument(bytes, { declared: declaredCharset(bytes), markup: true });
	checkElementCount(html);
	const document = parse(html, { sourceCodeLocationInfo: true });
	checkDepth(document);
	const tables = elements(document, 'table');
	let chosen: { table: Element; rows: GridRow[]; header: GridHeader } | null = null;
	let others = 0;
	for (const table of tables) {
		const rows = tableRows(table);
		const header = findGridHeader(rows);
		if (!header) continue;
		if (chosen === null) chosen = { table, rows, header };
		else if (!contains(chosen.table, table)) others++;
	}
	if (chosen === null) {
		throw new ImportError(
			tables.length === 0
				? 'no task table found: the page has no table (<table>); a saved report page holds its tasks in one'
				: 'no task table found: no table on the page has a header row naming the columns of a task table (e.g. 具体任务 / 主要内容 / 完成情况, 序号 / 工作任务 / 进展情况)'
		);
	}
	const lastLine = html.trimEnd().split('\n').length;
	const warnings: ImportWarning[] = [];
	const end = tableEnd(chosen.table, chosen.rows, chosen.header);
	if (end === 'stopped')
		warnings.push({ line: lastLine, message: '文档在表格结束前中断（截断），此后的行（如有）未导入' });
	if (others > 0)
		warnings.push({
			line: null,
			message: `页面上还有${others}个任务表格，只导入了第${chosen.rows[0]?.line ?? 1}行起的第一个`
		});
	const grid: Grid = {
		rows: chosen.rows,
		before: visibleText(document, chosen.table, ' '),
		fallback: headMeta(document),
		end: end === 'cut' ? 'cut' : 'whole',
		lastLine
	};
	const reading = readGrid(grid, 'the page');
	reading.warnings.unshift(...warnings);
	const text = visibleText(document, null, ' | ')
		.map((l) => l.text)
		.join('\n');
	return { reading, text, decoded: html };
}

/** The page's visible text, a line per block (table rows with | between cells), each with the line of the page it starts on: what a page without a task table is read from. */
export function readHtmlLines(bytes: Uint8Array): { lines: { text: string; line: number }[]; decoded: string } {
	const html = decodeDocument(bytes, { declared: declaredCharset(bytes), markup: true });
	checkElementCount(html);
	const document = parse(html, { sourceCodeLocationInfo: true });
	checkDepth(document);
	return { lines: visibleText(document, null, ' | '), decoded: html };
}

// ─── Charset ────────────────────────────────────────────────────────────────────────────────

/**
 * The charset a page declares in its first bytes (<meta charset="gbk">, or http-equiv
 * Content-Type … charset=gb2312), found by parsing those bytes as Latin-1: every declaration is
 * ASCII, so any encoding reads the same there.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
	const head = new TextDecoder('latin1').decode(bytes.subarray(0, CHARSET_PRESCAN_BYTES));
	for (const meta of elements(parse(head), 'meta')) {
		const charset = attr(meta, 'charset');
		if (charset) return charset.trim();
		if (attr(meta, 'http-equiv')?.toLowerCase() === 'content-type') {
			const param = (attr(meta, 'content') ?? '')
				.split(';')
				.map((p) => p.trim())
				.find((p) => p.toLowerCase().startsWith('charset='));
			if (param) return param.slice('charset='.length).replace(/["']/g, '').trim();
		}
	}
	return null;
}

// ─── The table ──────────────────────────────────────────────────────────────────────────────

/** A table's own rows (not those of tables inside its cells), in document order. */
function ownRows(table: Element): Element[] {
	const rows: Element[] = [];
	for (const child of table.childNodes) {
		if (!isElement(child)) continue;
		if (child.tagName === 'tr') rows.push(child);
		else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') {
			for (const row of child.childNodes) if (isElement(row) && row.tagName === 'tr') rows.push(row);
		}
	}
	return rows;
}

function span(element: Element, name: string, max: number): number {
	const value = Number.parseInt(attr(element, name) ?? '', 10);
	if (name === 'rowspan' && value === 0) return max; // rowspan="0": to the end of the table
	return Number.isFinite(value) && value >= 1 ? Math.min(value, max) : 1;
}

/**
 * The table as a browser lays it out: each cell at the first free column of its row, spanning
 * the rows and columns it claims. Covered positions repeat the spanning cell's text.
 */
function tableRows(table: Element): GridRow[] {
	const trs = ownRows(table);
	const slots: (GridCell | undefined)[][] = trs.map(() => []);
	let laid = 0;
	trs.forEach((tr, y) => {
		let x = 0;
		for (const cell of tr.childNodes) {
			if (!isElement(cell) || !CELLS.has(cell.tagName)) continue;
			while (slots[y][x]) x++;
			const colspan = span(cell, 'colspan', MAX_COLSPAN);
			const rowspan = span(cell, 'rowspan', trs.length - y);
			const text = cellText(cell);
			const line = lineOf(cell, lineOf(tr));
			laid += colspan * rowspan;
			if (laid > MAX_CELLS)
				throw limitError('the table spans more cells than that (rowspan × colspan)', 'MAX_CELLS', MAX_CELLS, line);
			for (let dy = 0; dy < rowspan; dy++) {
				for (let dx = 0; dx < colspan; dx++) {
					slots[y + dy][x + dx] ??= { text, line, ref: null, span: dy > 0 ? 'above' : dx > 0 ? 'left' : null };
				}
			}
			x += colspan;
		}
	});
	return trs.map((tr, y) => {
		const line = lineOf(tr);
		const cells = Array.from(slots[y], (cell) => cell ?? { text: '', line, ref: null, span: null });
		return { line, cells };
	});
}

/**
 * How the document ends around the table: 'whole' when the table is closed; 'cut' when the file
 * stops inside its last row (an open cell, or fewer cells than the header); 'stopped' when it
 * stops after a complete row, so later rows may be lost.
 */
function tableEnd(table: Element, rows: readonly GridRow[], header: GridHeader): 'whole' | 'cut' | 'stopped' {
	if (table.sourceCodeLocation?.endTag) return 'whole';
	const lastRow = ownRows(table).at(-1);
	const lastCell = lastRow?.childNodes.filter((n): n is Element => isElement(n) && CELLS.has(n.tagName)).at(-1);
	if (!lastRow || !lastCell || rows.length <= header.at + header.depth) return 'stopped';
	const width = header.offset + header.map.columns.length;
	return lastCell.sourceCodeLocation?.endTag && (rows.at(-1)?.cells.length ?? 0) >= width ? 'stopped' : 'cut';
}
