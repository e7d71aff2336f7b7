/**
 * Status from words. Some reports have a status column (目标完成情况: 顺利推进; 是否达序: 是); most
 * give only a narrative. Both are read against one vocabulary, taken from real reports and
 * supervision bulletins (DESIGN.md, "Status words seen in real reports"), kept here as data.
 *
 * How a narrative is read:
 * - Phrases are matched leftmost-longest, so 未完成 is never read as 完成 and 未达到序时进度 never
 *   as 达到序时进度. A phrase right after 未/不/无/没/非 (并未滞后) decides nothing, nor does a
 *   positive phrase in a clause of intent (计划/力争/预计…完成), nor anything after 下步打算.
 * - A verdict states the task's standing (达到序时进度, 滞后, 已完成。). When several verdicts
 *   appear, the most cautious wins (behind, not started, unknown, on track, ahead, completed):
 *   one lagging part holds the whole task back, and a text saying both 已完成 and 稳步推进 is
 *   still in progress.
 * - Progress is a part of the work reported done or begun (已完成海塘路沿线提升, 全面开工建设,
 *   启动规划编制). Without a verdict it means the task is under way: on_track (推进中). A narrative
 *   listing activities only (开展, 举办, 建立, 出台…) is not decisive: those verbs read the same in
 *   plans and reports.
 * - 基本完成 and 未完成 speak of the whole year: at year end they mean completed and behind; before
 *   it 基本完成 is on track and 未完成 decides nothing.
 * - No decisive phrase: unknown, with no evidence. Never a guess.
 */
import { periodEndMonth, type Period } from '../../domain/period';
import type { Status } from '../../domain/status';

export interface StatusRule {
	phrase: string;
	/** null: decides nothing, but keeps the shorter phrases inside it from matching (完成情况 is not 完成). */
	status: Status | null;
	/** verdict: the task's standing; progress: part of the work done or begun (on_track unless a verdict says otherwise). */
	kind: 'verdict' | 'progress';
	/** Only at the year's end, or only before it. */
	when?: 'year-end' | 'before-year-end';
	/** Where the phrase must stand: closing its clause (…已完成。) or before what was done (已完成海塘路…). */
	place?: 'clause-end' | 'before-object';
}

const verdict = (status: Status | null, phrases: string[], extra: Partial<StatusRule> = {}): StatusRule[] =>
	phrases.map((phrase) => ({ phrase, status, kind: 'verdict', ...extra }));
const progress = (phrases: string[], extra: Partial<StatusRule> = {}): StatusRule[] =>
	phrases.map((phrase) => ({ phrase, status: 'on_track', kind: 'progress', ...extra }));

/** The vocabulary. Order within one phrase matters: the first rule whose conditions hold decides. */
export const STATUS_RULES: readonly StatusRule[] = [
	...verdict('completed', ['已完成'], { place: 'clause-end' }),
	...progress(['已完成'], { place: 'before-object' }),
	...verdict('completed', ['提前完成', '超额完成', '全部完成', '全面完成', '圆满完成', '已完工', '已竣工', '已办结']),
	// Only closing their clause: 完成全年目标的60% is progress, not completion.
	...verdict('completed', ['完成全年目标', '完成全年任务', '完成年度目标', '完成年度任务', '完成全年计划'], {
		place: 'clause-end'
	}),
	...verdict('completed', ['基本完成'], { when: 'year-end' }),
	...verdict('on_track', ['基本完成'], { when: 'before-year-end' }),
	...verdict('ahead', [
		'超进度',
		'超序时进度',
		'超时序进度',
		'超时间进度',
		'高于序时进度',
		'快于序时进度',
		'超过序时进度',
		'超额完成序时进度',
		'进展较快'
	]),
	...verdict('on_track', [
		'达进度',
		'达到序时进度',
		'达序时',
		'符合序时进度',
		'按序时推进',
		'按序时进度推进',
		'按时序推进',
		'与时间进度同步'
	]),
	...verdict('on_track', [
		'按计划完成节点目标',
		'按计划推进',
		'按节点推进',
		'正常推进',
		'稳步推进',
		'有序推进',
		'顺利推进'
	]),
	...verdict('on_track', ['进展顺利', '进展良好', '推进中', '正在推进']),
	...verdict('behind', [
		'欠进度',
		'未达到序时进度',
		'未达到序时',
		'未达序时',
		'滞后序时',
		'慢序时',
		'慢于序时进度',
		'低于序时进度'
	]),
	...verdict('behind', [
		'落后于序时进度',
		'滞后',
		'推进缓慢',
		'进展缓慢',
		'进度偏慢',
		'进度缓慢',
		'完成有一定困难',
		'完成有困难',
		'完成存在困难'
	]),
	...verdict('behind', ['未完成', '尚未完成', '暂未完成', '没有完成', '未能完成'], { when: 'year-end' }),
	...verdict(null, ['未完成', '尚未完成', '暂未完成', '没有完成', '未能完成']),
	...verdict('not_started', [
		'未启动',
		'尚未启动',
		'暂未启动',
		'暂未开启',
		'未开工',
		'尚未开工',
		'暂未开工',
		'尚未开展',
		'暂未开展'
	]),
	...verdict('unknown', ['其它类', '其他类', '调整节点目标', '无法判断']),
	...verdict(null, ['完成情况', '完成值', '完成时限', '完成时间', '完成率', '完成进度']),
	...progress([
		'完成',
		'建成',
		'全面开工',
		'开工建设',
		'已开工',
		'全面启动',
		'已启动',
		'启动',
		'全面开展',
		'已上线',
		'已签约'
	]),
	...progress(['投入使用', '已投用', '通过验收', '已落地', '已开业'])
];

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
 * column's own words (是, 达序 …) and every verdict that holds in any period. 基本完成 and 未完成,
 * whose meaning depends on the period, are left out.
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
	for (const rule of STATUS_RULES)
		if (rule.kind === 'verdict' && rule.status && !rule.when) add(rule.status, rule.phrase);
	for (const [word, status] of Object.entries(REPORTED_WORDS)) add(status, word);
	return words;
}

/** Where a verdict stops being cautious: the first status in this list that any verdict names wins. */
const CAUTION_ORDER: readonly Status[] = ['behind', 'not_started', 'unknown', 'on_track', 'ahead', 'completed'];

const CLAUSE_END = /[，,。；;！!？?：:\n]/;
const NEGATION = /[未不无没非]/;
const INTENT = /计划|力争|争取|预计|确保|将于|将在|即将|拟于|拟在|有望|准备|打算/;
/** The narrative's plans for the next period: not progress so far. */
const NEXT_STEPS = /下步打算|下一步打算|下一步工作|下一步计划|下步计划|下步工作/;
/** Evidence quotes at most this much of a progress clause. */
const EVIDENCE_CHARS = 30;
/** The start of a clause is searched back at most this far, to keep the scan linear. */
const CLAUSE_LOOKBACK = 60;

/** Rules by the first character of their phrase, longest phrase first, for a single left-to-right scan. */
const RULES_BY_FIRST_CHAR = new Map<string, StatusRule[]>();
for (const rule of [...STATUS_RULES].sort((a, b) => b.phrase.length - a.phrase.length)) {
	const list = RULES_BY_FIRST_CHAR.get(rule.phrase[0]) ?? [];
	list.push(rule);
	RULES_BY_FIRST_CHAR.set(rule.phrase[0], list);
}

export interface StatusReading {
	status: Status;
	/** The phrases that decided it, in text order; empty for unknown without an explicit phrase. */
	evidence: string[];
}

type PeriodEnd = Pick<Period, 'quarter' | 'months'>;

interface Hit {
	rule: StatusRule;
	evidence: string;
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
	const normalised = (word ?? '').replace(/\s+/g, '').replace(/[。.！!；;，,]+$/, '');
	if (normalised === '') return null;
	const direct = REPORTED_WORDS[normalised];
	if (direct) return { status: direct, evidence: [normalised] };
	const hits = scan(normalised, period);
	return hits.length > 0 ? { status: decide(hits).status, evidence: [normalised] } : null;
}

function scan(text: string, period: PeriodEnd): Hit[] {
	const next = NEXT_STEPS.exec(text);
	const body = next ? text.slice(0, next.index) : text;
	const yearEnd = periodEndMonth(period) === 12;
	const hits: Hit[] = [];
	let i = 0;
	while (i < body.length) {
		const candidates = RULES_BY_FIRST_CHAR.get(body[i]);
		const phrase = candidates?.find((rule) => body.startsWith(rule.phrase, i))?.phrase;
		if (!candidates || !phrase) {
			i++;
			continue;
		}
		const end = i + phrase.length;
		const rule = candidates.find((r) => r.phrase === phrase && holds(r, body, end, yearEnd));
		if (rule?.status && !negated(body, i) && !(isPositive(rule.status) && intended(body, i))) {
			hits.push({ rule, evidence: rule.kind === 'progress' ? clauseFrom(body, i) : phrase });
		}
		i = end;
	}
	return hits;
}

/** Whether a rule's period and place conditions hold for its phrase ending at `end`. */
function holds(rule: StatusRule, text: string, end: number, yearEnd: boolean): boolean {
	if (rule.when === 'year-end' && !yearEnd) return false;
	if (rule.when === 'before-year-end' && yearEnd) return false;
	const atClauseEnd = end === text.length || CLAUSE_END.test(text[end]) || /\s/.test(text[end]);
	if (rule.place === 'clause-end' && !atClauseEnd) return false;
	if (rule.place === 'before-object' && atClauseEnd) return false;
	return true;
}

function negated(text: string, start: number): boolean {
	return start > 0 && NEGATION.test(text[start - 1]);
}

function isPositive(status: Status): boolean {
	return status === 'completed' || status === 'ahead' || status === 'on_track';
}

/** Whether the clause before `start` announces a plan (计划…完成) rather than a result. */
function intended(text: string, start: number): boolean {
	let from = start;
	while (from > 0 && start - from < CLAUSE_LOOKBACK && !CLAUSE_END.test(text[from - 1])) from--;
	return INTENT.test(text.slice(from, start));
}

/** The progress phrase with what follows it up to the end of its clause: 已完成海塘路沿线道路、景观、立面提升. */
function clauseFrom(text: string, start: number): string {
	let end = start;
	while (end < text.length && end - start < EVIDENCE_CHARS && !CLAUSE_END.test(text[end])) end++;
	return text.slice(start, end).trim();
}

function decide(hits: Hit[]): StatusReading {
	const verdicts = hits.filter((h) => h.rule.kind === 'verdict');
	if (verdicts.length > 0) {
		const status = CAUTION_ORDER.find((s) => verdicts.some((h) => h.rule.status === s)) as Status;
		return { status, evidence: unique(verdicts.filter((h) => h.rule.status === status).map((h) => h.evidence)) };
	}
	if (hits.length > 0) return { status: 'on_track', evidence: unique(hits.map((h) => h.evidence)) };
	return { status: 'unknown', evidence: [] };
}

function unique(items: string[]): string[] {
	return [...new Set(items)];
}
