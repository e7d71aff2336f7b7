/**
 * The difference between two status texts (完成情况) of one task, for a reader comparing two periods. Chinese
 * has no spaces and a character diff of two reports shreds them into single characters, so the texts are
 * compared by phrase: cut after Chinese or ASCII punctuation (，。；、：,.;), and a changed long phrase is
 * compared again by words (Intl.Segmenter) when most of it stayed — 完成投资1.2亿元 → 完成投资3.5亿元 then marks
 * the figure, not the whole clause. The arrays are diffed with jsdiff's `diffArrays`.
 */
import { diffArrays } from 'diff';

export interface DiffPart {
	text: string;
	/** `same` in both texts, `added` only in the later one, `removed` only in the earlier one. */
	change: 'same' | 'added' | 'removed';
}

const PHRASE_END = new Set([...'，。；、：,.;:！？!?\n']);
/** A changed phrase at least this long is compared word by word. */
const LONG_PHRASE = 12;
/** ...and that word diff is kept when at least this share of the longer phrase is common to both. */
const KEPT_SHARE = 0.5;

/**
 * The phrases of a text, each with the punctuation that ends it; joined they give the text back. A comma or a
 * point between digits (1,200 or 1.5) is part of a number, not a phrase end.
 */
export function splitPhrases(text: string): string[] {
	const out: string[] = [];
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (!PHRASE_END.has(c)) continue;
		if ((c === ',' || c === '.') && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
		out.push(text.slice(start, i + 1));
		start = i + 1;
	}
	if (start < text.length) out.push(text.slice(start));
	return out;
}

function words(phrase: string): string[] {
	return [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(phrase)].map((s) => s.segment);
}

function partsOf(tokens: { value: string[]; added: boolean; removed: boolean }[]): DiffPart[] {
	return tokens.map((t) => ({ text: t.value.join(''), change: t.added ? 'added' : t.removed ? 'removed' : 'same' }));
}

/** A removed phrase followed by an added one, compared word by word when most of it stayed; else as it was. */
function refine(removed: string, added: string): DiffPart[] {
	const whole: DiffPart[] = [
		{ text: removed, change: 'removed' },
		{ text: added, change: 'added' }
	];
	if (Math.min(removed.length, added.length) < LONG_PHRASE) return whole;
	const parts = partsOf(diffArrays(words(removed), words(added)));
	const kept = parts.filter((p) => p.change === 'same').reduce((n, p) => n + p.text.length, 0);
	return kept >= KEPT_SHARE * Math.max(removed.length, added.length) ? parts : whole;
}

/** Parts next to each other with the same change become one; empty parts go. */
function merge(parts: DiffPart[]): DiffPart[] {
	const out: DiffPart[] = [];
	for (const p of parts) {
		if (!p.text) continue;
		const last = out.at(-1);
		if (last && last.change === p.change) last.text += p.text;
		else out.push({ ...p });
	}
	return out;
}

/** `before` → `after` as parts in reading order; joining the same and removed parts gives `before`, same and added `after`. */
export function diffStatusTexts(before: string, after: string): DiffPart[] {
	const parts = partsOf(diffArrays(splitPhrases(before), splitPhrases(after)));
	const out: DiffPart[] = [];
	for (let i = 0; i < parts.length; i++) {
		const next = parts[i + 1];
		// One phrase replaced by one phrase: the common case of a report updated in place.
		if (parts[i].change === 'removed' && next?.change === 'added' && singlePhrase(parts[i]) && singlePhrase(next)) {
			out.push(...refine(parts[i].text, next.text));
			i++;
		} else out.push(parts[i]);
	}
	return merge(out);
}

function singlePhrase(part: DiffPart): boolean {
	return splitPhrases(part.text).length === 1;
}
