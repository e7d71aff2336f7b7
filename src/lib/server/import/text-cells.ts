/**
 * Page text with one cell per line (a table copied from a browser): the cells aligned to the
 * header's columns by their shape — a 序号 is a number, a name is short, a narrative is prose.
 */
import type { Column, ColumnRole } from './columns';
import { isRowNumber, rowNumberValue } from './numbering';
import { lastCellCut, quote, rowLabel, type RawRow } from './table';
import { CHROME, lastLineOf, truncation, type Body, type CellsHeader } from './text-lines';
import type { ImportWarning } from './types';

/** A cell up to this long without sentence punctuation is name-like (a category, task, unit). */
const NAME_MAX = 40;
const SENTENCE_PUNCT = /[。；;！!？?]/;

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
function collectCells(lines: readonly string[], header: CellsHeader): { cells: Cell[]; ended: boolean } {
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
export function readCellRows(lines: readonly string[], header: CellsHeader): Body {
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
