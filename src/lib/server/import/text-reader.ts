/**
 * Page text → metadata, year, period and the rows of the task table. The text is what a browser
 * gives when a report page is copied or saved as text: the HTML table arrives flattened, either
 * one cell per line (a cell spanning rows appears once, at its first row) or one row per line
 * with `|` (or tab) between cells. This module finds the header, tells which layout it is and
 * puts every cell under the right column — and where it cannot, says so with a line number
 * rather than shift cells into the wrong column.
 */
import { columnRole, mapHeader, type Column, type ColumnRole, type HeaderMap } from './columns';
import { isRowNumber, rowNumberValue } from './numbering';
import { readPageMeta } from './page-meta';
import {
	continueRow,
	lastCellCut,
	groupRows,
	oddNumber,
	oddNumberWarning,
	quote,
	rowLabel,
	yearAndPeriod,
	type RawRow,
	type TableReading
} from './table';
import { ImportError, type ImportWarning } from './types';

export { nameFromContent, type ReadCategory, type ReadRow } from './table';

/** What the page-text reader gives: the shared table reading (table.ts). */
export type TextReading = TableReading;

/** Lines longer than this are never a header row. */
const MAX_HEADER_LINE = 300;
/** A header has at most this many columns; a longer run of header words is not a header. */
const MAX_COLUMNS = 20;
/** A cell up to this long without sentence punctuation is name-like (a category, task, unit). */
const NAME_MAX = 40;

/** Page chrome that follows the table on government sites; it ends the table. */
const CHROME =
	/^(?:扫一扫|分享(?:[:：]|$)|【(?:打印|关闭|字体)|打印本页|关闭窗口|相关(?:链接|文章|阅读|附件|信息)|上一篇|下一篇|主办单位|承办单位|版权所有|copyright|政府网站标识码|网站标识码|技术支持|联系我们|网站地图)/i;
const SENTENCE_PUNCT = /[。；;！!？?]/;

/**
 * Reads page text. Throws ImportError when there is no task table, or when the table's columns
 * are run together without separators (the cells could not be told apart).
 */
export function readText(text: string): TextReading {
	const lines = text.split('\n');
	const header = findHeader(lines);
	if (!header) {
		throw new ImportError(
			'no task table found: no line names the columns of a task table (e.g. 具体任务 / 主要内容 / 完成情况, 序号 | 工作任务 | 进展情况)'
		);
	}
	const meta = readPageMeta(lines.slice(0, header.firstLine));
	const body = header.layout === 'cells' ? readCellRows(lines, header) : readSeparatedRows(lines, header);
	const headerLine = header.firstLine + 1;
	if (body.rows.length === 0) {
		throw new ImportError(
			`no task table found: the header on line ${headerLine} has no complete row under it`,
			headerLine
		);
	}
	const categories = groupRows(body.rows, header.map);
	const {
		year,
		period,
		searched,
		warnings: dated
	} = yearAndPeriod(meta.source, meta.titleLine, header.map, headerLine, meta.period ?? null, meta.opening);
	return {
		source: meta.source,
		year,
		period,
		searched,
		header: { line: headerLine, columns: header.map.columns },
		categories,
		warnings: [...dated, ...body.warnings]
	};
}

// ─── Finding the header ─────────────────────────────────────────────────────────────────────

type Separator = '|' | '\t';

type Header =
	/** One cell per line; `blocks`: cells are separated by blank lines and may span several lines. */
	| { layout: 'cells'; map: HeaderMap; firstLine: number; bodyStart: number; blocks: boolean }
	/** One row per line; `closed`: the header line ends with a separator, so every whole row does. */
	| { layout: 'separated'; map: HeaderMap; firstLine: number; separator: Separator; opened: boolean; closed: boolean };

function findHeader(lines: readonly string[]): Header | null {
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i].trim();
		if (line === '' || line.length > MAX_HEADER_LINE) continue;
		for (const separator of ['|', '\t'] as const) {
			if (!line.includes(separator)) continue;
			const split = splitSeparated(line, separator);
			const map = mapHeader(split.cells);
			if (map)
				return {
					layout: 'separated',
					map,
					firstLine: i,
					separator,
					opened: line.startsWith(separator),
					closed: split.closed
				};
		}
		if (columnRole(line) !== null) {
			const run = headerRun(lines, i);
			const map = mapHeader(run.texts);
			if (map) return { layout: 'cells', map, firstLine: i, bodyStart: run.end, blocks: run.blocks };
			i = Math.max(i, run.end - 1);
			continue;
		}
		rejectUnseparated(line, i + 1);
	}
	return null;
}

/** Consecutive header words, one per line, possibly with blank lines between them. */
function headerRun(lines: readonly string[], start: number): { texts: string[]; end: number; blocks: boolean } {
	const texts: string[] = [];
	let blocks = false;
	let blank = false;
	let end = start;
	for (let j = start; j < lines.length && texts.length < MAX_COLUMNS; j++) {
		const line = lines[j].trim();
		if (line === '') {
			blank = true;
			continue;
		}
		if (line.length > MAX_HEADER_LINE || columnRole(line) === null) break;
		if (texts.length > 0 && blank) blocks = true;
		blank = false;
		texts.push(line);
		end = j + 1;
	}
	return { texts, end, blocks };
}

/**
 * A header whose column names (three or more) are run together (序号工作任务责任单位) or only spaced
 * out means a table flattened without separators: its cells cannot be told apart reliably.
 */
function rejectUnseparated(line: string, lineNo: number): void {
	const spaced = line.split(/\s+/);
	const words = spaced.length > 1 ? spaced : splitRunTogether(line);
	// Two words are too few to tell a header from a title such as 重点任务执行情况.
	if (words && words.length >= 3 && mapHeader(words)) {
		throw new ImportError(
			`the task table has no column separators: its header (${words.join(' / ')}) runs the columns together, so cells cannot be told apart; import the HTML page or an Excel export, or put | between cells`,
			lineNo
		);
	}
}

/**
 * Splits 序号工作任务责任单位 into known header words, longest first; null when it does not split.
 * Only short lines naming a task and its progress are tried, which keeps a long text cheap.
 */
function splitRunTogether(line: string): string[] | null {
	if (line.length > 60 || !/任务|内容|项目名称/.test(line) || !/情况|状态|是否达序/.test(line)) return null;
	const words: string[] = [];
	let i = 0;
	while (i < line.length) {
		let length = Math.min(30, line.length - i);
		while (length >= 2 && columnRole(line.slice(i, i + length)) === null) length--;
		if (length < 2) return null;
		words.push(line.slice(i, i + length));
		i += length;
	}
	return words;
}

/**
 * Splits a line into trimmed cells. A separator closing the line is a border; one opening it is a
 * border only when the header has one too (`opened`), else it marks an empty first cell.
 */
function splitSeparated(
	line: string,
	separator: Separator,
	opened = line.startsWith(separator)
): { cells: string[]; closed: boolean } {
	const cells = line.split(separator).map((cell) => cell.trim());
	if (opened && line.startsWith(separator)) cells.shift();
	const closed = line.endsWith(separator);
	if (closed) cells.pop();
	return { cells, closed };
}

// ─── Rows ───────────────────────────────────────────────────────────────────────────────────

interface Body {
	rows: RawRow[];
	warnings: ImportWarning[];
}

type Shape = 'number' | 'name' | 'prose';

interface Cell {
	text: string;
	line: number;
	shape: Shape;
}

function shapeOf(text: string): Shape {
	if (isRowNumber(text)) return 'number';
	if (text.length <= NAME_MAX && !SENTENCE_PUNCT.test(text)) return 'name';
	return 'prose';
}

/** How badly a cell of this shape fits a column: 0 fits, 1 unusual, 2 does not fit. */
function misfit(role: ColumnRole, shape: Shape): number {
	switch (role) {
		case 'seqNo':
			return shape === 'number' ? 0 : 2;
		case 'category':
		case 'task':
		case 'owner':
		case 'leader':
		case 'statusWord':
			return shape === 'name' ? 0 : 2;
		case 'content':
		case 'statusText':
			return shape === 'prose' ? 0 : 1;
		default:
			return 0;
	}
}

/** The cells below a one-cell-per-line header, up to the page chrome or the end of the text. */
function collectCells(
	lines: readonly string[],
	header: Extract<Header, { layout: 'cells' }>
): { cells: Cell[]; ended: boolean } {
	const cells: Cell[] = [];
	let parts: string[] = [];
	let firstLine = 0;
	const flush = () => {
		if (parts.length === 0) return;
		const text = parts.join('\n');
		cells.push({ text, line: firstLine, shape: shapeOf(text) });
		parts = [];
	};
	for (let j = header.bodyStart; j < lines.length; j++) {
		const line = lines[j].trim();
		if (line === '') {
			flush();
			continue;
		}
		if (CHROME.test(line)) {
			flush();
			return { cells, ended: true };
		}
		if (!header.blocks) flush();
		if (parts.length === 0) firstLine = j + 1;
		parts.push(line);
	}
	flush();
	return { cells, ended: false };
}

/**
 * Aligns one-cell-per-line text to the columns. A spanning category is recognised by shape: a
 * name-like cell where the rest of the row then fits better than without it. A 序号 column
 * anchors rows: a row whose 序号 is not a number, or that meets the next 序号 too early, cannot
 * be aligned and is reported instead of imported.
 */
function readCellRows(lines: readonly string[], header: Extract<Header, { layout: 'cells' }>): Body {
	const { cells, ended } = collectCells(lines, header);
	const columns = header.map.columns;
	const width = columns.length;
	const categoryAt = columns.findIndex((c) => c.role === 'category');
	const seqAt = columns.findIndex((c) => c.role === 'seqNo');
	const rows: RawRow[] = [];
	const warnings: ImportWarning[] = [];
	let category: string | null = null;
	let expectedSeq: number | null = null;
	let i = 0;
	let lastRow: { row: RawRow; complete: boolean; lastColumn: number } | null = null;
	while (i < cells.length) {
		const row: RawRow = { line: cells[i].line, cells: new Array<string>(width).fill(''), category, extras: [] };
		let complete = true;
		let broken: Cell | null = null;
		let lastColumn = -1;
		let started = false;
		for (let k = 0; k < width; k++) {
			if (k === categoryAt) {
				if (i < cells.length && categoryStartsAt(cells, i, columns, k, category === null)) {
					category = cells[i].text;
					row.category = category;
					i++;
				}
				continue;
			}
			if (i >= cells.length) {
				complete = false;
				break;
			}
			const cell = cells[i];
			const seq = cell.shape === 'number' ? rowNumberValue(cell.text) : null;
			if (k === seqAt ? cell.shape !== 'number' : seqAt !== -1 && started && seq !== null && seq === expectedSeq) {
				broken = cell;
				break;
			}
			if (k === seqAt && seq !== null) expectedSeq = seq + 1;
			if (!started) row.line = cell.line;
			started = true;
			row.cells[k] = cell.text;
			lastColumn = k;
			i++;
		}
		if (broken) {
			warnings.push(
				started
					? {
							line: row.line,
							message: `第${row.line}行起的一行缺少单元格（第${broken.line}行已是下一个序号${broken.text}），与表头的列对不上，未导入`
						}
					: {
							line: broken.line,
							message: `第${broken.line}行的${quote(broken.text)}处应为序号，与表头的列对不上，到下一个序号之前的内容未导入`
						}
			);
			i = nextRowStart(cells, i + (broken.shape === 'number' ? 0 : 1), expectedSeq);
			lastRow = null;
			continue;
		}
		rows.push(row);
		lastRow = { row, complete, lastColumn };
	}
	if (
		lastRow &&
		(!lastRow.complete || (!ended && lastCellCut(rows, lastRow.lastColumn, columns[lastRow.lastColumn]?.role)))
	) {
		rows.pop();
		warnings.push(
			ended
				? {
						line: lastRow.row.line,
						message: `第${lastRow.row.line}行起的一行缺少单元格，未导入：${rowLabel(lastRow.row, columns)}`
					}
				: truncation(lastLineOf(lines, header.bodyStart), lastRow.row, columns)
		);
	}
	return { rows, warnings };
}

/**
 * Whether the name-like cell at `i` is a (new) category rather than the row's first own cell:
 * scores the next cells against both readings and takes the one that fits better. `required`
 * (no category yet) settles a tie for the category, since the first row always carries it.
 */
function categoryStartsAt(
	cells: readonly Cell[],
	i: number,
	columns: readonly Column[],
	at: number,
	required: boolean
): boolean {
	if (cells[i].shape !== 'name') return false;
	const roles = columns.map((c) => c.role);
	const rest = roles.slice(at + 1).map((role) => [role]);
	const withoutCategory = roles.filter((_, k) => k !== at);
	const nextRow = (k: number) =>
		[roles[k], withoutCategory[k]].filter((role): role is ColumnRole => role !== undefined);
	const present = score(cells, i, [['category'], ...rest, nextRow(0)]);
	const absent = score(cells, i, [...rest, nextRow(0), nextRow(1)]);
	return present < absent || (present === absent && required);
}

function score(cells: readonly Cell[], start: number, slots: readonly ColumnRole[][]): number {
	let total = 0;
	for (let s = 0; s < slots.length && start + s < cells.length; s++) {
		const shape = cells[start + s].shape;
		total += slots[s].length === 0 ? 0 : Math.min(...slots[s].map((role) => misfit(role, shape)));
	}
	return total;
}

/** Where reading resumes after a row that could not be aligned: the next 序号. */
function nextRowStart(cells: readonly Cell[], from: number, expectedSeq: number | null): number {
	for (let j = from; j < cells.length; j++) {
		const seq = cells[j].shape === 'number' ? rowNumberValue(cells[j].text) : null;
		if (seq !== null && (expectedSeq === null || seq >= expectedSeq)) return j;
	}
	return cells.length;
}

/**
 * Aligns `|`- or tab-separated rows. A line whose 序号 (or task) cell is empty continues the row
 * above: a lone text in the first cell is a sub-item of the task (新增学位810个), other cells add to
 * their column. A line with the wrong number of cells is reported, never shifted into place.
 */
function readSeparatedRows(lines: readonly string[], header: Extract<Header, { layout: 'separated' }>): Body {
	const columns = header.map.columns;
	const width = columns.length;
	const seqAt = columns.findIndex((c) => c.role === 'seqNo');
	const keyAt =
		seqAt !== -1
			? seqAt
			: Math.max(
					0,
					columns.findIndex((c) => c.role === 'task' || c.role === 'content')
				);
	const categoryAt = columns.findIndex((c) => c.role === 'category');
	const { end, ended, lastSeparated } = separatedExtent(lines, header);
	const finalLine = ended ? -1 : lastNonEmpty(lines, end);
	const firstTrailing = nextNonEmpty(lines, lastSeparated + 1);
	const rows: RawRow[] = [];
	const warnings: ImportWarning[] = [];
	let category: string | null = null;
	for (let j = header.firstLine + 1; j < end; j++) {
		const line = lines[j].trim();
		if (line === '') continue;
		const lineNo = j + 1;
		const atEnd = j === finalLine;
		const { cells, closed } = line.includes(header.separator)
			? splitSeparated(line, header.separator, header.opened)
			: { cells: [line], closed: false };
		if (j > lastSeparated) {
			// Text after the last row: the page ends mid-row, or the table has simply ended.
			if (atEnd && j === firstTrailing) warnings.push(truncationOfLine(lineNo, line));
			break;
		}
		const fits = cells.length === width || (cells.length > width && cells.slice(width).every((c) => c === ''));
		if (!fits || (atEnd && header.closed && !closed)) {
			warnings.push(
				atEnd
					? truncationOfLine(lineNo, line)
					: {
							line: lineNo,
							message: `第${lineNo}行有${cells.length}个单元格，表头有${width}列，无法对齐，未导入：${quote(line)}`
						}
			);
			continue;
		}
		const row = cells.slice(0, width);
		const key = row[keyAt];
		const startsRow = seqAt !== -1 ? isRowNumber(key) || oddNumber(row, keyAt) : key !== '';
		if (startsRow) {
			if (seqAt !== -1 && !isRowNumber(key)) warnings.push(oddNumberWarning(lineNo, key));
			if (categoryAt !== -1 && row[categoryAt] !== '') category = row[categoryAt];
			rows.push({ line: lineNo, cells: row, category, extras: [] });
			continue;
		}
		const previous = rows.at(-1);
		if (!previous) {
			warnings.push({ line: lineNo, message: `第${lineNo}行不是任务行，也不接在任务行之后，未导入：${quote(line)}` });
			continue;
		}
		continueRow(previous, row, [keyAt]);
	}
	// Without closing separators, a cut-off final row shows only in its last cell's punctuation.
	const last = rows.at(-1);
	if (
		last &&
		!header.closed &&
		last.line === finalLine + 1 &&
		lastCellCut(
			rows,
			last.cells.findLastIndex((c) => c !== ''),
			columns[last.cells.findLastIndex((c) => c !== '')]?.role
		)
	) {
		rows.pop();
		warnings.push(truncationOfLine(last.line, lines[finalLine].trim()));
	}
	return { rows, warnings };
}

/** The table's lines: up to the page chrome or the end; and the last line that has a separator. */
function separatedExtent(
	lines: readonly string[],
	header: Extract<Header, { layout: 'separated' }>
): { end: number; ended: boolean; lastSeparated: number } {
	let lastSeparated = header.firstLine;
	for (let j = header.firstLine + 1; j < lines.length; j++) {
		const line = lines[j].trim();
		if (CHROME.test(line)) return { end: j, ended: true, lastSeparated };
		if (line.includes(header.separator)) lastSeparated = j;
	}
	return { end: lines.length, ended: false, lastSeparated };
}

function lastNonEmpty(lines: readonly string[], end: number): number {
	for (let j = end - 1; j >= 0; j--) if (lines[j].trim() !== '') return j;
	return -1;
}

function nextNonEmpty(lines: readonly string[], from: number): number {
	for (let j = from; j < lines.length; j++) if (lines[j].trim() !== '') return j;
	return -1;
}

/** The 1-based number of the last non-empty line at or after `from`: where a cut-off page stops. */
function lastLineOf(lines: readonly string[], from: number): number {
	return Math.max(lastNonEmpty(lines, lines.length), from) + 1;
}

function truncation(line: number, row: RawRow, columns: readonly Column[]): ImportWarning {
	return { line, message: `文档在此行中断（截断），第${row.line}行起的任务不完整，未导入：${rowLabel(row, columns)}` };
}

function truncationOfLine(line: number, text: string): ImportWarning {
	return { line, message: `文档在此行中断（截断），该行不完整，未导入：${quote(text)}` };
}
