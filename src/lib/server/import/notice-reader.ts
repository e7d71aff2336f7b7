/**
 * Page text of a supervision notice (督查通报) → the shared TableReading, plus the notice's
 * stated counts. A notice is prose, not a table: it sorts items into status groups
 * (已完成的有 A、B…; 进度滞后的项目：C、D; 97个项目达序时进度，其中 E、F 等项目进展较快) or
 * numbers its items, each with a lagging remark (1、农村道路畅通工程，牵头部门：市交通局。建设进度
 * 相对较慢…). Each named item becomes a task with its group's status, reported, the group's words
 * as evidence. Nothing is made up from prose that names no item: such a page reads as no tasks,
 * and the caller decides how to refuse it.
 */
import type { Status } from '../../domain/status';
import { COUNT_TAIL, isGeneric, listAfter, listBefore, type ListReading, type Span } from './notice-lists';
import { findGroupPhrases, mostCautious, type PhraseMatch } from './notice-phrases';
import type { PeriodSummary, SummaryCount } from './notice-summary';
import { noticePeriod, paragraphsOf, sentences, shown, type Paragraph } from './notice-text';
import { readPageMeta } from './page-meta';
import type { ReadCategory, ReadRow, TableReading } from './table';
import type { ImportWarning } from './types';

export interface NoticeReading extends TableReading {
	summary: PeriodSummary;
	/** 1-based lines that state a status of something without naming it (部分指标滞后序时). */
	statements: number[];
}

interface Group {
	status: Status;
	phrase: string;
	count: number | null;
	line: number;
	rows: ReadRow[];
}

interface Scope {
	name: string | null;
	total: number | null;
	groups: Group[];
	/** Tasks of numbered paragraphs (1、项目，牵头部门：…。进度较慢…). */
	rows: ReadRow[];
}

const NUMBERED = /^(?:\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．])\s*/;
const HEADING = /^[^，,。；;！!？?：:]{2,40}$/;
const INTRO = /^(?:主要是|主要有|主要包括|分别为|分别是|包括|具体是|具体为|即|为|是|一是)[：:]?/;
/** What leads from a group to its list: 的项目有：, 11项、占比20.0%，为, 的3项分别是：, 的项目： */
const AFTER_INTRO =
	/^[^，,。；;、：:]{0,12}?[，,]?(?:占比[\d.]+%[，,])?(?:(?:分别是|分别为|主要是|主要有|包括|具体为|即|为|是|有)[：:]?|[：:])/;
const OWNER = /(?:牵头|责任)(?:部门|单位)[：:]\s*([^。；;，,]+)/;
const SCOPE_START = /([\u4e00-\u9fff]{1,8}?)(?:\d+[件个项])*?(\d+)[项个件]中/;
const ITEM_PERCENT =
	/[（(]\s*(?:完成率?|进度|完成比例)?\s*(\d+(?:\.\d+)?)%\s*[)）]$|(?:完成率?|进度|完成比例)(?:为|达)?\s*(\d+(?:\.\d+)?)%$/;

/** Reads the page as a notice. The reading may hold no task: the caller then refuses the page. */
export function readNotice(text: string): NoticeReading {
	const lines = text.split('\n');
	const meta = readPageMeta(lines);
	const warnings: ImportWarning[] = [];
	const state = new NoticeState(warnings);
	const { paragraphs, headline } = paragraphsOf(lines);
	for (const paragraph of paragraphs) state.read(paragraph);
	const source = { ...meta.source, title: meta.source.title ?? headline };
	const { year, period, searched } = noticePeriod(source, state.opening, warnings);
	const { categories, summary } = state.finish();
	return {
		source,
		year,
		period,
		searched,
		header: { line: state.opening[0]?.line ?? 1, columns: [] },
		categories,
		warnings,
		summary,
		statements: state.statements
	};
}

class NoticeState {
	scopes: Scope[] = [{ name: null, total: null, groups: [], rows: [] }];
	/** A group that stated a count and whose items the next sentence lists (…共计19项。主要是“A”…). */
	pending: Group | null = null;
	statements: number[] = [];
	/** The first paragraphs, where a notice states its period (1-11月份，…; 截至7月底). */
	opening: Paragraph[] = [];

	constructor(private readonly warnings: ImportWarning[]) {}

	get scope(): Scope {
		return this.scopes[this.scopes.length - 1];
	}

	read(p: Paragraph): void {
		if (this.opening.length < 3) this.opening.push(p);
		const numbered = NUMBERED.exec(p.norm)?.[0].length ?? 0;
		const body = p.norm.slice(numbered);
		const phrases = findGroupPhrases(p.norm);
		if (HEADING.test(body) && phrases.length === 0 && numbered > 0) {
			this.scopes.push({ name: shown(p, { start: numbered, end: p.norm.length }), total: null, groups: [], rows: [] });
			this.pending = null;
			return;
		}
		if (numbered > 0 && this.readNumberedItem(p, numbered)) return;
		for (const sentence of sentences(p.norm, numbered)) this.readSentence(p, sentence);
	}

	/** 1、农村道路畅通工程，牵头部门：市交通局。建设进度相对较慢的县区为舒城县。 → one task. */
	private readNumberedItem(p: Paragraph, from: number): boolean {
		const nameEnd = p.norm.slice(from).search(/[，,。；;：:]/);
		if (nameEnd <= 0 || nameEnd > 30) return false;
		const name: Span = { start: from, end: from + nameEnd };
		if (findGroupPhrases(p.norm.slice(name.start, name.end)).length > 0) return false;
		const owner = OWNER.exec(p.norm);
		const restStart = owner ? p.norm.indexOf('。', owner.index) + 1 || p.norm.length : name.end + 1;
		const phrases = findGroupPhrases(p.norm.slice(restStart));
		const nameText = p.norm.slice(name.start, name.end);
		// 旗政府督查室要加强… is an instruction, not an item.
		if (phrases.length === 0 || isGeneric(nameText) || /要|应当|务必|须/.test(nameText)) return false;
		const status = mostCautious(phrases.map((m) => m.status));
		this.scope.rows.push(
			row(
				p,
				shown(p, name),
				shown(p, { start: restStart, end: p.norm.length }),
				status,
				phrases.map((m) => m.text),
				{
					owner: owner
						? shown(p, { start: owner.index + owner[0].length - owner[1].length, end: owner.index + owner[0].length })
						: null
				}
			)
		);
		this.pending = null;
		return true;
	}

	private readSentence(p: Paragraph, sentence: Span): void {
		let start = sentence.start;
		const scope = SCOPE_START.exec(p.norm.slice(start, sentence.end));
		if (scope && !isGeneric(scope[1])) {
			this.scopes.push({
				name: shown(p, { start: start + scope.index, end: start + scope.index + scope[1].length }),
				total: Number(scope[2]),
				groups: [],
				rows: []
			});
			start += scope.index + scope[0].length;
		}
		const text = p.norm.slice(0, sentence.end);
		const phrases = joinPhrases(
			p.norm,
			findGroupPhrases(text.slice(start)).map((m) => shift(m, start))
		);
		if (phrases.length === 0) {
			this.readPlainSentence(p, { start, end: sentence.end });
			return;
		}
		this.totalFrom(p.norm.slice(start, phrases[0].start));
		this.pending = null;
		let regionStart = start;
		phrases.forEach((phrase, k) => {
			const next = phrases[k + 1];
			const afterEnd = next
				? Math.max(phrase.end, text.lastIndexOf('，', next.start), text.lastIndexOf(',', next.start))
				: sentence.end;
			this.readGroup(
				p,
				phrase,
				{ start: regionStart, end: phrase.start },
				{ start: phrase.end, end: afterEnd },
				next === undefined
			);
			regionStart = afterEnd;
		});
	}

	/** A sentence without a status phrase: the list of the group before it, or a total (量化指标任务共55项). */
	private readPlainSentence(p: Paragraph, span: Span): void {
		const text = p.norm.slice(span.start, span.end).trim();
		const intro = INTRO.exec(text);
		const pending = this.pending;
		this.pending = null;
		if (pending && intro) {
			const from = p.norm.indexOf(intro[0], span.start) + intro[0].length;
			this.addItems(p, pending, listAfter(p.norm, { start: from, end: span.end }));
			return;
		}
		this.totalFrom(text, true);
	}

	/**
	 * The number of items a part covers: the last count of a clause before any group
	 * (15项重点民生工程25个具体项目). Before a group, the clause next to it is the group's own
	 * (其余18个项目均…), not a total.
	 */
	private totalFrom(text: string, whole = false): void {
		if (this.scope.total !== null || this.scope.groups.length > 0) return;
		const clauses = text.split(/[，,]/);
		if (!whole) clauses.pop();
		const counts = clauses
			.flatMap((c) => [...c.matchAll(/(?<!\d)(\d+)\s*(?:项|个|件)(?!百分点)/g)])
			.map((m) => Number(m[1]));
		const total = counts.filter((n) => n > 0).at(-1);
		if (total !== undefined) this.scope.total = total;
	}

	private readGroup(p: Paragraph, phrase: PhraseMatch, before: Span, after: Span, lastInSentence: boolean): void {
		const beforeText = p.norm.slice(before.start, before.end);
		const countBefore = COUNT_TAIL.exec(beforeText);
		const afterText = p.norm.slice(after.start, after.end);
		const countAfter = countBefore ? null : /^[^、\d]*?(\d+)\s*(?:项|个|件)(?!百分点)/.exec(afterText);
		const count = countBefore ? Number(countBefore[1]) : countAfter ? Number(countAfter[1]) : null;
		const afterFrom = countAfter ? after.start + countAfter.index + countAfter[0].length : after.start;
		const intro = AFTER_INTRO.exec(
			p.norm.slice(afterFrom, after.end).replace(/^、占比[\d.]+%/, (s) => ' '.repeat(s.length))
		);
		// 2个项目未达到序时进度（甲、乙）: the list in brackets right after the group.
		const bracket = /^\s*[（(]([^（()）]+)[)）]/.exec(p.norm.slice(afterFrom, after.end));
		let list: ListReading = { items: [], cut: false };
		if (bracket) {
			const from = afterFrom + bracket[0].indexOf(bracket[1]);
			list = listAfter(p.norm, { start: from, end: from + bracket[1].length });
		} else if (intro) list = listAfter(p.norm, { start: afterFrom + intro[0].length, end: after.end });
		// 未开工项目 describes a noun that follows: what stands before it is no list of items.
		else if (!countAfter && !/^(?:项目|任务|指标|工程)/.test(afterText)) {
			const end = countBefore ? before.start + countBefore.index : before.end;
			list = listBefore(p.norm, { start: before.start, end });
		}
		if (list.items.length === 0 && !list.cut && count === null) {
			// A status said of something unnamed (部分指标滞后序时): no task, but a sign of a counts-only notice.
			if (lastInSentence) this.statements.push(p.line);
			return;
		}
		const group = this.groupFor(phrase, count, p.line);
		this.addItems(p, group, list);
		if (count !== null && group.rows.length === 0 && !intro) this.pending = group;
	}

	/** The scope's group this phrase continues (其中，进度偏慢的3项分别是… after 3项进度偏慢), or a new one. */
	private groupFor(phrase: PhraseMatch, count: number | null, line: number): Group {
		const same = this.scope.groups.find(
			(g) =>
				g.status === phrase.status && g.rows.length === 0 && g.count !== null && (count === null || count === g.count)
		);
		if (same) return same;
		const group: Group = { status: phrase.status, phrase: phrase.text, count, line, rows: [] };
		this.scope.groups.push(group);
		return group;
	}

	private addItems(p: Paragraph, group: Group, list: ListReading): void {
		for (const span of list.items) {
			const raw = shown(p, span);
			const percent = ITEM_PERCENT.exec(raw);
			const name = percent ? raw.slice(0, percent.index).trim() : raw;
			const value = percent ? Number(percent[1] ?? percent[2]) : null;
			group.rows.push(row(p, name, group.phrase, group.status, [group.phrase], { percent: value }));
		}
		if (list.cut) {
			this.warnings.push({
				line: p.line,
				message: `第${p.line}行的名单在页面结尾处中断（截断），最后一项不完整，未导入`
			});
		} else if (p.last && list.items.length > 0 && !/[。；;！!？?]$/.test(p.norm)) {
			this.warnings.push({
				line: p.line,
				message: `页面在第${p.line}行中途结束（截断），名单的最后一项“${shown(p, list.items[list.items.length - 1])}”可能不完整`
			});
		}
	}

	finish(): { categories: ReadCategory[]; summary: PeriodSummary } {
		const categories: ReadCategory[] = [];
		const summary: PeriodSummary = [];
		// The notice's opening counts (湘潭市已提前完成16项…仍有8项进展偏慢) cover the parts that follow.
		const whole = this.scopes.length > 1 ? this.scopes[0] : null;
		const allRows = this.scopes.flatMap((s) => s.groups.flatMap((g) => g.rows));
		for (const scope of this.scopes) {
			const rows = dedupe([...scope.rows, ...scope.groups.flatMap((g) => g.rows)], this.warnings);
			if (rows.length > 0) categories.push({ name: scope.name, rows });
			const counts = scope.groups.flatMap((g): SummaryCount[] => {
				if (g.count === null) return [];
				const rows = scope === whole ? allRows.filter((r) => r.reported?.status === g.status) : g.rows;
				const named = scope === whole ? rows.length : new Set(rows.map((r) => r.name)).size;
				return [{ status: g.status, phrase: g.phrase, count: g.count, named, line: g.line }];
			});
			if (counts.length > 0) summary.push({ name: scope.name, total: scope.total, counts });
		}
		return { categories, summary };
	}
}

function row(
	p: Paragraph,
	name: string,
	statusText: string,
	status: Status,
	evidence: string[],
	extra: Partial<ReadRow>
): ReadRow {
	return {
		line: p.line,
		seqNo: null,
		name,
		content: null,
		periodTarget: null,
		statusText,
		statusWord: null,
		owner: null,
		leader: null,
		note: null,
		reported: { status, evidence },
		...extra
	};
}

/** A name given twice in one part (the same paragraph printed again, or a headline and its detail) is one task. */
function dedupe(rows: ReadRow[], warnings: ImportWarning[]): ReadRow[] {
	const byName = new Map<string, ReadRow>();
	for (const r of rows) {
		const first = byName.get(r.name);
		if (!first) byName.set(r.name, r);
		else if (first.reported?.status !== r.reported?.status) {
			warnings.push({
				line: r.line,
				message: `“${r.name}”在第${first.line}行和第${r.line}行归入不同的状态，按第${first.line}行导入`
			});
		}
	}
	return [...byName.values()];
}

function shift(match: PhraseMatch, by: number): PhraseMatch {
	return { ...match, start: match.start + by, end: match.end + by };
}

/** Phrases joined by 或 / 和 / 及 (已完成和提前完成) are one group; it takes the more cautious status. */
function joinPhrases(text: string, phrases: PhraseMatch[]): PhraseMatch[] {
	const out: PhraseMatch[] = [];
	for (const phrase of phrases) {
		const previous = out[out.length - 1];
		if (previous && /^[或和及与、]$/.test(text.slice(previous.end, phrase.start))) {
			out[out.length - 1] = {
				start: previous.start,
				end: phrase.end,
				text: text.slice(previous.start, phrase.end),
				status: mostCautious([previous.status, phrase.status])
			};
		} else out.push(phrase);
	}
	return out;
}
