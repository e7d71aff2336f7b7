/**
 * The figures of one indicator clause, as pages write them: 财政总收入25.76亿元，完成年度目标的56.00%;
 * 城镇新增就业1100万人以上; 国内生产总值…比上年增长6.1%; 城镇登记失业率4.5%以内; 比目标高0.5个百分点.
 * A clause gives a name (the words before its figure), a quantity with its unit, a growth rate, a
 * percent of the annual target, a deviation from the target and a verdict on it — whichever it
 * states. Nothing here guesses: a figure not written is null.
 */
import { extractPercent, UNITS } from './targets';

export interface Quantity {
	value: number;
	/** The unit as printed with its magnitude (亿元, 万人, %), '' for a bare number before 以上. */
	unit: string;
	comparator: '>=' | '<=' | '=' | '~';
	/** A rate of change (增长6%, 下降3%, 降低20%) rather than a level: what the number measures. */
	change: 'up' | 'down' | null;
	text: string;
	start: number;
}

export interface ClauseFigures {
	/** The indicator's name: the words before its figure, without time, place and verbs. */
	name: string;
	/** The clause's figure: the last quantity of its first part that has one. */
	quantity: Quantity | null;
	/** A target stated before what was done toward it (10个全民健身示范工程已开工8个 → 10个). */
	target: Quantity | null;
	/** Growth as stated (增长28.6% → 28.6, 下降3% → −3). */
	growth: number | null;
	/** Percent of the annual target (完成年度目标的56%, 完成率111.5%, 占年度计划的80%). */
	percent: number | null;
	percentText: string | null;
	/** Percentage points above (+) or below (−) the target. */
	deviation: number | null;
	/** A verdict on the target: 符合/完成/达到(年度)(预期)目标 → true; 未完成/未达到 → false. */
	met: boolean | null;
	/** The phrase the verdict or deviation was read from. */
	phrase: string | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const UNIT = `(?:[万亿千百]?(?:${UNITS.filter((u) => u !== '个百分点')
	.map(escape)
	.join('|')})|万|亿)`;
const BEFORE = '不少于|不低于|至少|超过|多于|高于|达到|达|近|约|不超过|不高于|控制在|少于|低于|降至|降到|降低到|下降到';
const CHANGE = '增长|增加|提高|提升|下降|降低|减少|压减|压缩|缩减';
/**
 * A range (6%-6.5%) or one number, with its unit, the words before it and a suffix. Spaces between
 * them are at most three (SPACE): with `\s*` on both sides of the optional range, a number before a
 * long run of spaces (a pasted cell) is tried against every split of the run, quadratic in its length.
 */
const SPACE = '\\s{0,3}';
const QUANTITY = new RegExp(
	`(${BEFORE})?(${CHANGE})?(?:以上)?${SPACE}(\\d{1,12}(?:\\.\\d{1,6})?)${SPACE}(?:${UNIT}?${SPACE}[-—–~至到]${SPACE}(\\d{1,12}(?:\\.\\d{1,6})?))?${SPACE}(${UNIT})(以上|以内|以下|左右)?`,
	'gu'
);
/** Words that say what was done toward a target stated before them. */
const DONE = /已|开工|完工|建成|完成/u;
const DOWN = /下降|降低|减少|压减|压缩|缩减/;
/** A number right after these is a rank, a list number or part of a name, not a figure. */
const NOT_A_FIGURE_BEFORE = /[第排前\d.．]$/;

/** Every quantity of a text, in order. */
export function quantitiesOf(text: string): Quantity[] {
	const found: Quantity[] = [];
	for (const match of text.matchAll(QUANTITY)) {
		const [whole, before, change, from, to, unit, suffix] = match;
		const start = match.index;
		if (!before && !change && NOT_A_FIGURE_BEFORE.test(text.slice(0, start))) continue;
		if (unit === '位' || unit === '名' || text.startsWith('百分点', start + whole.length)) continue;
		const value = Number(from);
		const comparator: Quantity['comparator'] = to
			? '>='
			: suffix === '以上' || /不少于|不低于|至少|超过|多于|高于/.test(before ?? '')
				? '>='
				: suffix === '以内' ||
					  suffix === '以下' ||
					  /不超过|不高于|控制在|少于|低于|降至|降到|降低到|下降到/.test(before ?? '')
					? '<='
					: suffix === '左右' || /近|约/.test(before ?? '')
						? '~'
						: '=';
		found.push({
			value,
			unit: unit === '％' ? '%' : unit,
			comparator,
			change: change ? (DOWN.test(change) ? 'down' : 'up') : null,
			text: whole.replace(new RegExp(`^(?:${BEFORE})`), '').trim(),
			start
		});
	}
	return found;
}

const GROWTH =
	/(?:比上年同期|比上年|比去年同期|同比|较上年|较去年)?(?:可比)?(?:分别)?(增长|下降|降低)\s*(\d{1,6}(?:\.\d{1,4})?)\s*[%％]/u;
const DEVIATION =
	/(?:比|较)?(?:年度|预期|全年)?目标(?:值|进度|增速)?(高|低|快|慢|多|少)(?:出)?\s*(\d{1,4}(?:\.\d{1,4})?)\s*个百分点|(高于|低于|超出|超过|快于|慢于)(?:年度|预期|全年)?目标(?:值|进度|增速)?\s*(\d{1,4}(?:\.\d{1,4})?)\s*个百分点/u;
/** A percent of the annual target in the words extractPercent leaves to indicator pages: 为年度目标的56%, 达全年计划的80%. */
const SHARE_OF_TARGET =
	/(?:为|达|达到|相当于)(?:全年|年度)(?:目标|任务|计划)(?:任务)?的\s?(\d{1,6}(?:\.\d{1,4})?)\s?[%％]/u;
const MET = /(?:符合|完成|达到|实现)(?:了)?(?:年度|全年)?(?:预期)?目标(?:任务)?/u;
const MISSED = /(?:未|没有|尚未)(?:能)?(?:完成|达到|实现)(?:年度|全年)?(?:预期)?目标/u;

/** Time and place words that open a clause: 上半年，全市完成… */
const LEADING =
	/^(?:[\s，,：:、]|上半年|下半年|前三季度|全年|今年以来|去年(?:全年)?|目前|截至[^，,]{0,12}?(?:底|末)|\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月份?|\d{1,2}月份?(?:项目)?进展|项目进展|(?:19|20)\d{2}年(?:度)?|全[国省市区县镇乡]|本[市区县镇]|我[市区县镇]|[^，,。；;：:]{1,8}方面|报告(?:提出|明确|要求)|落实结果显示|实际(?:上|“成绩单”显示)?|最终|完成|实现|累计(?:完成|实现)?|共|已)+/u;
/** Words that close a name before its figure: 失业率为3.31%, 保障率已达89.33%. */
const TRAILING = /(?:已|为|达|达到|约|近|共|计|共计|累计|再|分别|同比|比上年同期|可比|新增|的)+$/u;

/** Cleans the words before a figure into an indicator name. */
export function indicatorName(text: string): string {
	return text
		.replace(LEADING, '')
		.replace(TRAILING, '')
		.replace(/[“（(]$/u, '')
		.trim();
}

/** Reads one clause (a part of a sentence between ； or a whole item). */
export function clauseFigures(text: string): ClauseFigures {
	const { name, quantity, target } = firstFigure(text);
	const growth = GROWTH.exec(text);
	const deviation = DEVIATION.exec(text);
	const missed = MISSED.exec(text);
	const met = missed ? null : MET.exec(text);
	const stated = extractPercent(text) === null ? SHARE_OF_TARGET.exec(text) : null;
	const percent = stated ? Number(stated[1]) : extractPercent(text);
	return {
		name,
		quantity,
		target,
		growth: growth ? Number(growth[2]) * (growth[1] === '增长' ? 1 : -1) : null,
		percent,
		percentText: stated ? stated[0] : percent === null ? null : percentPhrase(text),
		deviation: deviation ? deviationValue(deviation) : null,
		met: missed ? false : met ? true : null,
		phrase: (deviation?.[0] ?? missed?.[0] ?? met?.[0] ?? null) || null
	};
}

/**
 * The name and figure of the first part of a clause (between ，) that has a figure: the words before
 * its last quantity (投资10亿元以上项目 | 10个) or before its growth (社会固定资产投资 | 增长86.1%). A
 * quantity that opens the part and is followed by what was done toward it (10个全民健身示范工程已开工
 * 8个) is the target, and the name runs from it to the deed.
 */
function firstFigure(text: string): { name: string; quantity: Quantity | null; target: Quantity | null } {
	const parts = text.split(/[，,]/);
	let offset = 0;
	for (const part of parts) {
		const found = quantitiesOf(part);
		const at = offset;
		const shift = (q: Quantity): Quantity => ({ ...q, start: q.start + at });
		offset += part.length + 1;
		if (found.length === 0) continue;
		const [first, second] = found;
		const leads =
			second !== undefined &&
			!first.change &&
			indicatorName(part.slice(0, first.start)) === '' &&
			DONE.test(part.slice(first.start + first.text.length, second.start));
		if (leads) {
			const name = part.slice(first.start + first.text.length).split(/已|开工|完工|建成|、/u)[0];
			return { name: indicatorName(name), quantity: null, target: shift(first) };
		}
		const quantity = found.at(-1)!;
		const growthAt = GROWTH.exec(part)?.index ?? Number.POSITIVE_INFINITY;
		return {
			name: indicatorName(part.slice(0, Math.min(quantity.start, growthAt))),
			quantity: shift(quantity),
			target: null
		};
	}
	return { name: indicatorName(parts[0].split(/同比|比上年|较上年|[（(]/u)[0]), quantity: null, target: null };
}

function deviationValue(match: RegExpExecArray): number {
	const word = match[1] ?? match[3];
	const value = Number(match[2] ?? match[4]);
	return /高|快|多|超/.test(word) ? value : -value;
}

function percentPhrase(text: string): string | null {
	return (
		/(?:完成率|完工率|完成(?:全年|年度)(?:目标|任务|计划)?(?:任务)?的|占(?:全年|年度)(?:目标|任务|计划)的?|完成进度|进度)(?:了|达到|达|为|约)?\s?\d{1,6}(?:\.\d{1,4})?\s?[%％]/u.exec(
			text
		)?.[0] ?? null
	);
}

/** Two units measure the same thing: equal, or one is the other's magnitude alone (1000万 and 1109万人). */
export function sameUnit(a: string, b: string): boolean {
	if (a === b) return true;
	const magnitude = (u: string) => /^[万亿千百]*/.exec(u)![0];
	return magnitude(a) === magnitude(b) && (a === magnitude(a) || b === magnitude(b));
}

/**
 * Splits a sentence into items, each naming one indicator with its figures: at ；，， and at 、 where
 * the words before it have a figure of their own (二氧化硫、氮氧化物排放量下降3% is one item). A piece
 * without a figure belongs to the item it qualifies: leading words (减税降费方面，报告提出，) to the
 * next, anything after a figure (比上年增长6.1%，符合年度预期目标) to the one before.
 */
export function splitItems(sentence: string): string[] {
	const pieces: string[] = [];
	for (const part of sentence.split(/[；;，,]/u)) {
		let current = '';
		for (const bit of part.split('、')) {
			current = current === '' ? bit : `${current}、${bit}`;
			if (hasFigure(bit)) {
				pieces.push(current);
				current = '';
			}
		}
		if (current !== '') pieces.push(current);
	}
	const items: string[] = [];
	let pending = '';
	for (const piece of pieces.map((p) => p.trim()).filter((p) => p !== '')) {
		const figured = hasFigure(piece);
		const nameless = figured && NAMELESS.test(clauseFigures(piece).name);
		if (items.length > 0 && (!figured || nameless) && pending === '') {
			items[items.length - 1] += `，${piece}`;
		} else if (!figured) {
			pending = pending === '' ? piece : `${pending}，${piece}`;
		} else {
			items.push(pending === '' ? piece : `${pending}，${piece}`);
			pending = '';
		}
	}
	if (pending !== '' && items.length === 0) items.push(pending);
	return items;
}

/** What a piece that only adds a figure to the item before it starts with: 比上年增长6.1%. */
const NAMELESS = /^(?:$|比|较|同比|环比|增长|下降|降低|提高|增速|增幅|占)/u;

function hasFigure(text: string): boolean {
	return quantitiesOf(text).length > 0;
}
/** A count of items (15项民生实事, 44项量化指标任务) is a notice's tally, not an indicator. */
const ITEM_COUNT = /^(?:项|件)$/u;
/** Words that open a sentence, never an indicator's name: 不过, 从督查情况看, 根据… */
const NOT_A_NAME =
	/^(?:不过|但|从|根据|按照|经|由于|其中|同时|另外|此外|对|在|为|目前|截至|今年|共有|全部|各)|[■□●◆▲►•*]|[、，,：:]$/u;

/**
 * A name cut inside a bracket (城西公园（完成 — the figure was an aside to an item), or a list of
 * items each with its own bracketed figure (甲（完成45%）、乙), is no indicator: such text is a notice's list.
 */
const LISTED_ITEMS = /[（(][^）)]*$|[）)]、/u;

export function isIndicatorName(name: string): boolean {
	return name.length >= 2 && name.length <= 40 && !NOT_A_NAME.test(name) && !LISTED_ITEMS.test(name);
}

/** Whether a clause tallies items (量化指标任务共55项, 达到序时进度44项、占比80%) rather than measuring one indicator. */
export function countsItems(figures: ClauseFigures): boolean {
	const unit = (figures.quantity ?? figures.target)?.unit ?? '';
	if (/\d\s*[项件]/u.test(figures.name)) return true;
	return ITEM_COUNT.test(unit) && /任务|指标|实事|事项|项目|工程/u.test(figures.name);
}
