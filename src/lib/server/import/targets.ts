/**
 * Quantities in a task's content (实施5个以上数字化改造项目 → ≥ 5 个) and the completion percent in
 * its status text (完成80% → 80). These feed the target checks and the 序时进度 comparison, so they
 * must rather miss a number than invent one: years, dates, version numbers (1.0版本), list
 * numbers (1.), ordinals (第3个) and durations (24小时, 6个月) are not targets.
 */
import { chineseNumeral } from './numbering';
import type { Comparator, Target } from './types';

/**
 * Units a target is counted in, longest first so 场次 wins over 场 and 个百分点 over 个.
 * Time units are left out on purpose: 24小时, 3天, 6个月 are service promises or durations.
 */
export const UNITS = [
	'个百分点',
	'平方公里',
	'万平方米',
	'平方米',
	'万人次',
	'万千瓦',
	'个',
	'家',
	'宗',
	'座',
	'场次',
	'场',
	'次',
	'所',
	'项',
	'条',
	'件',
	'人次',
	'人',
	'名',
	'户',
	'套',
	'间',
	'处',
	'公里',
	'千米',
	'米',
	'亩',
	'公顷',
	'吨',
	'辆',
	'台',
	'幢',
	'栋',
	'批',
	'篇',
	'张',
	'床',
	'位',
	'支',
	'部',
	'只',
	'元',
	'千瓦',
	'兆瓦',
	'万元',
	'亿元',
	'%',
	'％'
].sort((a, b) => b.length - a.length);

/** Magnitudes written between a number and its unit: 17.5万家, 22.84亿元. */
const MAGNITUDE = '[万亿千百]?';

const AT_LEAST = ['不少于', '不低于', '至少', '超过', '多于', '高于', '大于'];
const AT_MOST = ['不超过', '不高于', '控制在', '少于', '低于', '小于'];
const SUFFIX: Record<string, Comparator> = {
	及以上: '>=',
	以上: '>=',
	以内: '<=',
	以下: '<=',
	左右: '~'
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ARABIC = '\\d{1,12}(?:\\.\\d{1,6})?';
const CHINESE = '[一二两三四五六七八九十百千]{1,8}';

/**
 * prefix? number (余|多)? magnitude? unit suffix? — every part is a literal or a bounded class,
 * so the work per position is bounded and matching stays linear on a 20 MB text (an unbounded
 * \d+ would make a long run of digits quadratic).
 */
const TARGET = new RegExp(
	`(${[...AT_LEAST, ...AT_MOST].map(escape).join('|')})?` +
		`(${ARABIC}|${CHINESE})` +
		`([余多])?` +
		`(${MAGNITUDE}(?:${UNITS.map(escape).join('|')}))` +
		`(${Object.keys(SUFFIX).map(escape).join('|')})?`,
	'gu'
);

/** What may not stand right before a number: digits and dots (part of a longer number), 第 (ordinal). */
const BAD_BEFORE = /[\d.．第]/;
/** What may not follow a unit: 个月 is a duration, 个人 a word, 元年 a year. Keyed by the unit without magnitude. */
const BAD_AFTER: Record<string, RegExp> = {
	个: /^[月人体]/,
	场: /^[所地景馆]/,
	次: /^[要生]/,
	位: /^[置于]/,
	部: /^[门署分]/,
	元: /^[年素]/
};

/**
 * Every target in a content text, in order. A Chinese numeral counts only with an explicit
 * comparator (三个以上, 不少于十场), since 一件事, 一园一品牌, 两个健康 are names, not quantities.
 */
export function extractTargets(content: string | null): Target[] {
	if (!content) return [];
	const targets: Target[] = [];
	for (const match of content.matchAll(TARGET)) {
		const [text, prefix, number, about, unitText, suffix] = match;
		const start = match.index;
		if (!prefix && BAD_BEFORE.test(content[start - 1] ?? '')) continue;
		const unit = unitText === '％' ? '%' : unitText;
		const after = content.slice(start + text.length, start + text.length + 1);
		if (!suffix && BAD_AFTER[unit.replace(/^[万亿千百](?=.)/, '')]?.test(after)) continue;
		const arabic = /^\d/.test(number);
		if (!arabic && !prefix && !suffix && !about) continue;
		const value = arabic ? Number(number) : chineseNumeral(number);
		if (value === null || !Number.isFinite(value)) continue;
		targets.push({ value, unit, comparator: comparatorOf(prefix, about, suffix), text });
	}
	return targets;
}

function comparatorOf(prefix: string | undefined, about: string | undefined, suffix: string | undefined): Comparator {
	if (suffix) return SUFFIX[suffix];
	if (prefix) return AT_MOST.includes(prefix) ? '<=' : '>=';
	if (about) return '>=';
	return '=';
}

const PERCENT_WORDS = ['完成率', '完工率', '完成进度', '形象进度', '工程进度', '建设进度', '总体进度', '进度', '完成'];
/**
 * A percent right after a completion word, optionally joined by 了/达/达到/为/约; or 完成(全年|年度)…的N%.
 * Growth (增长13.7%), shares (占比) and rates (落地率) have none of these words right before the number.
 */
const PERCENT = new RegExp(
	`(?:(?:${PERCENT_WORDS.join('|')})(?:了|达到|达|为|约)?|完成(?:全年|年度)(?:目标|任务|计划)?(?:任务)?的|占(?:全年|年度|年)(?:目标|任务|计划)(?:投资|任务)?的?)` +
		`\\s?(\\d{1,6}(?:\\.\\d{1,4})?)\\s?[%％]`,
	'u'
);

/**
 * The first completion percent in a status text (完成60%, 完成率80%, 工程完成80%, 完成全年目标的62.5%,
 * 占年度计划投资的40.4% — a share of the year's budget), or null. May exceed 100 (超额完成 reports
 * 223%). "80%的项目完成…" is not read: the share of projects is not the task's completion.
 */
export function extractPercent(statusText: string | null): number | null {
	if (!statusText) return null;
	const match = PERCENT.exec(statusText);
	return match ? Number(match[1]) : null;
}
