/**
 * Reporting periods (报告期). A period is the point in a year that a report speaks of:
 * 一季度 ends in March, 上半年 in June, 1-11月 in November, 全年 in December.
 * Two periods with the same year and end month are the same period (上半年 = 第二季度),
 * since progress reports are cumulative from the start of the year.
 */

export interface Period {
	year: number;
	/** 1–4 when the period ends at a quarter's end, else null (1-11月). */
	quarter: number | null;
	/** [first, last] month when the report names a month range (1-11月), else null. */
	months: [number, number] | null;
	/** The period's name as the report wrote it, or a canonical name. */
	label: string;
}

/**
 * A period as the database stores it and every page receives it (the one shape outside the importer, which
 * keeps the report's own wording in `Period` until the write turns it into this).
 */
export interface StoredPeriod {
	year: number;
	quarter: number | null;
	/** First month when the report named a month range (1-11月), else null. */
	monthStart: number | null;
	/** Last month the period covers, 1–12. */
	monthEnd: number;
}

/** Either shape, where only the period's end matters (序时进度). */
export type PeriodEnd = Pick<Period, 'quarter' | 'months'> | Pick<StoredPeriod, 'monthEnd'>;

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function cnNumber(text: string): number | null {
	if (/^\d+$/.test(text)) return Number(text);
	if (text === '十一') return 11;
	if (text === '十二') return 12;
	return CN_DIGITS[text] ?? null;
}

export const QUARTER_LABEL: Record<number, string> = { 1: '一季度', 2: '二季度', 3: '三季度', 4: '四季度' };

/** The last month a period covers, 1–12. */
export function periodEndMonth(period: PeriodEnd): number {
	if ('monthEnd' in period) return period.monthEnd;
	if (period.months) return period.months[1];
	if (period.quarter) return period.quarter * 3;
	return 12;
}

/** 序时进度: the share of the year elapsed at the period's end (Q1 0.25, 1-11月 ≈ 0.917). */
export function elapsedFraction(period: PeriodEnd): number {
	return periodEndMonth(period) / 12;
}

/** A canonical label for a period, in the UI language. */
export function formatPeriod(period: Omit<Period, 'label'>, lang: 'zh' | 'en' = 'zh'): string {
	if (period.months && !(period.months[0] === 1 && period.months[1] % 3 === 0 && period.quarter)) {
		return lang === 'zh'
			? `${period.year}年${period.months[0]}-${period.months[1]}月`
			: `${period.year} Jan–${MONTH_EN[period.months[1] - 1]}`;
	}
	const q = period.quarter ?? 4;
	return lang === 'zh' ? `${period.year}年${QUARTER_LABEL[q]}` : `${period.year} Q${q}`;
}

const MONTH_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Finds the period a title or column header names: 第二季度, 二季度, 一季度, 上半年, 半年度,
 * 前三季度, 1-11月, 1—11月, 12月, 全年, 年度 (but not the 年度 of 2023年度, which names a year).
 * Returns quarter/months without the year (the caller knows it from the title), or null when
 * nothing matches.
 */
export function findPeriodIn(text: string): Omit<Period, 'year'> | null {
	const range = /(\d{1,2}|[一二三四五六七八九十]{1,2})\s*[-—–~至到]\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月/.exec(
		text
	);
	if (range) {
		const from = cnNumber(range[1]);
		const to = cnNumber(range[2]);
		if (from && to && from >= 1 && to <= 12 && from <= to) {
			return {
				quarter: to % 3 === 0 && from === 1 ? to / 3 : null,
				months: [from, to],
				label: range[0].replace(/\s+/g, '')
			};
		}
	}
	const quarter = /(前三季度|第?([一二三四1-4])季度)/.exec(text);
	if (quarter) {
		const q = quarter[1] === '前三季度' ? 3 : cnNumber(quarter[2]);
		if (q && q >= 1 && q <= 4) return { quarter: q, months: null, label: quarter[1] };
	}
	const half = /(上半年|半年度|下半年)/.exec(text);
	if (half) return { quarter: half[1] === '下半年' ? 4 : 2, months: null, label: half[1] };
	const month =
		/(?<![\d\-—–~至到])(\d{1,2}|十[一二]|[一二三四五六七八九十])\s*月(?:份)?(?:底)?(?:推进|进展|完成|工作)/.exec(text);
	if (month) {
		const m = cnNumber(month[1]);
		if (m && m >= 1 && m <= 12) {
			return { quarter: m % 3 === 0 ? m / 3 : null, months: [1, m], label: `${month[1]}月` };
		}
	}
	// 2023年度 names the year, not the period: only a 年度 that follows no digit means 全年.
	const year = /(全年|(?<!\d\s*)年度|年底|年末)/.exec(text);
	if (year) return { quarter: 4, months: null, label: year[1] };
	return null;
}

/** A stored period (as queries return it) in the UI language, with its year: 2024年二季度, 2024 Q2, 2024 Jan–Nov. */
export function periodName(period: StoredPeriod, lang: 'zh' | 'en'): string {
	return formatPeriod(
		{
			year: period.year,
			quarter: period.quarter,
			months: period.monthStart ? [period.monthStart, period.monthEnd] : null
		},
		lang
	);
}

/**
 * A stored period without its year, in the UI language, for axes and lists within one year: 二季度, 1-11月;
 * Q2, Jan–Nov. The one form every page uses (a report's own wording — 上半年, 第二季度 — stays with its source).
 */
export function periodShortName(
	period: Pick<StoredPeriod, 'quarter' | 'monthStart' | 'monthEnd'>,
	lang: 'zh' | 'en'
): string {
	if (period.monthStart !== null && !(period.monthStart === 1 && period.quarter !== null)) {
		return lang === 'zh'
			? `${period.monthStart}-${period.monthEnd}月`
			: `${MONTH_EN[period.monthStart - 1]}–${MONTH_EN[period.monthEnd - 1]}`;
	}
	const q = period.quarter ?? 4;
	return lang === 'zh' ? QUARTER_LABEL[q] : `Q${q}`;
}

/**
 * The period an opening sentence names (截至9月底, 截至2024年11月末, 1-11月, 前三季度, 上半年): as
 * findPeriodIn, and also 截至…月底/末, which in a title or header would be a deadline but in the
 * first sentence of a progress page says how far the report reaches. `sentence`: the text is
 * body text, where 年度 and 全年 are common words.
 */
export function findOpeningPeriod(text: string, { sentence = false } = {}): Omit<Period, 'year'> | null {
	const until =
		/截至\s*(?:(?:19|20)\d{2}\s*年\s*)?(\d{1,2}|十[一二]|[一二三四五六七八九十])\s*月\s*(?:底|末|份|\d{1,2}\s*日)?/.exec(
			text
		);
	const found = findPeriodIn(text);
	if (until && (!found || until.index < text.indexOf(found.label))) {
		const m = cnNumber(until[1]);
		if (m && m >= 1 && m <= 12) {
			return { quarter: m % 3 === 0 ? m / 3 : null, months: [1, m], label: until[0].replace(/\s+/g, '') };
		}
	}
	// In a sentence, 年度 and 全年 name the period only after a year (2023年全年): 符合年度预期目标 does not.
	if (found && sentence && found.quarter === 4 && !found.months && !/(?:19|20)\d{2}\s*年\s*(?:全年|度)/.test(text))
		return null;
	return found;
}

/**
 * The period a change view compares `selected` with by default: the latest of `periods` (those with data) that
 * ends before it in the same year, or null. Same year only: a task belongs to one year's plan, so a period of
 * another year holds none of the same tasks and every task would read as having no earlier status.
 */
export function periodBefore<P extends Pick<StoredPeriod, 'year' | 'monthEnd'>>(
	periods: readonly P[],
	selected: Pick<StoredPeriod, 'year' | 'monthEnd'>
): P | null {
	let best: P | null = null;
	for (const p of periods) {
		if (p.year !== selected.year || p.monthEnd >= selected.monthEnd) continue;
		if (!best || p.monthEnd > best.monthEnd) best = p;
	}
	return best;
}
