/**
 * The bounds of a saved page before the HTML reader walks it: parse5 keeps ~0.5 KB per element,
 * and the reader's walks over the tree recurse once per level, so a page of a few megabytes of
 * bare tags, or one nested 50 000 deep, would take gigabytes or overflow the stack.
 */
import type { DefaultTreeAdapterTypes } from 'parse5';
import { limitError, MAX_HTML_ELEMENTS, MAX_NESTING_DEPTH } from './limits';

type Node = DefaultTreeAdapterTypes.Node;

/** Every element starts with “<” and a letter, so counting those bounds the tree before parse5 builds it. */
export function checkElementCount(html: string): void {
	let count = 0;
	for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
		const next = html.charCodeAt(at + 1) | 0x20;
		if (next >= 0x61 && next <= 0x7a && ++count > MAX_HTML_ELEMENTS)
			throw limitError(
				'the page has more elements than that',
				'MAX_HTML_ELEMENTS',
				MAX_HTML_ELEMENTS,
				lineAt(html, at)
			);
	}
}

function lineAt(text: string, offset: number): number {
	let line = 1;
	for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
	return line;
}

/** Refuses a page nested deeper than MAX_NESTING_DEPTH, naming the line of the first element too deep. */
export function checkDepth(document: DefaultTreeAdapterTypes.Document): void {
	const stack: [Node, number][] = [[document, 0]];
	while (stack.length > 0) {
		const [node, depth] = stack.pop()!;
		if (depth > MAX_NESTING_DEPTH)
			throw limitError(
				`the page nests elements ${depth} deep`,
				'MAX_NESTING_DEPTH',
				MAX_NESTING_DEPTH,
				node.sourceCodeLocation?.startLine ?? null
			);
		if ('childNodes' in node) for (const child of node.childNodes) stack.push([child, depth + 1]);
	}
}
