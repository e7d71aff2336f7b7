/**
 * An HTML page's parsed tree read as text: the tree helpers, a cell's text and the page's visible
 * text as lines (a table one row to a line, cells between |), and what its <head> says. The
 * reader (html-reader.ts) finds the task table in the same tree.
 */
import type { DefaultTreeAdapterTypes } from 'parse5';
import { trimWhere } from './normalise';
import { isoDate } from './page-meta';
import type { SourceMeta } from './types';

export type Node = DefaultTreeAdapterTypes.Node;
export type Element = DefaultTreeAdapterTypes.Element;

/** Elements whose text a reader never sees, or that only hold navigation. */
export const SKIPPED = new Set([
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
export const NAVIGATION_CLASS =
	/(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|share|sidebar|footer)(?:$|[\s_-])/i;
/** Elements that start a new line of text. */
export const BLOCKS = new Set([
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
export const CELLS = new Set(['td', 'th']);

// ─── Tree helpers ───────────────────────────────────────────────────────────────────────────

export function isElement(node: Node): node is Element {
	return 'tagName' in node;
}

export function childrenOf(node: Node): Node[] {
	return 'childNodes' in node ? node.childNodes : [];
}

export function attr(element: Element, name: string): string | undefined {
	return element.attrs.find((a) => a.name === name)?.value;
}

/** Every element with this tag, in document order (template contents are not part of the document). */
export function elements(root: Node, tag: string): Element[] {
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

export function contains(ancestor: Element, node: Element): boolean {
	for (let p: DefaultTreeAdapterTypes.ParentNode | null = node.parentNode; p && 'parentNode' in p; p = p.parentNode)
		if (p === ancestor) return true;
	return false;
}

export function lineOf(node: Node, fallback = 1): number {
	return node.sourceCodeLocation?.startLine ?? fallback;
}

/** Hidden from readers: display:none, the hidden attribute, or navigation by its class or id. */
export function isHidden(element: Element): boolean {
	if (attr(element, 'hidden') !== undefined || attr(element, 'aria-hidden') === 'true') return true;
	const style = (attr(element, 'style') ?? '').replace(/\s+/g, '').toLowerCase();
	if (style.includes('display:none') || style.includes('visibility:hidden')) return true;
	return NAVIGATION_CLASS.test(attr(element, 'class') ?? '') || NAVIGATION_CLASS.test(attr(element, 'id') ?? '');
}

/** A cell's text as shown: whitespace collapsed, <br> and block elements as line breaks, nested tables left out. */
export function cellText(cell: Element): string {
	const out = new TextBuilder(' ');
	collect(cell, out, null, true);
	return out
		.finish()
		.map((l) => l.text)
		.join('\n');
}

// ─── Page text ──────────────────────────────────────────────────────────────────────────────

export interface TextLine {
	text: string;
	line: number;
}

/** Builds lines of visible text; `cellSeparator` goes between the cells of a table row. */
export class TextBuilder {
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
export function collect(node: Node, out: TextBuilder, stop: Element | null, inCell = false): boolean {
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
export function visibleText(
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
export function headMeta(document: DefaultTreeAdapterTypes.Document): Partial<SourceMeta> {
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
	const titleText = titleElement ? beforeTitleSeparator(cellText(titleElement)) : '';
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
export function beforeTitleSeparator(title: string): string {
	const separator = /[_|｜]|\s[-–—]\s/.exec(title);
	return (separator ? title.slice(0, separator.index) : title).trim();
}
