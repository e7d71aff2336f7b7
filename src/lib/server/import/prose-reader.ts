/**
 * Indicator pages written as prose → the shared TableReading. Many progress pages have no table:
 * they give each indicator or project in a sentence (财政总收入25.76亿元，完成年度目标的56.00%；…) or
 * in a numbered paragraph (（一）…整体完成率111.5%。 1.引进…不少于3个。上半年，引进…3个。). Each
 * becomes a row with its figures, so the draft's status follows from the numbers. What is read:
 * - a sentence whose clauses (between ；) each state a measure against a target — percent of the
 *   annual target, 完成率, a deviation from the target, a verdict — gives a row per clause; under a
 *   heading that names indicators (主要指标, 预期目标) any clause with a figure does;
 * - a paragraph that states a plan and then what was done (报告提出…。落实结果显示，…; 1.…。上半年，…)
 *   gives a row per planned figure, paired with the result that names the same thing;
 * - any other numbered paragraph with a measure, or under an indicator heading, gives one row.
 * Narrative without measures gives nothing: rows are never invented from prose that names none.
 */
import {
	clauseFigures,
	countsItems,
	indicatorName,
	isIndicatorName,
	quantitiesOf,
	splitItems,
	type ClauseFigures
} from './figures';
import { paragraphNumber } from './numbering';
import { trimWhere } from './normalise';
import { figuresOf, pairItems, type ProseRow } from './prose-pairing';
import { quote, TERMINAL } from './table';
import type { ImportWarning } from './types';

export interface ProseParagraph {
	text: string;
	line: number;
}

export interface ProseBody {
	rows: ProseRow[];
	warnings: ImportWarning[];
}

/** A heading is a short line without sentence punctuation or figures. */
const HEADING_MAX = 40;
const SENTENCE_END = /(?<=[。！？!?])/u;
/** A sentence that reports what was done opens with the period or a word that says so. */
const RESULT_START =
	/^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）.、．]\s*)?(?:上半年|下半年|前三季度|全年|今年以来|去年|目前|截至|\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月|\d{1,2}月(?:份)?(?:以来|底|末)|实际|落实结果|最终|结果显示|已)/u;
/** Inside a sentence, the turn from the plan to the result: ，实际“成绩单”显示，… */
const RESULT_TURN = /[，,](?=实际|落实结果|最终|结果显示)/u;
/** Headings that announce indicators: their paragraphs' figures are indicators even without a target. */
const INDICATOR_HEADING = /指标|预期目标|主要目标|目标任务/u;
/** A clause that only adds a measure of the project before it (完成投资248万元、占年度计划的80%). */
const SUB_MEASURE = /^(?:投资|资金|拨付资金|支出|占年度|占全年|开工率|完工率|完成率)/u;

/** A numbered item in more sentences than this is narrative, not one indicator. */
const MAX_ITEM_SENTENCES = 2;

/** Reads the paragraphs of a page's body. */
export function readProseBody(paragraphs: readonly ProseParagraph[], ended: boolean): ProseBody {
	const rows: ProseRow[] = [];
	const warnings: ImportWarning[] = [];
	let heading: string | null = null;
	let indicators = false;
	paragraphs.forEach((paragraph, k) => {
		let text = paragraph.text.trim();
		if (k === paragraphs.length - 1 && !ended && !TERMINAL.test(text) && !/[”）)]$/.test(text)) {
			warnings.push({
				line: paragraph.line,
				message: `文档在此行中断（截断），最后一句不完整，未导入：${quote(lastSentence(text))}`
			});
			text = text.slice(0, text.length - lastSentence(text).length).trim();
			if (text === '') return;
		}
		const numbered = paragraphNumber(text);
		if (isHeading(text)) {
			heading = (numbered?.rest ?? text).trim();
			indicators = INDICATOR_HEADING.test(heading);
			return;
		}
		const found = readParagraph(text, paragraph.line, numbered !== null, indicators);
		rows.push(...found.map((row) => ({ ...row, category: heading })));
	});
	return { rows, warnings };
}

function isHeading(text: string): boolean {
	return text.length <= HEADING_MAX && !/[。；;！!？?]/.test(text) && quantitiesOf(text).length === 0;
}

function lastSentence(text: string): string {
	const sentences = text.split(SENTENCE_END);
	return sentences.at(-1) ?? text;
}

function readParagraph(text: string, line: number, numbered: boolean, indicators: boolean): ProseRow[] {
	const sentences = splitResult(text.split(SENTENCE_END).filter((s) => s.trim() !== ''));
	const opens = sentences.findIndex((s) => RESULT_START.test(s.trim()));
	// A numbered paragraph that states a measure (整体完成率114.7%) reports a result however it opens.
	const resultAt = opens === -1 && numbered && isMeasured(clauseFigures(text)) ? 0 : opens;
	// Under an indicator heading a bare figure is an indicator only where the paragraph reports (上半年，…): a plan's figures are targets.
	const reporting = indicators && opens !== -1;
	const plan = resultAt === -1 ? (numbered ? sentences : []) : sentences.slice(0, resultAt);
	const result = resultAt === -1 ? (numbered ? [] : sentences) : sentences.slice(resultAt);
	const planned = plan.some((s) => quantitiesOf(s).length > 0);
	if (planned && result.length > 0) {
		const rows = pairItems(withoutNumber(plan.join('')), result.join(''), line);
		if (rows.length > 0) return rows;
	}
	const clauses = result.flatMap((s) => s.split(/[；;]/u)).filter((c) => c.trim() !== '');
	const measured = measuredClauses(clauses, reporting);
	if (measured.length > 1 || (measured.length === 1 && !numbered)) return measured.map((c) => clauseRow(c, line));
	// A numbered paragraph is one item when it is short; in a long narrative a rate speaks of a part of it.
	const short = sentences.length <= MAX_ITEM_SENTENCES;
	const reports = result.length > 0 && (isMeasured(clauseFigures(result.join(''))) || (indicators && reporting));
	const row = numbered && reports && (short || indicators) ? paragraphRow(text, plan, result, line) : null;
	return row ? [row] : [];
}

/** Splits a sentence that turns from plan to result (…的目标，实际“成绩单”显示，…) into the two. */
function splitResult(sentences: string[]): string[] {
	return sentences.flatMap((s) => {
		const turn = RESULT_TURN.exec(s);
		return turn && turn.index > 0 ? [s.slice(0, turn.index + 1), s.slice(turn.index + 1)] : [s];
	});
}

interface Clause {
	text: string;
	figures: ClauseFigures;
}

/**
 * The clauses that state an indicator: a measure against the target, or under an indicator
 * heading any figure. A clause that only adds a sub-measure of the one before (its investment)
 * joins it.
 */
function measuredClauses(texts: readonly string[], indicators: boolean): Clause[] {
	const clauses: Clause[] = [];
	for (const raw of texts) {
		const text = trimWhere(raw.trim(), (c) => '。；;，,'.includes(c));
		const figures = clauseFigures(text);
		const measure = isMeasured(figures);
		const figure = figures.quantity !== null || figures.growth !== null;
		if (!(measure || (indicators && figure)) || !isIndicatorName(figures.name) || countsItems(figures)) continue;
		const previous = clauses.at(-1);
		if (previous && SUB_MEASURE.test(figures.name)) {
			previous.text = `${previous.text}；${text}`;
			continue;
		}
		clauses.push({ text, figures });
	}
	return clauses;
}

function clauseRow({ text, figures }: Clause, line: number): ProseRow {
	return {
		line,
		name: figures.name,
		content: null,
		statusText: text,
		indicator: figuresOf(figures, null, text)
	};
}

/** One row for a numbered paragraph: named after its first item, its figures the paragraph's. */
function paragraphRow(text: string, plan: string[], result: string[], line: number): ProseRow | null {
	const body = paragraphNumber(text)?.rest ?? text;
	const first = splitItems(body.split(/[。；;]/u)[0])[0] ?? body;
	const name = clauseFigures(first.split('、')[0]).name || indicatorName(first);
	if (!isIndicatorName(name)) return null;
	const stated = clauseFigures(result.length > 0 ? result.join('') : body);
	// A paragraph of several items has no one actual: its figure is its percent.
	const several = splitItems(result.length > 0 ? result.join('') : body).length > 1 || /、/.test(first);
	const figures = several ? { ...stated, quantity: null } : stated;
	return {
		line,
		name,
		content: plan.length > 0 ? withoutNumber(plan.join('')) || null : null,
		statusText: result.length > 0 ? result.join('').trim() : plan.length > 0 ? null : body.trim(),
		indicator: figuresOf(figures, null, null)
	};
}

function withoutNumber(text: string): string {
	return (paragraphNumber(text)?.rest ?? text).trim();
}

/** Whether a clause measures against a target: a percent of it, a deviation from it, a verdict on it. */
function isMeasured(figures: ClauseFigures): boolean {
	return figures.percent !== null || figures.deviation !== null || figures.met !== null;
}
