/**
 * The phrases by which a supervision notice (督查通报) sorts its items into status groups:
 * 已完成的有…, 进度滞后的项目：…, 97个项目达序时或超序时进度, 完成情况不够理想. Kept as data, one
 * pattern a row, matched on the simplified form of the text (matchForm). A notice states these
 * groups itself, so a task named under one gets the group's status as `reported`.
 */
import type { Status } from '../../domain/status';

export interface GroupPhraseRule {
	/** A regular expression source, matched at one position (sticky). */
	pattern: string;
	status: Status;
}

const rules = (status: Status, patterns: string[]): GroupPhraseRule[] =>
	patterns.map((pattern) => ({ pattern, status }));

/** Where several rules match at one position, the longest match wins (未达到序时进度 over 达到序时进度). */
export const GROUP_PHRASES: readonly GroupPhraseRule[] = [
	...rules('completed', [
		'(?:已经|已|均已)?(?:全部|提前)?完成(?:或(?:基本|超额)完成)',
		'(?:已经|已|均已|已全部|已提前)?(?:提前|超额)?完成了?(?:全年|年度)(?:目标)?(?:任务)?',
		'(?:已经|已|均已|已全部)(?:提前)?(?:完成|完工|竣工|建成)',
		'提前完成(?:任务)?',
		'基本完成',
		'全部完成',
		'(?:完成率|完成进度|进度|完成比例)(?:达到?|为)?100%'
	]),
	...rules('ahead', [
		'(?:提前或超额|超额或提前|提前|超额)完成了?(?:节点|阶段|序时)(?:任务|目标)',
		'(?:进展|进度)(?:相对)?较快',
		'超(?:序时|时序|时间)?进度',
		'(?:快于|高于|超过)(?:序时|时间)进度'
	]),
	...rules('on_track', [
		'达到?序时(?:进度)?(?:要求)?(?:或超序时进度)?',
		'达进度',
		'(?:按照?|符合)(?:序时|时间节点|计划|时序)(?:进度)?(?:要求)?(?:稳步|有序|顺利)?推进',
		'(?:稳步|有序|顺利|正常)推进',
		'进展(?:情况)?(?:良好|顺利)',
		'按计划完成(?:节点|阶段)(?:任务|目标)',
		'完成情况(?:较好|良好)',
		'有?序时推进',
		// A band of percents that defines the group: 完成率在80%以上的项目有…
		'(?:完成率|完成进度|进度|完成比例)(?:达到?|在|超过|高于)\\d+(?:\\.\\d+)?%(?:以上|及以上)'
	]),
	...rules('behind', [
		'未达到?序时(?:进度)?(?:要求)?',
		'欠进度',
		'(?:建设|完成)?(?:进度|进展)(?:相对)?(?:偏慢|较慢|缓慢|滞后|落后)',
		'滞后(?:于)?(?:序时|时序|时间)(?:进度)?',
		'(?:进度)?滞后',
		'(?:落后|慢|低)于(?:序时|时间|计划)(?:进度)?',
		'完成情况不(?:够|太)?理想',
		'完成(?:有|存在)(?:一定)?困难',
		'(?:年底前|年内)?(?:不能|难以|无法)(?:全部|按期)?完成',
		'未完成[^，,。；;、]{0,8}任务',
		'(?:完成率|完成进度|进度|完成比例)(?:低于|不足|未达到?|小于)\\d+(?:\\.\\d+)?%',
		'推进(?:缓慢|迟缓)',
		'进展迟缓',
		'处于停滞(?:状态)?'
	]),
	...rules('not_started', ['(?:尚|暂)?未(?:开工|启动|开启|开展)(?:建设)?']),
	...rules('unknown', ['调整节点目标', '出现调整', '调整的(?:项目|任务|指标)', '其[它他]类'])
];

export interface PhraseMatch {
	start: number;
	end: number;
	text: string;
	status: Status;
}

const COMPILED = GROUP_PHRASES.map((rule) => ({ ...rule, regex: new RegExp(rule.pattern, 'y') }));

/** A clause that denies or plans what follows is no report of it (没有任何项目落后, 力争提前完成). */
const NEGATED = /没有|并未|并非|不属于|无一|未出现/;
/** A clause that sets a rule for whatever falls under it (对…未达到序时进度的要…): no report of any item. */
const CONDITION = /^\s*对/;
/** What is planned for later (4月份计划：加快未开工项目…; 下一步): no report of how things stand. */
const LATER = /计划[:：]|下一步|下步/;
const INTENDED = /力争|争取|确保|计划|预计|有望|将于|拟于/;
/** A figure after a phrase that measures it (超额完成8人, 超时间进度2.3个百分点) rather than counting items. */
const MEASURE_AFTER = /^\d+(?:\.\d+)?(?!\d|\.)(?![项个件])|^\d+(?:\.\d+)?个百分点/;
/** What may follow a status phrase that closes a group (…完成的有, …进度11项, …推进。). */
const GROUP_FOLLOW = /^(?:$|[，,。；;：:、）)”"（(和或及是为有]|的|\d|等|任务|目标|项目|工作)/;

/**
 * Status phrases in `text` (simplified form), leftmost-longest, without those negated, planned,
 * followed by a measure, or running into an object (已完成适龄女生接种 is work done, not a group).
 */
export function findGroupPhrases(text: string): PhraseMatch[] {
	const found: PhraseMatch[] = [];
	for (let i = 0; i < text.length; ) {
		let best: PhraseMatch | null = null;
		for (const rule of COMPILED) {
			rule.regex.lastIndex = i;
			const match = rule.regex.exec(text);
			if (match && match[0].length > 0 && (!best || match[0].length > best.end - best.start)) {
				best = { start: i, end: i + match[0].length, text: match[0], status: rule.status };
			}
		}
		if (!best) {
			i++;
			continue;
		}
		if (standsAsGroup(text, best)) found.push(best);
		i = best.end;
	}
	return found;
}

function standsAsGroup(text: string, match: PhraseMatch): boolean {
	const after = text.slice(match.end);
	if (MEASURE_AFTER.test(after) || !GROUP_FOLLOW.test(after)) return false;
	const clause = clauseBefore(text, match.start);
	if (NEGATED.test(clause) || CONDITION.test(clause) || LATER.test(text.slice(0, match.start))) return false;
	const positive = match.status === 'completed' || match.status === 'ahead' || match.status === 'on_track';
	return !(positive && INTENDED.test(clause));
}

function clauseBefore(text: string, start: number): string {
	let from = start;
	while (from > 0 && !/[，,。；;：:\n]/.test(text[from - 1])) from--;
	return text.slice(from, start);
}

/** The most cautious of several statuses: one lagging part holds a whole item back. */
export const CAUTION_ORDER: readonly Status[] = ['behind', 'not_started', 'unknown', 'on_track', 'ahead', 'completed'];

export function mostCautious(statuses: readonly Status[]): Status {
	return CAUTION_ORDER.find((s) => statuses.includes(s)) ?? 'unknown';
}
