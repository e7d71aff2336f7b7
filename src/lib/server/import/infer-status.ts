/**
 * Status from words. Some reports have a status column (目标完成情况: 顺利推进; 是否达序: 是); most
 * give only a narrative. Both are read against one vocabulary, kept as data in status-phrases.ts.
 *
 * How a narrative is read, clause by clause, on its match form (normalise.ts: simplified script,
 * no inserted pinyin), while the evidence quotes the text as published:
 * - Phrases are found left to right; at each place the first row of the table that fits wins, so
 *   未完成 is never read as 完成 and 未达到序时进度 never as 达到序时进度.
 * - A negation anywhere earlier in the clause turns the phrase (没有任何项目落后于计划 is on track,
 *   年内难以全部建成 behind), unless a cause stands between them (资金未到位导致滞后 is behind).
 *   A positive phrase in a clause of intent (力争…完成) and everything after 下步打算 decide nothing.
 * - A completion said of a part (一期已完成, 部分项目提前完成) is progress, not the task's standing.
 * - The strongest kind of phrase present decides: a comparison with 序时进度 or a target, then a
 *   verdict in words, then progress on parts of the work (on track). Within that kind, phrases that
 *   disagree (one positive, one lagging) give unknown with both as evidence — never a confident
 *   wrong answer; phrases that agree give the most cautious of them (已完成 and 稳步推进: on track).
 * - No decisive phrase: unknown, with no evidence. Never a guess.
 */
import { periodEndMonth, type Period } from '../../domain/period';
import type { Status } from '../../domain/status';
import { matchForm, matchFormMapped, publishedSpan, trimWhere, type MappedForm } from './normalise';
import {
	CLAUSE_END,
	INTENT,
	NEGATED,
	NEGATION_BREAK,
	NEGATION_REACH,
	NEGATORS,
	NEXT_STEPS,
	PART,
	STATUS_RULES,
	type NegationKind,
	type PhraseKind,
	type StatusRule
} from './status-phrases';

export { STATUS_RULES, type StatusRule } from './status-phrases';

export interface StatusReading {
	status: Status;
	/** The phrases that decided it, in text order, as published; empty for unknown without an explicit phrase. */
	evidence: string[];
	/** Decided by an explicit comparison with 序时进度 or a target: a stated percent does not override it. */
	comparison?: true;
}

type PeriodEnd = Pick<Period, 'quarter' | 'months'>;

/**
 * A status column's words that are not narrative phrases. Everything else in a status column is
 * read with STATUS_RULES.
 */
const REPORTED_WORDS: Record<string, Status> = {
	是: 'on_track',
	否: 'behind',
	完成: 'completed',
	达序: 'on_track',
	欠序: 'behind',
	超序: 'ahead',
	正常: 'on_track',
	滞后: 'behind'
};

/**
 * The words a status column may hold, by status, for the import template's explanation: the
 * column's own words (是, 达序 …) and the short word of every row that holds in any period.
 */
export function statusWordsByStatus(): Record<Status, string[]> {
	const words: Record<Status, string[]> = {
		completed: [],
		ahead: [],
		on_track: [],
		behind: [],
		not_started: [],
		unknown: []
	};
	const add = (status: Status, word: string) => {
		if (!words[status].includes(word)) words[status].push(word);
	};
	for (const rule of STATUS_RULES) if (rule.word && rule.status && !rule.when) add(rule.status, rule.word);
	for (const [word, status] of Object.entries(REPORTED_WORDS)) add(status, word);
	return words;
}

/** Infers a status from a narrative status text (see the module comment for the rules). */
export function inferStatus(text: string | null, period: PeriodEnd): StatusReading {
	return decide(scan(text ?? '', period));
}

/**
 * Maps the words of a status column (目标完成情况, 是否达序, 状态) to a status, or null when the
 * words are not in the vocabulary (the caller then infers from the narrative and warns).
 */
export function mapReportedStatus(word: string | null, period: PeriodEnd): StatusReading | null {
	const published = trimWhere((word ?? '').replace(/\s+/g, ''), (c) => '。.！!；;，,'.includes(c));
	if (published === '') return null;
	const direct = REPORTED_WORDS[matchForm(published)];
	if (direct) return { status: direct, evidence: [published] };
	const hits = scan(published, period);
	return hits.length > 0 ? { status: decide(hits).status, evidence: [published] } : null;
}

/**
 * The table compiled once for the year's end and once for before it (rows with `when` differ): one
 * alternation, a group per row, in table order.
 */
interface Compiled {
	rules: StatusRule[];
	any: RegExp;
}

const compiled = new Map<boolean, Compiled>();

function compile(yearEnd: boolean): Compiled {
	let found = compiled.get(yearEnd);
	if (!found) {
		const rules = STATUS_RULES.filter((r) => !r.when || (r.when === 'year-end') === yearEnd);
		found = { rules, any: new RegExp(rules.map((r) => `(${r.pattern})`).join('|'), 'g') };
		compiled.set(yearEnd, found);
	}
	return found;
}

const CLAUSE_END_CHAR = new RegExp(CLAUSE_END);
const NEGATOR = new RegExp(NEGATORS.map((n) => `(${n.pattern})`).join('|'), 'g');
const BREAK = new RegExp(NEGATION_BREAK);
const INTENT_WORD = new RegExp(INTENT);
const PART_WORD = new RegExp(PART);
const NEXT = new RegExp(NEXT_STEPS);
/** Evidence quotes at most this much of a progress clause. */
const EVIDENCE_CHARS = 30;
/** The start of a clause is searched back at most this far, to keep the scan linear. */
const CLAUSE_LOOKBACK = 60;

interface Span {
	start: number;
	end: number;
}

interface Hit {
	status: Status;
	kind: PhraseKind;
	evidence: string;
}

/** What the text around one phrase makes of it. */
interface Context {
	text: string;
	mapped: MappedForm;
	body: string;
	yearEnd: boolean;
}

function scan(text: string, period: PeriodEnd): Hit[] {
	const mapped = matchFormMapped(text);
	const next = NEXT.exec(mapped.form);
	const context: Context = {
		text,
		mapped,
		body: next ? mapped.form.slice(0, next.index) : mapped.form,
		yearEnd: periodEndMonth(period) === 12
	};
	const { rules, any } = compile(context.yearEnd);
	const hits: Hit[] = [];
	const spans: Span[] = [];
	any.lastIndex = 0;
	for (let match = any.exec(context.body); match; match = any.exec(context.body)) {
		const rule = rules[groupOf(match) - 1];
		const span = { start: match.index, end: match.index + match[0].length };
		const hit = rule.status ? read(rule, context, span, spans) : null;
		if (hit) hits.push(hit);
		spans.push(span);
	}
	return hits;
}

function groupOf(match: RegExpExecArray): number {
	let group = 1;
	while (match[group] === undefined) group++;
	return group;
}

/**
 * One phrase in its clause: negated, intended, said of a part, or as it stands. `earlier` are the
 * phrases matched before it: a negation inside one of them (未完成) is that phrase's own.
 */
function read(rule: StatusRule, c: Context, { start, end }: Span, earlier: Span[]): Hit | null {
	const clauseStart = clauseStartOf(c.body, start);
	const negation = negationBefore(c.body, clauseStart, start, earlier);
	let status = rule.status!;
	let kind = rule.kind;
	let from = start;
	if (negation) {
		const next = negatedStatus(rule, negation.kind, c.yearEnd);
		if (!next) return null;
		if (rule.kind === 'progress') kind = 'verdict';
		[status, from] = [next, negation.start];
	}
	const before = c.body.slice(clauseStart, from);
	if (isPositive(status) && INTENT_WORD.test(before)) return null;
	const part = kind === 'verdict' && isPositive(status) ? PART_WORD.exec(before) : null;
	if (part) [status, kind, from] = ['on_track', 'progress', clauseStart + part.index];
	const evidenceEnd = rule.kind === 'progress' && !negation ? progressEnd(c.body, start) : end;
	return { status, kind, evidence: publishedSpan(c.text, c.mapped, from, evidenceEnd).trim() };
}

/** What a negated phrase says (NEGATED); null when it says nothing (避免滞后, 未超序时进度). */
function negatedStatus(rule: StatusRule, negation: NegationKind, yearEnd: boolean): Status | null {
	const turned = NEGATED[rule.kind === 'progress' ? 'progress' : rule.status!];
	if (negation === 'cannot') return turned.cannot;
	if (negation === 'not') return (yearEnd ? turned.notAtYearEnd : undefined) ?? turned.not;
	return null;
}

function clauseStartOf(body: string, start: number): number {
	let from = start;
	while (from > 0 && start - from < CLAUSE_LOOKBACK && !CLAUSE_END_CHAR.test(body[from - 1])) from--;
	return from;
}

/**
 * The last negation between `from` and the phrase at `start`, outside earlier phrases, within
 * reach and with no cause after it.
 */
function negationBefore(
	body: string,
	from: number,
	start: number,
	earlier: Span[]
): { kind: NegationKind; start: number } | null {
	const text = body.slice(from, start);
	let last: { kind: NegationKind; start: number; end: number } | null = null;
	NEGATOR.lastIndex = 0;
	for (let match = NEGATOR.exec(text); match; match = NEGATOR.exec(text)) {
		const kind = NEGATORS[groupOf(match) - 1].kind;
		const at = from + match.index;
		if (kind !== 'none' && !inside(at, earlier)) last = { kind, start: at, end: at + match[0].length };
	}
	if (!last || start - last.end > NEGATION_REACH || BREAK.test(body.slice(last.end, start))) return null;
	return last;
}

/** Whether a position lies inside one of the earlier phrases (in text order, not overlapping). */
function inside(at: number, earlier: Span[]): boolean {
	for (let i = earlier.length - 1; i >= 0 && earlier[i].end > at; i--) if (earlier[i].start <= at) return true;
	return false;
}

/** A progress phrase quotes what follows it up to the end of its clause: 已完成海塘路沿线道路、景观、立面提升. */
function progressEnd(body: string, start: number): number {
	let end = start;
	while (end < body.length && end - start < EVIDENCE_CHARS && !CLAUSE_END_CHAR.test(body[end])) end++;
	return end;
}

function isPositive(status: Status): boolean {
	return status === 'completed' || status === 'ahead' || status === 'on_track';
}

/** Where phrases of one kind agree, the first status in this list that any of them names wins. */
const CAUTION_ORDER: readonly Status[] = ['behind', 'not_started', 'unknown', 'on_track', 'ahead', 'completed'];
const KIND_ORDER: readonly PhraseKind[] = ['comparison', 'verdict', 'progress'];

function decide(hits: Hit[]): StatusReading {
	const kind = KIND_ORDER.find((k) => hits.some((h) => h.kind === k));
	if (!kind) return { status: 'unknown', evidence: [] };
	const deciding = hits.filter((h) => h.kind === kind);
	const comparison = kind === 'comparison' ? ({ comparison: true } as const) : {};
	const positive = deciding.some((h) => isPositive(h.status));
	const lagging = deciding.some((h) => h.status === 'behind' || h.status === 'not_started');
	if (positive && lagging) return { status: 'unknown', evidence: unique(deciding.map((h) => h.evidence)) };
	const status = CAUTION_ORDER.find((s) => deciding.some((h) => h.status === s)) as Status;
	const evidence = unique(deciding.filter((h) => h.status === status).map((h) => h.evidence));
	return { status, evidence, ...comparison };
}

function unique(items: string[]): string[] {
	return [...new Set(items)];
}
