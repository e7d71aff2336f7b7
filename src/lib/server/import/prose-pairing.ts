/**
 * A paragraph that states a plan and then what was done (报告提出，城镇新增就业1100万人以上，城镇登记
 * 失业率4.5%以内。落实结果显示，…新增就业1352万人，…失业率为3.62%) → one row per planned figure,
 * with the result that names the same indicator. Plan and result name it in different words
 * (投资10亿元以上项目 / 10亿元以上项目), so items are paired by how much of their names they share
 * (character pairs), best pairs first, one result per plan item; what is left is paired in order
 * where both sides have the same number left and the units agree.
 */
import {
	clauseFigures,
	countsItems,
	isIndicatorName,
	quantitiesOf,
	sameUnit,
	splitItems,
	type ClauseFigures
} from './figures';
import type { RowFigures } from './table';

export interface ProseRow {
	line: number;
	name: string;
	content: string | null;
	statusText: string | null;
	indicator: RowFigures;
	category?: string | null;
}

/** At most this many plan × result comparisons per paragraph. */
const MAX_PAIRINGS = 10_000;
/** Names that share fewer character pairs than this are not the same indicator. */
const MIN_SIMILARITY = 0.34;

interface Item {
	text: string;
	figures: ClauseFigures;
}

/** The rows of a plan and its result; [] when the plan names no figure. */
export function pairItems(plan: string, result: string, line: number): ProseRow[] {
	const planned = itemsOf(plan).filter(
		(item) => item.figures.quantity !== null && isIndicatorName(item.figures.name) && !countsItems(item.figures)
	);
	const done = itemsOf(result);
	// Pairing compares every plan item with every result: a paragraph of thousands of items is no indicator page.
	if (planned.length === 0 || planned.length * done.length > MAX_PAIRINGS) return [];
	const pairs = new Map<number, number>();
	const scored = planned
		.flatMap((p, i) => done.map((d, j) => ({ i, j, score: similarity(p.figures.name, d.figures.name) })))
		.filter((s) => s.score >= MIN_SIMILARITY)
		.sort((a, b) => b.score - a.score);
	const used = new Set<number>();
	for (const { i, j } of scored) {
		if (pairs.has(i) || used.has(j)) continue;
		pairs.set(i, j);
		used.add(j);
	}
	const leftPlan = planned.map((_, i) => i).filter((i) => !pairs.has(i));
	const leftDone = done.map((_, j) => j).filter((j) => !used.has(j));
	if (leftPlan.length === leftDone.length) {
		leftPlan.forEach((i, k) => {
			const p = planned[i].figures.quantity!;
			const d = done[leftDone[k]].figures.quantity;
			if (d && (sameUnit(p.unit, d.unit) || (p.unit === '%') === (d.unit === '%'))) pairs.set(i, leftDone[k]);
		});
	}
	return planned.map((item, i) => {
		const match = pairs.has(i) ? done[pairs.get(i)!] : null;
		return {
			line,
			name: item.figures.name,
			content: item.text,
			statusText: match?.text ?? null,
			indicator: match
				? figuresOf(match.figures, item.figures.quantity, match.text)
				: figuresOf(emptyFigures(), item.figures.quantity, null)
		};
	});
}

function itemsOf(text: string): Item[] {
	return text
		.split(/[。！？!?]/u)
		.flatMap((sentence) => splitItems(sentence))
		.map((item) => ({ text: item.trim(), figures: clauseFigures(item) }));
}

function emptyFigures(): ClauseFigures {
	return {
		name: '',
		quantity: null,
		target: null,
		growth: null,
		percent: null,
		percentText: null,
		deviation: null,
		met: null,
		phrase: null
	};
}

/** Dice similarity of two names over their character pairs (bigrams), 0–1. */
export function similarity(a: string, b: string): number {
	const pairsOf = (s: string) => {
		const chars = [...s.replace(/\s+/g, '')];
		return chars.slice(1).map((c, k) => chars[k] + c);
	};
	const x = pairsOf(a);
	const y = pairsOf(b);
	if (x.length === 0 || y.length === 0) return a !== '' && a === b ? 1 : 0;
	const pool = [...y];
	let shared = 0;
	for (const pair of x) {
		const k = pool.indexOf(pair);
		if (k !== -1) {
			shared++;
			pool.splice(k, 1);
		}
	}
	return (2 * shared) / (x.length + y.length);
}

/**
 * The rates a result states for a rate target: after 分别 every one of them (二氧化硫、氮氧化物排放量
 * 分别下降4.4%和3.5%), else its percent figure or its growth.
 */
function ratesOf(result: ClauseFigures, text: string): number[] {
	const from = text.indexOf('分别');
	if (from !== -1) {
		return quantitiesOf(text.slice(from))
			.filter((q) => q.unit === '%')
			.map((q) => q.value);
	}
	if (result.quantity?.unit === '%') return [result.quantity.value];
	return result.growth !== null ? [Math.abs(result.growth)] : [];
}

/**
 * The figures of a row: the plan's target (or none), the result's actual in the target's unit,
 * its percent, deviation and verdict. A rate (增长6%, 失业率4.5%) is compared as it stands; a
 * quantity accumulates toward its target.
 */
export function figuresOf(
	result: ClauseFigures,
	target: ClauseFigures['quantity'],
	resultText: string | null
): RowFigures {
	target ??= result.target;
	const kind = target && (target.unit === '%' || target.change) ? 'rate' : 'cumulative';
	let actual: number | null = null;
	if (target && kind === 'rate') {
		const rates = ratesOf(result, resultText ?? '');
		if (rates.length > 0) actual = target.comparator === '<=' ? Math.max(...rates) : Math.min(...rates);
	} else if (target && result.quantity && sameUnit(target.unit, result.quantity.unit)) {
		actual = result.quantity.value;
	} else if (!target && result.quantity) {
		actual = result.quantity.value;
	}
	return {
		target: target ? { value: target.value, comparator: target.comparator, text: target.text } : null,
		kind,
		actual,
		percent: result.percent,
		percentText: result.percentText,
		deviation: result.deviation,
		met: result.met,
		unit: unitOf(target, result.quantity),
		actualText: result.quantity?.text ?? null
	};
}

/** The unit in full: 1000万 against 1109万人 is in 万人. */
function unitOf(target: ClauseFigures['quantity'], actual: ClauseFigures['quantity']): string | null {
	if (target && actual && sameUnit(target.unit, actual.unit)) {
		return actual.unit.length > target.unit.length ? actual.unit : target.unit;
	}
	return target?.unit ?? actual?.unit ?? null;
}
