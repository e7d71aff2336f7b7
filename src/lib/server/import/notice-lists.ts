/**
 * The items a notice names in one status group, as spans of the paragraph's matching form: a
 * list after the group (未达到序时进度11项，为A、B、C), before it (A、B、C等项目进展较快), or of
 * quoted items (主要是“A”，“B”等). Spans, not strings, so that the names can be shown as the page
 * printed them (traditional script stays traditional).
 */

export interface Span {
	start: number;
	end: number;
}

export interface ListReading {
	items: Span[];
	/** The list runs into the end of the page with a quote left open: its last item is cut off. */
	cut: boolean;
}

/** Where an enumeration ends: 等 before a count or a generic noun (等6个项目, 等经济指标, 等项目或任务). */
const LIST_END = /等(?=\d*(?:项|个|件)|[^，,。；;]{0,4}(?:项目|任务|指标|工程|工作|事项|实事)|[，,。；;]|$)/;
/** Words that lead into a list or a sentence and are no item: 其中, 例如, 但与此同时. */
const LEAD_IN =
	/^(?:其中|例如|比如|如|但与此同时|与此同时|同时|另外|此外|但是|但|而且|而|截至目前|目前|主要是|主要有|分别是|分别为|包括|特别是|尤其是)[，,：:]?/;
/**
 * A count of items, with the noun after it, ending what it follows: 3项指标, 6个项目, 有8项. Numbers
 * start where a digit run starts ((?<!\d)): from every digit of a long run the match is quadratic.
 */
export const COUNT_TAIL =
	/(?:有|其余|仍有|另有|共|共有|共计)?(?<!\d)(\d+)\s*(?:项|个|件)(?:[\u4e00-\u9fff]{0,8}?)(?:均|已|都)?$/;
/** Words that name no particular item (大部分工作目标任务, 其余各项指标). */
const GENERIC =
	/上半年|下半年|全年|今年|年内|目前|当前|绝大部分|大部分|绝大多数|大多数|多数|少数|一部分|部分|个别|其余|其他|其它|剩余|各项|各类|全部|所有|整体|总体|也|均|都|已|仍|还|基本|有|共|工作|目标|任务|项目|指标|工程|实事|民生|重点|主要|具体|事项|经济|各|的|了|和|及|[\s，,、]/g;
/** A clause that sets a rule or names a cause rather than an item (对…的要加大通报力度, 受疫情影响). */
const NOT_AN_ITEM = /^(?:对|因|由于|受|要|将|应|须|请|在)|将对|要对|^\D{0,2}\d+\s*(?:项|个|件)(?:项目|任务|指标)?/;
/** A subject that is the body reporting, not an item (湘潭市已提前完成…). */
const PLACE = /^[\u4e00-\u9fff]{1,8}(?:省|市|县|区|镇|乡|街道|州|旗)$/;
const MAX_ITEM = 60;
const MAX_WALK_CHUNK = 30;

export function isGeneric(text: string): boolean {
	return text.replace(GENERIC, '') === '';
}

/** `span` with whitespace and list punctuation trimmed from both ends. */
export function trimSpan(text: string, span: Span): Span {
	let { start, end } = span;
	while (start < end && /[\s，,、：:；;。]/.test(text[start])) start++;
	while (end > start && /[\s，,、：:；;。]/.test(text[end - 1])) end--;
	return { start, end };
}

/** Splits `span` at top-level separators (not inside quotes or brackets). */
function splitAt(text: string, span: Span, separators: RegExp): Span[] {
	const parts: Span[] = [];
	let depth = 0;
	let from = span.start;
	for (let i = span.start; i < span.end; i++) {
		const c = text[i];
		if ('“「（(《'.includes(c)) depth++;
		else if ('”」）)》'.includes(c)) depth = Math.max(0, depth - 1);
		else if (depth === 0 && separators.test(c)) {
			parts.push({ start: from, end: i });
			from = i + 1;
		}
	}
	parts.push({ start: from, end: span.end });
	return parts;
}

/** Quoted items separated only by punctuation (“A”，“B”、“C”等): their contents, or null when the span is not such a list. */
function quotedItems(text: string, span: Span): ListReading | null {
	const items: Span[] = [];
	let i = span.start;
	while (i < span.end) {
		const c = text[i];
		if (/[\s，,、和及与]/.test(c)) {
			i++;
			continue;
		}
		if (c !== '“') break;
		const close = text.indexOf('”', i + 1);
		if (close === -1 || close >= span.end) {
			return items.length > 0 || i === span.start ? { items, cut: true } : null;
		}
		items.push({ start: i + 1, end: close });
		i = close + 1;
	}
	if (items.length === 0) return null;
	const rest = text.slice(i, span.end);
	return /^(?:等|项目|任务|指标|工程)*[^\u4e00-\u9fff\d]*$/.test(rest) || LIST_END.test(rest.slice(0, 1))
		? { items, cut: false }
		: null;
}

/**
 * An item span cleaned: trimmed, a leading 和/及 removed, quotes around a whole item dropped; null
 * when nothing particular is left. A figure in the item stays: 新建安置区5个 is the item's target.
 */
function cleanItem(text: string, span: Span): Span | null {
	const trimmed = trimSpan(text, span);
	const end = trimmed.end;
	let start = trimmed.start;
	const lead = /^(?:以及|和|及|与)/.exec(text.slice(start, end));
	if (lead) start += lead[0].length;
	const item = text.slice(start, end);
	const quoted = /^“([^“”]+)”(?:项目|任务|工程)?$/.exec(item);
	if (quoted) return { start: start + 1, end: start + 1 + quoted[1].length };
	if (item.length < 2 || item.length > MAX_ITEM || isGeneric(item) || NOT_AN_ITEM.test(item)) return null;
	return { start, end };
}

/** The list after a group's intro word (为 / 分别是 / 主要是 …) up to where the enumeration ends. */
export function listAfter(text: string, span: Span): ListReading {
	const quoted = quotedItems(text, trimSpan(text, span));
	if (quoted) return quoted;
	const rest = text.slice(span.start, span.end);
	const end = [LIST_END.exec(rest)?.index, /[，,](?=占|这些|共|合计|其中|均|分别|以上)/.exec(rest)?.index]
		.filter((k): k is number => k !== undefined)
		.reduce((a, b) => Math.min(a, b), rest.length);
	const body = { start: span.start, end: span.start + end };
	const separator = /[，,]/.test(text.slice(body.start, body.end)) ? /[，,]/ : /[、]/;
	const items = splitAt(text, body, separator)
		.map((s) => cleanItem(text, s))
		.filter((s): s is Span => s !== null);
	return { items, cut: false };
}

/**
 * The list standing before a group's phrase (its count already cut off): the clause next to the
 * phrase, and the comma-separated clauses before it while they read as names. Several such
 * clauses are one item each (、 then joins words inside an item); a single clause is split at 、.
 */
export function listBefore(text: string, span: Span): ListReading {
	const chunks = splitAt(text, span, /[，,]/).map((s) => trimSpan(text, s));
	const last = chunks.pop();
	if (!last || last.end <= last.start) return { items: [], cut: false };
	const lastText = text.slice(last.start, last.end);
	const end = LIST_END.exec(lastText)?.index ?? lastText.length;
	const lead = LEAD_IN.exec(lastText)?.[0].length ?? 0;
	const first: Span = { start: last.start + lead, end: last.start + end };
	const quoted = quotedItems(text, first);
	if (quoted) return quoted;
	const head = text.slice(first.start, first.end);
	if (isGeneric(head) || PLACE.test(head)) return { items: [], cut: false };
	const collected = [first];
	for (let k = chunks.length - 1; k >= 0 && lead === 0; k--) {
		const chunk = text.slice(chunks[k].start, chunks[k].end);
		if (!isNameLike(chunk)) break;
		collected.unshift(chunks[k]);
	}
	const parts = collected.length > 1 ? collected : splitAt(text, first, /[、]/);
	return { items: parts.map((s) => cleanItem(text, s)).filter((s): s is Span => s !== null), cut: false };
}

/** A clause that can be one item of a comma-separated list: short, not a lead-in, no count, no list of its own. */
function isNameLike(chunk: string): boolean {
	return (
		chunk.length >= 2 &&
		chunk.length <= MAX_WALK_CHUNK &&
		!LEAD_IN.test(chunk) &&
		!/(?<!\d)\d+\s*(?:项|个|件)/.test(chunk) &&
		!/[、：:]/.test(chunk) &&
		!isGeneric(chunk)
	);
}
