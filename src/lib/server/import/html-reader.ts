/**
 * A saved report page (.html) → a grid. The page is parsed with parse5 (the HTML standard's
 * parsing algorithm, as browsers do it); the task table is the first table — however deep in
 * layout tables — whose header row maps to task columns; rowspan and colspan are resolved the way
 * a browser lays the table out. The metadata block and title come from the page text above the
 * table, with the page's <head> as a fallback; navigation, scripts and styles are never read.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { decodeDocument } from './decode';
import { findGridHeader, readGrid, type Grid, type GridCell, type GridHeader, type GridRow } from './grid';
import { checkDepth, checkElementCount } from './html-limits';
import { limitError, MAX_CELLS } from './limits';
import { trimWhere } from './normalise';
import { isoDate } from './page-meta';
import type { TableReading } from './table';
import { ImportError, type ImportWarning, type SourceMeta } from './types';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** How far into the file a <meta charset> is looked for, as browsers do (the HTML standard's prescan reads 1024 bytes; pages put long comments first). */
const CHARSET_PRESCAN_BYTES = 4096;
/** A colspan wider than this is a layout trick, not columns (the standard allows 1000). */
const MAX_COLSPAN = 100;

/** Elements whose text a reader never sees, or that only hold navigation. */
const SKIPPED = new Set([
	'head',
	'script',
	'style',
	'noscript',
	'template',
	'nav',
	'footer',
	'aside',
	'select',
	'option',
	'button',
	'iframe',
	'object',
	'embed',
	'svg',
	'math',
	'canvas',
	'audio',
	'video',
	'map',
	'input',
	'textarea',
	'link',
	'meta',
	'title'
]);
/** Menus and breadcrumbs built from <div>s and <ul>s. */
const NAVIGATION_CLASS = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|share|sidebar|footer)(?:$|[\s_-])/i;
/** Elements that start a new line of text. */
const BLOCKS = new Set([
	'address',
	'article',
	'blockquote',
	'body',
	'center',
	'dd',
	'div',
	'dl',
	'dt',
	'fieldset',
	'figcaption',
	'figure',
	'form',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'header',
	'hr',
	'html',
	'li',
	'main',
	'ol',
	'p',
	'pre',
	'section',
	'table',
	'caption',
	'tbody',
	'thead',
	'tfoot',
	'tr',
	'ul'
]);
const CELLS = new Set(['td', 'th']);

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

// ─── Tree helpers ───────────────────────────────────────────────────────────────────────────

function isElement(node: Node): node is Element {
	return 'tagName' in node;
}

function childrenOf(node: Node): Node[] {
	return 'childNodes' in node ? node.childNodes : [];
}

function attr(element: Element, name: string): string | undefined {
	return element.attrs.find((a) => a.name === name)?.value;
}

/** Every element with this tag, in document order (template contents are not part of the document). */
function elements(root: Node, tag: string): Element[] {
	const found: Element[] = [];
	const stack: Node[] = [root];
	while (stack.length > 0) {
		const node = stack.pop()!;
		if (isElement(node) && node.tagName === tag) found.push(node);
		const children = childrenOf(node);
		for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
	}
	return found;
}

function contains(ancestor: Element, node: Element): boolean {
	for (let p: DefaultTreeAdapterTypes.ParentNode | null = node.parentNode; p && 'parentNode' in p; p = p.parentNode)
		if (p === ancestor) return true;
	return false;
}

function lineOf(node: Node, fallback = 1): number {
	return node.sourceCodeLocation?.startLine ?? fallback;
}

/** Hidden from readers: display:none, the hidden attribute, or navigation by its class or id. */
function isHidden(element: Element): boolean {
	if (attr(element, 'hidden') !== undefined || attr(element, 'aria-hidden') === 'true') return true;
	const style = (attr(element, 'style') ?? '').replace(/\s+/g, '').toLowerCase();
	if (style.includes('display:none') || style.includes('visibility:hidden')) return true;
	return NAVIGATION_CLASS.test(attr(element, 'class') ?? '') || NAVIGATION_CLASS.test(attr(element, 'id') ?? '');
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

/** A cell's text as shown: whitespace collapsed, <br> and block elements as line breaks, nested tables left out. */
function cellText(cell: Element): string {
	const out = new TextBuilder(' ');
	collect(cell, out, null, true);
	return out
		.finish()
		.map((l) => l.text)
		.join('\n');
}

// ─── Page text ──────────────────────────────────────────────────────────────────────────────

interface TextLine {
	text: string;
	line: number;
}

/** Builds lines of visible text; `cellSeparator` goes between the cells of a table row. */
class TextBuilder {
	private lines: TextLine[] = [];
	private parts: string[] = [];
	private line = 0;
	constructor(readonly cellSeparator: string) {}

	text(value: string, line: number): void {
		const collapsed = value.replace(/[ \t\n\r\f\u00a0]+/g, ' ');
		if (collapsed === '' || (collapsed === ' ' && this.parts.length === 0)) return;
		if (this.parts.length === 0) this.line = line;
		this.parts.push(collapsed);
	}

	cell(): void {
		if (this.parts.length > 0) this.parts.push(this.cellSeparator);
	}

	break(): void {
		const separator = this.cellSeparator.trim();
		let text = this.parts.join('').replace(/ {2,}/g, ' ').trim();
		// Empty cells at either end of a row leave separators behind.
		if (separator !== '') text = trimWhere(text, (c) => c === separator || /\s/.test(c), 'both');
		if (text !== '') this.lines.push({ text, line: this.line });
		this.parts = [];
	}

	finish(): TextLine[] {
		this.break();
		return this.lines;
	}
}

/**
 * Walks the visible text under `node` in document order; returns true when it reached `stop`
 * (the task table: only the text above it is metadata).
 */
function collect(node: Node, out: TextBuilder, stop: Element | null, inCell = false): boolean {
	for (const child of childrenOf(node)) {
		if (child === stop) return true;
		if (child.nodeName === '#text') {
			out.text((child as DefaultTreeAdapterTypes.TextNode).value, lineOf(child));
			continue;
		}
		if (!isElement(child) || SKIPPED.has(child.tagName) || isHidden(child)) continue;
		const tag = child.tagName;
		if (inCell && tag === 'table') continue;
		if (tag === 'br') {
			out.break();
			continue;
		}
		if (tag === 'tr' && !inCell && elements(child, 'table').length === 0) {
			// A table row is one line, its cells between separators, however the cells break their text.
			out.break();
			for (const cell of child.childNodes) {
				if (!isElement(cell) || !CELLS.has(cell.tagName)) continue;
				out.cell();
				out.text(cellText(cell), lineOf(cell));
			}
			out.break();
			continue;
		}
		const block = BLOCKS.has(tag);
		if (block) out.break();
		if (CELLS.has(tag)) out.cell();
		if (collect(child, out, stop, inCell)) return true;
		if (block) out.break();
	}
	return false;
}

/** The page's visible text as lines, up to `stop` (or the end). */
function visibleText(
	document: DefaultTreeAdapterTypes.Document,
	stop: Element | null,
	cellSeparator: string
): TextLine[] {
	const body = elements(document, 'body')[0] ?? document;
	const out = new TextBuilder(cellSeparator);
	collect(body, out, stop);
	return out.finish();
}

/**
 * What the page's <head> says about it: government CMS pages carry ArticleTitle, PubDate and
 * ContentSource meta tags, and most pages a canonical address. The <title> is the last resort
 * for the title, without the site name after it.
 */
function headMeta(document: DefaultTreeAdapterTypes.Document): Partial<SourceMeta> {
	const head = elements(document, 'head')[0];
	if (!head) return {};
	const named = new Map<string, string>();
	for (const meta of elements(head, 'meta')) {
		const name = (attr(meta, 'name') ?? attr(meta, 'property') ?? '').toLowerCase();
		const content = attr(meta, 'content')?.trim();
		if (name && content && !named.has(name)) named.set(name, content);
	}
	const canonical = elements(head, 'link').find((l) => (attr(l, 'rel') ?? '').toLowerCase() === 'canonical');
	const titleElement = elements(head, 'title')[0];
	const titleText = titleElement
		? beforeTitleSeparator(cellText(titleElement))
		: '';
	const url = named.get('url') ?? (canonical && attr(canonical, 'href')) ?? named.get('og:url') ?? null;
	return {
		title: named.get('articletitle') ?? (titleText || null),
		publishedOn: isoDate(named.get('pubdate') ?? named.get('publishdate') ?? named.get('article:published_time')),
		publisher: named.get('contentsource') ?? null,
		url: url && /^https?:\/\//i.test(url) ? url : null
	};
}

/**
 * A <title>'s own part, before the site's name (标题_网站, 标题 | 网站, 标题 - 网站). Found by index:
 * a split on /\s*[_|｜]\s*|\s+[-–—]\s+/ backtracks through a long run of spaces at each of them.
 */
function beforeTitleSeparator(title: string): string {
	const separator = /[_|｜]|\s[-–—]\s/.exec(title);
	return (separator ? title.slice(0, separator.index) : title).trim();
}
