/**
 * The rows under a grid's header (grid.ts): task rows, categories spanning rows, section headings,
 * continuation rows, rows that do not fit the header — each warned with its place — and a table
 * cut off mid-row.
 */
import type { Column } from './columns';
import type { Grid, GridCell, GridHeader, GridRow } from './grid';
import { isRowNumber } from './numbering';
import { continueRow, lastCellCut, oddNumber, oddNumberWarning, quote, rowLabel, type RawRow } from './table';
import type { ImportWarning } from './types';

/** A note under the table (注：…, 填报人：…) ends it. */
const NOTE_ROW =
	/^(?:注|备注|说明|附注|填报说明|填表说明|制表|制表人|填报人|填表人|审核人|负责人|联系人|联系电话)\s*[:：\d１-９]/;
/** A section heading row in a table without a category column: 一、坚持引育并举…, （二）… */
const SECTION = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])\s*\S/;

/** 第7行, or 第7行（Sheet1!A7） in a spreadsheet. */
export function place(grid: Grid, row: GridRow, cell?: GridCell): string {
	const ref = (cell ?? row.cells.find((c) => c.text !== '') ?? row.cells[0])?.ref;
	return grid.sheet && ref ? `第${row.line}行（${grid.sheet}!${ref}）` : `第${row.line}行`;
}

export interface Body {
	rows: RawRow[];
	warnings: ImportWarning[];
}

/**
 * The rows under the header. Each is a task row, a continuation of the task above (its key cell
 * is covered by a merged cell from above, or empty), a section heading (a category), a note that
 * ends the table, or a row that does not fit — reported, never shifted into other columns.
 */
export function readBody(grid: Grid, header: GridHeader): Body {
	const columns = header.map.columns;
	const width = columns.length;
	const seqAt = columns.findIndex((c) => c.role === 'seqNo');
	const taskAt = columns.findIndex((c) => c.role === 'task' || c.role === 'content');
	const keyAt = seqAt !== -1 ? seqAt : Math.max(0, taskAt);
	const categoryAt = columns.findIndex((c) => c.role === 'category');
	const leadingCategories = columns.findIndex((c) => c.role !== 'category');
	const subItemAt = [keyAt, taskAt].filter((k) => k !== -1 && k !== categoryAt);
	const rows: RawRow[] = [];
	const warnings: ImportWarning[] = [];
	let category: string | null = null;
	let last: RawRow | null = null;
	const body = grid.rows.slice(header.at + header.depth);
	const finalIndex = body.findLastIndex((row) => row.cells.some((c) => c.text.trim() !== ''));
	for (let r = 0; r <= finalIndex; r++) {
		const source = body[r];
		const atEnd = r === finalIndex && grid.end !== 'whole';
		let cells = source.cells.slice(header.offset);
		const own = (cell: GridCell | undefined) => (cell && cell.span === null ? cell.text.trim() : '');
		const filled = cells.map((c, k) => (own(c) === '' ? -1 : k)).filter((k) => k !== -1);
		if (filled.length === 0) continue;
		if (filled.length === 1 && NOTE_ROW.test(own(cells[filled[0]]))) break;
		const beyond = filled.filter((k) => k >= width);
		if (beyond.length > 0) {
			const extra = cells[beyond[0]];
			if (atEnd) {
				warnings.push(truncationOfRow(grid, source));
				break;
			}
			if (!grid.fixedColumns) {
				warnings.push({
					line: source.line,
					message: `${place(grid, source)}有${filled.at(-1)! + 1}个单元格，表头有${width}列，无法对齐，未导入：${quote(rowText(cells))}`
				});
				continue;
			}
			warnings.push({
				line: source.line,
				message: `${place(grid, source, extra)}在表头之外的列有内容，已忽略：${quote(extra.text)}`
			});
		}
		cells = cells.slice(0, width);
		// A category on a row of its own (its cell not merged over the tasks under it), or a section heading.
		if (filled.length === 1 && filled[0] < width && (filled[0] === categoryAt || isSection(cells, filled[0], width))) {
			category = own(cells[filled[0]]);
			continue;
		}
		if (cells.length < width && grid.fixedColumns) {
			// A spreadsheet row simply ends at its last cell with a value.
			const blank: GridCell = { text: '', line: source.line, ref: null, span: null };
			cells = [...cells, ...Array.from({ length: width - cells.length }, () => blank)];
		}
		if (cells.length < width) {
			const aligned = alignShortRow(cells, width, filled, leadingCategories, last);
			if (!aligned) {
				warnings.push(
					atEnd
						? truncationOfRow(grid, source)
						: {
								line: source.line,
								message: `${place(grid, source)}有${cells.length}个单元格，表头有${width}列，无法对齐，未导入：${quote(rowText(cells))}`
							}
				);
				continue;
			}
			cells = aligned;
		}
		const odd = seqAt !== -1 && cells[seqAt].span === null && !isRowNumber(own(cells[seqAt]), { subNumbers: true });
		const keepOdd = odd && oddNumber(cells.map(own), seqAt);
		if (keepOdd) warnings.push(oddNumberWarning(source.line, own(cells[seqAt])));
		const continues = !keepOdd && continuesAbove(cells, keyAt, seqAt, taskAt, categoryAt, filled.length);
		if (continues) {
			if (atEnd && grid.end === 'cut') {
				warnings.push(truncationOfRow(grid, source));
				break;
			}
			if (!last) {
				warnings.push({
					line: source.line,
					message: `${place(grid, source)}不是任务行，也不接在任务行之后，未导入：${quote(rowText(cells))}`
				});
				continue;
			}
			continueRow(last, cells.map(own), subItemAt);
			continue;
		}
		if (categoryAt !== -1 && cells[categoryAt].text.trim() !== '') category = cells[categoryAt].text.trim();
		const row: RawRow = { line: source.line, cells: cells.map((c) => c.text.trim()), category, extras: [] };
		if (grid.sheet) row.ref = `${grid.sheet}!${cells[0].ref ?? ''}`;
		if (atEnd && (grid.end === 'cut' || lastCellCut([...rows, row], lastFilled(row), columns[lastFilled(row)]?.role))) {
			warnings.push(truncation(grid, row, columns));
			break;
		}
		rows.push(row);
		last = row;
	}
	return { rows, warnings };
}

/**
 * Whether a row continues the task above rather than starting one: its key cell (序号, else the
 * task) is covered by a merged cell from above, or is empty, or — with a 序号 column — holds no
 * number (a sub-item flattened into the first column). A row with an empty 序号 but its own task
 * and more cells is a task whose number was left out.
 */
export function continuesAbove(
	cells: readonly GridCell[],
	keyAt: number,
	seqAt: number,
	taskAt: number,
	categoryAt: number,
	filled: number
): boolean {
	const key = cells[keyAt];
	const text = key.text.trim();
	if (keyAt === categoryAt) return text === '';
	if (key.span === 'above') return true;
	if (seqAt === -1) return text === '';
	if (text === '')
		return !(taskAt !== -1 && cells[taskAt].span === null && cells[taskAt].text.trim() !== '' && filled >= 2);
	return !isRowNumber(text, { subNumbers: true });
}

export function rowText(cells: readonly GridCell[]): string {
	return cells
		.filter((c) => c.span === null)
		.map((c) => c.text.trim())
		.join(' | ');
}

export function lastFilled(row: RawRow): number {
	return row.cells.findLastIndex((c) => c !== '');
}

/**
 * A row with a single text that is a section heading rather than a task: merged from the first
 * (or second, after 序号) column to the table's end, or numbered like one (一、…, （二）…).
 */
export function isSection(cells: readonly GridCell[], at: number, width: number): boolean {
	if (cells.length === width && at <= 1 && width - at > 2 && cells.slice(at + 1).every((c) => c.span === 'left'))
		return true;
	return SECTION.test(cells[at].text.trim()) && cells.every((c, k) => k === at || c.text.trim() === '');
}

/**
 * A row with fewer cells than the header, aligned only where that is safe: a lone text (a
 * sub-item under the row above, read as a continuation), or a row missing exactly the leading
 * category cells that span rows in the page but were flattened away (it keeps the category above).
 */
export function alignShortRow(
	cells: readonly GridCell[],
	width: number,
	filled: readonly number[],
	leadingCategories: number,
	last: RawRow | null
): GridCell[] | null {
	const pad = (from: readonly GridCell[]) => [
		...from,
		...Array.from({ length: width - from.length }, () => ({ ...from[0], text: '', span: null }))
	];
	if (filled.length === 1 && cells.length >= 1) return pad(cells);
	if (last && leadingCategories > 0 && cells.length === width - leadingCategories) {
		const inherited = Array.from({ length: leadingCategories }, (_, k) => ({
			...cells[0],
			text: last.cells[k] ?? '',
			span: 'above' as const
		}));
		return [...inherited, ...cells];
	}
	return null;
}

export function truncation(grid: Grid, row: RawRow, columns: readonly Column[]): ImportWarning {
	return {
		line: grid.lastLine,
		message: `文档在此行中断（截断），第${row.line}行起的任务不完整，未导入：${rowLabel(row, columns)}`
	};
}

export function truncationOfRow(grid: Grid, row: GridRow): ImportWarning {
	return {
		line: grid.lastLine,
		message: `文档在此行中断（截断），第${row.line}行起的一行不完整，未导入：${quote(rowText(row.cells))}`
	};
}
