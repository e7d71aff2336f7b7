/**
 * A table copied from a browser one cell per line: each cell's (last) line ends in ` |`, and a line
 * of only `|`s closes a row. Cells left empty vanish from such a copy, so a row may have fewer
 * cells than the header; they are put back under their columns by what they hold (a 序号, a
 * person's name under 分管领导, a unit under 责任单位, 是/否 under 是否达序, sentences under a text
 * column). The rows then go to the grid reader like an HTML table's: every format of one table
 * gives the same reading. A header over two rows (a group header over its period columns) is read
 * with the group's cells joined to each sub-column.
 */
import { columnRole, mapHeader, type ColumnRole } from './columns';
import { readGrid, type Grid, type GridRow } from './grid';
import { mapReportedStatus } from './infer-status';
import { isRowNumber } from './numbering';
import { PERSON, quote, UNIT, type TableReading } from './table';
import type { ImportWarning } from './types';

interface Cell {
	text: string;
	line: number;
}

interface Row {
	cells: Cell[];
	/** The line of `|`s that closed it, or null for a row the document ends in. */
	closedAt: number | null;
}

const CELL_END = / \|$/;
const ROW_END = /^\|+$/;
/** How many cell lines make a page a cell-per-line table. */
const MIN_CELL_LINES = 4;

/** Whether page text is a table copied one cell per line (cells ending in ` |`, rows closed by `|||`). */
export function isCellLines(text: string): boolean {
	let cells = 0;
	let closers = 0;
	for (const line of text.split('\n')) {
		const trimmed = line.trim();
		if (ROW_END.test(trimmed)) closers++;
		else if (CELL_END.test(trimmed) && trimmed.indexOf('|') === trimmed.length - 1) cells++;
	}
	return cells >= MIN_CELL_LINES && closers >= 1;
}

/** Reads a cell-per-line table; the header is the first row that names task columns. */
export function readCellLines(text: string): TableReading {
	const lines = text.split('\n');
	const { before, rows } = splitRows(lines);
	const headerAt = rows.findIndex((row) => mapHeader(row.cells.map((c) => c.text)) !== null);
	// No row names task columns: the grid reader refuses it in the words every format uses.
	if (headerAt === -1) return readGrid({ rows: [], end: 'whole', lastLine: lines.length }, 'the table');
	const top = rows[headerAt].cells.map((c) => c.text);
	const below = rows[headerAt + 1]?.cells.map((c) => c.text) ?? [];
	const joined = isSubHeader(below) ? joinHeader(top, below) : null;
	const header = joined ?? top;
	const map = mapHeader(header)!;
	const roles = map.columns.map((c) => c.role);
	const warnings: ImportWarning[] = [];
	const body = rows.slice(headerAt + (joined ? 2 : 1));
	const gridRows: GridRow[] = [
		{ line: rows[headerAt].cells[0].line, cells: header.map((text) => gridCell(text, rows[headerAt].cells[0].line)) },
		...body.map((row) => ({ line: row.cells[0].line, cells: alignCells(row.cells, roles, warnings) }))
	];
	const last = body.at(-1);
	const grid: Grid = {
		rows: gridRows,
		before: [...before, ...rows.slice(0, headerAt).flatMap((r) => r.cells)],
		end: last && last.closedAt === null ? 'cut' : 'whole',
		lastLine: lastLine(lines)
	};
	const reading = readGrid(grid, 'the table');
	reading.warnings.push(...warnings);
	return reading;
}

function gridCell(text: string, line: number): GridRow['cells'][number] {
	return { text, line, ref: null, span: null };
}

function lastLine(lines: readonly string[]): number {
	for (let k = lines.length - 1; k >= 0; k--) if (lines[k].trim() !== '') return k + 1;
	return 1;
}

/** Lines → rows of cells; a cell spans lines up to the one ending in ` |`. Lines before the first cell are the page head. */
function splitRows(lines: readonly string[]): { before: Cell[]; rows: Row[] } {
	const before: Cell[] = [];
	const rows: Row[] = [];
	let cells: Cell[] = [];
	let parts: string[] = [];
	let start = 0;
	lines.forEach((raw, k) => {
		const line = raw.trim();
		if (ROW_END.test(line)) {
			if (parts.length > 0) cells.push({ text: parts.join('\n'), line: start });
			if (cells.length > 0) rows.push({ cells, closedAt: k + 1 });
			cells = [];
			parts = [];
			return;
		}
		if (line === '') return;
		if (
			rows.length === 0 &&
			cells.length === 0 &&
			parts.length === 0 &&
			!CELL_END.test(line) &&
			!nextIsCell(lines, k)
		) {
			before.push({ text: line, line: k + 1 });
			return;
		}
		if (parts.length === 0) start = k + 1;
		parts.push(line.replace(CELL_END, '').trim());
		if (CELL_END.test(line)) {
			cells.push({ text: parts.join('\n'), line: start });
			parts = [];
		}
	});
	if (parts.length > 0) cells.push({ text: parts.join('\n'), line: start });
	if (cells.length > 0) rows.push({ cells, closedAt: null });
	return { before, rows };
}

/** Whether a line without ` |` starts a cell that the next line closes (a header broken over two lines). */
function nextIsCell(lines: readonly string[], k: number): boolean {
	const next = lines[k + 1]?.trim() ?? '';
	return CELL_END.test(next) && columnRole(`${lines[k].trim()}${next.replace(CELL_END, '')}`) !== null;
}

/** A second header row: period names or header words only (1-10月, 1-11月), no row number. */
function isSubHeader(cells: readonly string[]): boolean {
	return (
		cells.length > 0 &&
		cells.every(
			(c) =>
				!isRowNumber(c) && (columnRole(c) !== null || /^\d{1,2}\s*[-—~至]\s*\d{1,2}\s*月|季度|上半年|全年/u.test(c))
		)
	);
}

/**
 * A two-row header whose group cells (推进情况 over 1-10月 and 1-11月) appear once: tries each top
 * cell, then each pair, as the group over the bottom cells, and keeps the first reading that maps.
 */
function joinHeader(top: readonly string[], bottom: readonly string[]): string[] | null {
	const tryGroups = (groups: { at: number; size: number }[]): string[] | null => {
		const cells: string[] = [];
		let b = 0;
		top.forEach((cell, k) => {
			const group = groups.find((g) => g.at === k);
			if (!group) return cells.push(cell);
			for (let s = 0; s < group.size; s++) cells.push(`${bottom[b++]}${cell}`);
		});
		return mapHeader(cells) ? cells : null;
	};
	for (let j = 0; j < top.length; j++) {
		const one = tryGroups([{ at: j, size: bottom.length }]);
		if (one) return one;
	}
	for (let j = 0; j < top.length; j++)
		for (let k = j + 1; k < top.length; k++)
			for (let a = 1; a < bottom.length; a++) {
				const two = tryGroups([
					{ at: j, size: a },
					{ at: k, size: bottom.length - a }
				]);
				if (two) return two;
			}
	return null;
}

// ─── Putting cells back under their columns ─────────────────────────────────────────────────

type Role = ColumnRole;

const SENTENCE = /[。；;！!？?]/u;
const NO_FIT = 99;

function kindCost(text: string, role: Role): number {
	const unit = UNIT.test(text) && text.length <= 60 && !SENTENCE.test(text);
	const person = PERSON.test(text) && !unit && !/[一二三四五六七八九十\d]$/u.test(text);
	const word = text.length <= 10 && mapReportedStatus(text, { quarter: 4, months: null }) !== null;
	const nameLike = text.length <= 40 && !SENTENCE.test(text);
	switch (role) {
		case 'seqNo':
			return isRowNumber(text) ? 0 : NO_FIT;
		case 'leader':
			return person ? 0 : NO_FIT;
		case 'owner':
			return unit ? 0 : person || word ? NO_FIT : nameLike ? 3 : NO_FIT;
		case 'statusWord':
			return word ? 0 : NO_FIT;
		case 'category':
		case 'task':
			return isRowNumber(text) ? NO_FIT : unit || word ? 2 : person ? 1 : nameLike ? 0 : 1;
		default:
			return isRowNumber(text) ? NO_FIT : person || unit || word ? 2 : nameLike ? 1 : 0;
	}
}

/**
 * A row's cells under the header's columns: as they stand when none is missing; else the one
 * order-keeping placement that fits best. Where several fit equally, the row is kept, placed
 * with its text under the status column, and a warning says so.
 */
function alignCells(cells: readonly Cell[], roles: readonly Role[], warnings: ImportWarning[]): GridRow['cells'] {
	const line = cells[0].line;
	const out = roles.map(() => gridCell('', line));
	if (cells.length >= roles.length) {
		cells.forEach((cell, k) => (out[k] = gridCell(cell.text, cell.line)));
		return out;
	}
	const best = placements(cells, roles);
	if (best.length === 0) {
		warnings.push({
			line,
			message: `第${line}行的单元格与表头的列对不上（空单元格在复制时丢失），按顺序导入，请核对：${quote(cells.map((c) => c.text).join(' | '))}`
		});
		cells.forEach((cell, k) => (out[k] = gridCell(cell.text, cell.line)));
		return out;
	}
	const chosen = best.length === 1 ? best[0] : preferStatus(best, roles);
	chosen.forEach((column, k) => (out[column] = gridCell(cells[k].text, cells[k].line)));
	if (best.length > 1) {
		const unsure = cells.filter((_, k) => new Set(best.map((p) => p[k])).size > 1).map((c) => quote(c.text));
		warnings.push({
			line,
			message: `第${line}行缺少单元格（空单元格在复制时丢失），${unsure.join('、')}可归入不止一列，已按内容最可能的列导入，请核对`
		});
	}
	return out;
}

/** Every order-keeping placement of the cells in the columns at the lowest total cost. */
function placements(cells: readonly Cell[], roles: readonly Role[]): number[][] {
	let best: number[][] = [];
	let bestCost = NO_FIT;
	const walk = (i: number, from: number, cost: number, taken: number[]) => {
		if (cost >= NO_FIT || cost > bestCost) return;
		if (i === cells.length) {
			if (cost < bestCost) best = [];
			bestCost = cost;
			best.push([...taken]);
			return;
		}
		for (let k = from; k <= roles.length - (cells.length - i); k++) {
			walk(i + 1, k + 1, cost + kindCost(cells[i].text, roles[k]), [...taken, k]);
		}
	};
	walk(0, 0, 0, []);
	return best;
}

/** Among equal placements, the one that puts text under the status column (what a progress report fills). */
function preferStatus(options: readonly number[][], roles: readonly Role[]): number[] {
	const score = (p: readonly number[]) => p.filter((k) => roles[k] === 'statusText').length;
	return [...options].sort((a, b) => score(b) - score(a))[0];
}
