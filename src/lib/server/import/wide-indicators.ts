/**
 * A wide indicator table — regions down, indicators across, each indicator with its measures
 * (目标任务 / 进度 / 完成比例) — flattened to one cell per line, as a browser copies it → the shared
 * TableReading: one row per indicator, with the figures of the total row (全市, 合计) and each
 * region's figures in its notes. Cells left empty vanish from such a copy, so a row's numbers are
 * put under their indicators by what they are: a target, an actual and a percent that is actual ÷
 * target; an indicator that has no percent column in a row (a ceiling: 失业率低于4.3%) takes two.
 * A row whose numbers fit more than one way, or none, is kept out with a warning — never shifted.
 */
import { isoDate, readPageMeta } from './page-meta';
import { pagePeriod } from './prose-page';
import type { ReadRow, RowFigures, TableReading } from './table';
import type { ImportWarning } from './types';

interface Cell {
	text: string;
	line: number;
}

type Measure = 'target' | 'actual' | 'percent';

interface Block {
	groups: string[];
	indicators: string[];
	owners: string[];
	measures: Measure[];
	rows: { region: Cell; values: Cell[] }[];
	/** The document ends in this block's last row, which may have been cut. */
	cut: boolean;
}

/** The header cell over the regions. */
const REGION_HEADER = /^(?:地区|地\s*区|区域|县[（(]市、?区[)）]|区县|单位)$/u;
/** Measure headers, also as printed broken over two cells (目标 / 任务). */
const MEASURES: [RegExp, Measure][] = [
	[/^(?:目标任务|目标|任务|目标值|年度目标|计划)$/u, 'target'],
	[/^(?:进度|完成|完成数|完成值|实际完成|累计完成)$/u, 'actual'],
	[/^(?:完成比例|完成率|完成进度|比例)(?:[（(]%[)）])?$/u, 'percent']
];
const NUMBER = /^-?\d{1,12}(?:\.\d{1,6})?$/;
const TOTAL_ROW = /^(?:全市|全区|全县|全省|合计|总计|全州|全盟)$/u;
const OWNER = /(?:局|委|办|会|联|团市委|团区委|公司|中心)$/u;
/** An indicator that must stay under its target (a ceiling). */
const CEILING = /低于|以内|以下|控制在|不超过|不高于/u;
/** How far a printed percent may be from actual ÷ target (rounding). */
const PERCENT_TOLERANCE = 0.6;

/** Reads page text as a wide indicator table; null when it has none. */
export function readWideText(text: string): TableReading | null {
	const lines = text.split('\n');
	const cells = cellsOf(lines);
	const first = cells.findIndex((c) => REGION_HEADER.test(c.text));
	if (first === -1) return null;
	const warnings: ImportWarning[] = [];
	const blocks: Block[] = [];
	let at = first;
	while (at !== -1 && at < cells.length) {
		const next = cells.findIndex((c, k) => k > at && REGION_HEADER.test(c.text));
		// The document ends inside the last block's numbers: its last row may be cut off.
		const cut = next === -1 && NUMBER.test(cells.at(-1)!.text);
		const block = readBlock(cells.slice(at + 1, next === -1 ? cells.length : next), cut, warnings);
		if (block) blocks.push(block);
		at = next;
	}
	const rows = blocks.flatMap((block) => blockRows(block, warnings));
	if (rows.length === 0) return null;
	const meta = readPageMeta(lines.slice(0, cells[first].line - 1));
	const source = { ...meta.source };
	source.publishedOn ??=
		lines
			.slice(0, cells[first].line - 1)
			.map(isoDate)
			.find((d) => d !== null) ?? null;
	const dated = pagePeriod(source, []);
	const categories: TableReading['categories'] = [];
	for (const { category, row } of rows) {
		const current = categories.at(-1);
		if (current && current.name === category) current.rows.push(row);
		else categories.push({ name: category, rows: [row] });
	}
	return {
		source,
		year: dated.year,
		period: dated.period,
		searched: dated.searched,
		header: { line: cells[first].line, columns: [] },
		categories,
		warnings: [...dated.warnings, ...warnings]
	};
}

/**
 * Non-empty lines as cells — a row of a page's table (cells between ` | `) gives one cell each, so an
 * HTML or CSV table reads as its copy; a line holding only a unit ((人次)) belongs to the cell above.
 */
function cellsOf(lines: readonly string[]): Cell[] {
	const cells: Cell[] = [];
	lines.forEach((raw, k) => {
		for (const part of raw.includes(' |') ? raw.split('|') : [raw]) {
			const text = part.trim();
			if (text === '') continue;
			if (/^[（(][^）)]{1,6}[)）]$/u.test(text) && cells.length > 0) cells[cells.length - 1].text += text;
			else cells.push({ text, line: k + 1 });
		}
	});
	return cells;
}

/** One block under a 地区 header: its header cells, then rows of a region and its numbers. */
function readBlock(cells: readonly Cell[], last: boolean, warnings: ImportWarning[]): Block | null {
	const measureAt = cells.findIndex((c) => measureOf(c.text) !== null);
	if (measureAt === -1) return null;
	const heads = cells.slice(0, measureAt).map((c) => c.text);
	const indicators = heads.filter((h) => /[（(][^）)]{1,6}[)）]$/u.test(h) && !OWNER.test(h));
	if (indicators.length === 0) return null;
	const measures: Measure[] = [];
	let k = measureAt;
	for (; k < cells.length; k++) {
		const joined = k + 1 < cells.length ? measureOf(cells[k].text + cells[k + 1].text) : null;
		if (joined) {
			measures.push(joined);
			k++;
			continue;
		}
		const measure = measureOf(cells[k].text);
		if (!measure) break;
		measures.push(measure);
	}
	if (measures.length % indicators.length !== 0) {
		warnings.push({
			line: cells[measureAt].line,
			message: `第${cells[measureAt].line}行起的表头有${indicators.length}项指标、${measures.length}个度量列，对不上，该表未导入`
		});
		return null;
	}
	const rows: Block['rows'] = [];
	for (; k < cells.length; k++) {
		if (NUMBER.test(cells[k].text)) rows.at(-1)?.values.push(cells[k]);
		else rows.push({ region: cells[k], values: [] });
	}
	const firstIndicator = heads.indexOf(indicators[0]);
	return {
		groups: heads.slice(0, firstIndicator),
		indicators,
		owners: heads.slice(firstIndicator).filter((h) => !indicators.includes(h) && OWNER.test(h)),
		measures: measures.slice(0, measures.length / indicators.length),
		rows,
		cut: last
	};
}

function measureOf(text: string): Measure | null {
	return MEASURES.find(([pattern]) => pattern.test(text.replace(/\s+/g, '')))?.[1] ?? null;
}

type Figures = { target: number; actual: number; percent: number | null } | null;

/**
 * Puts a row's numbers under the indicators: each takes its measures in full (a percent must
 * equal actual ÷ target), target and actual only where it is a rate with no percent printed
 * (`pairs`: 失业率低于4.3% has no 完成比例), or nothing (all empty). Returns the one way that uses
 * every number, or null when there is none or more than one.
 */
export function alignValues(values: readonly number[], pairs: readonly boolean[], width: number): Figures[] | null {
	const indicators = pairs.length;
	// ways(i, k): how many placements (0, 1, or 2 for "more than one") put values[i..] under indicators[k..], and one of them.
	const memo = new Map<number, { count: number; rest: Figures[] }>();
	const ways = (i: number, k: number): { count: number; rest: Figures[] } => {
		if (k === indicators) return { count: i === values.length ? 1 : 0, rest: [] };
		const key = i * (indicators + 1) + k;
		const known = memo.get(key);
		if (known) return known;
		const options: [number, Figures][] = [[0, null]];
		if (width === 3 && i + 3 <= values.length && percentFits(values[i], values[i + 1], values[i + 2]))
			options.push([3, { target: values[i], actual: values[i + 1], percent: values[i + 2] }]);
		const pairFits = width === 2 || (pairs[k] && !percentFits(values[i], values[i + 1], values[i + 2] ?? NaN));
		if (i + 2 <= values.length && pairFits)
			options.push([2, { target: values[i], actual: values[i + 1], percent: null }]);
		let count = 0;
		let rest: Figures[] = [];
		for (const [taken, figures] of options) {
			const next = ways(i + taken, k + 1);
			if (next.count > 0 && count === 0) rest = [figures, ...next.rest];
			count = Math.min(2, count + next.count);
		}
		const result = { count, rest };
		memo.set(key, result);
		return result;
	};
	const { count, rest } = ways(0, 0);
	return count === 1 ? rest : null;
}

function percentFits(target: number, actual: number, percent: number): boolean {
	if (!(target > 0) || !Number.isFinite(percent)) return false;
	return Math.abs((actual / target) * 100 - percent) <= Math.max(PERCENT_TOLERANCE, percent * 0.005);
}

/** The rows of a block: one per indicator, from the total row, with every region's figures as notes. */
function blockRows(block: Block, warnings: ImportWarning[]): { category: string | null; row: ReadRow }[] {
	const width = block.measures.length;
	const aligned = block.rows.map((row, k) => {
		const cut = block.cut && k === block.rows.length - 1;
		return { row, figures: cut ? cutRow(row, block, warnings) : alignRow(row, block, width, warnings) };
	});
	const total = aligned.find((a) => TOTAL_ROW.test(a.row.region.text));
	const category = block.groups.join(' · ') || null;
	const owner = block.owners.length === 1 ? block.owners[0] : null;
	return block.indicators.flatMap((indicator, k) => {
		const own = total?.figures?.[k] ?? null;
		if (!own || !total) return [];
		const notes = aligned
			.filter((a) => a !== total && a.figures?.[k])
			.map((a) => `${a.row.region.text}：${describe(a.figures![k]!)}`);
		const row: ReadRow = {
			line: total.row.region.line,
			seqNo: null,
			name: indicator,
			content: null,
			periodTarget: null,
			statusText: `${total.row.region.text}：${describe(own)}`,
			statusWord: null,
			owner,
			leader: null,
			note: notes.length > 0 ? notes.join('\n') : null,
			indicator: figuresOf(indicator, own)
		};
		return [{ category, row }];
	});
}

function alignRow(
	row: Block['rows'][number],
	block: Block,
	width: number,
	warnings: ImportWarning[]
): Figures[] | null {
	if (row.values.length === 0) return null;
	const figures = alignValues(
		row.values.map((v) => Number(v.text)),
		block.indicators.map((name) => CEILING.test(name) || /[（(]%[)）]$/u.test(name)),
		width
	);
	if (!figures) {
		warnings.push({
			line: row.region.line,
			message: `第${row.region.line}行“${row.region.text}”的${row.values.length}个数与${block.indicators.length}项指标对不上（空单元格在复制时丢失，无法确定各数所属的指标），未导入`
		});
	}
	return figures;
}

/** A row cut off by the end of the document: its last number may be cut, and what follows is lost. */
function cutRow(row: Block['rows'][number], block: Block, warnings: ImportWarning[]): Figures[] | null {
	const values = row.values.slice(0, -1).map((v) => Number(v.text));
	const figures: Figures[] = [];
	for (let i = 0; i + 3 <= values.length && percentFits(values[i], values[i + 1], values[i + 2]); i += 3) {
		figures.push({ target: values[i], actual: values[i + 1], percent: values[i + 2] });
	}
	const lost = block.indicators.slice(figures.length).join('、');
	const line = row.values.at(-1)?.line ?? row.region.line;
	warnings.push({
		line,
		message: `文档在此行中断（截断），“${row.region.text}”一行不完整，以下指标未导入：${lost}`
	});
	return figures.length > 0 ? figures : null;
}

function describe(figures: NonNullable<Figures>): string {
	return `目标${figures.target}，完成${figures.actual}${figures.percent === null ? '' : `，完成比例${figures.percent}%`}`;
}

function figuresOf(indicator: string, own: NonNullable<Figures>): RowFigures {
	const ceiling = CEILING.test(indicator);
	const unit = /[（(]([^）)]{1,6})[)）]$/u.exec(indicator)?.[1] ?? null;
	return {
		target: { value: own.target, comparator: ceiling ? '<=' : '>=', text: `${own.target}${unit ?? ''}` },
		kind: ceiling || unit === '%' ? 'rate' : 'cumulative',
		actual: own.actual,
		percent: ceiling ? null : own.percent,
		percentText: own.percent === null ? null : `完成比例${own.percent}%`,
		deviation: null,
		met: null,
		unit,
		actualText: String(own.actual)
	};
}
