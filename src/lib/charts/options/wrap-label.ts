/**
 * Axis labels broken into lines at word boundaries. ECharts' own `overflow: 'break'` breaks a Chinese
 * label wherever the width runs out, which leaves one orphaned character on a line of its own; a
 * segmenter knows where Chinese words end (Intl.Segmenter, in Node 20 and Chromium).
 */

/** How wide a character draws, in em: CJK and full-width forms are square, the rest about half. */
export function charWidth(char: string): number {
	return /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 1 : 0.55;
}

const textWidth = (text: string) => [...text].reduce((w, c) => w + charWidth(c), 0);

/** Punctuation that must not open a line (，。、）…), so it stays with the word before it. */
const NO_LINE_START = /^[，。、；：！？）》」』】,.;:!?)\]\s]+$/u;

let segmenter: Intl.Segmenter | null = null;
function words(text: string): string[] {
	segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
	return [...segmenter.segment(text)].map((s) => s.segment);
}

/** A word wider than a whole line, cut into pieces that fit (only such a word breaks inside). */
function pieces(word: string, max: number): string[] {
	if (textWidth(word.replace(/[，、；。,;]+$/u, '')) <= max) return [word];
	const out = [''];
	for (const char of word) {
		if (out[out.length - 1] !== '' && textWidth(out[out.length - 1] + char) > max) out.push('');
		out[out.length - 1] += char;
	}
	return out;
}

/** Clauses of a heading (坚持以人为本，补齐民生短板，…), each with its closing mark. */
const clauses = (text: string) => text.match(/[^，、；。,;]+[，、；。,;]*|[，、；。,;]+/gu) ?? [''];

/**
 * The lines of `text` at most `maxEm` em wide: broken after a clause where the clause fits a line, else
 * between words; closing punctuation stays at the end of its line even where that passes the width by a
 * character. At least one line.
 */
export function wrapLines(text: string, maxEm: number): string[] {
	const units = clauses(text).flatMap((clause) =>
		textWidth(clause.replace(/[，、；。,;]+$/u, '')) <= maxEm ? [clause] : words(clause)
	);
	const lines: string[][] = [[]];
	for (const word of units.flatMap((w) => pieces(w, maxEm))) {
		const line = lines[lines.length - 1];
		if (line.length === 0 || NO_LINE_START.test(word) || textWidth(line.join('') + word) <= maxEm) line.push(word);
		else lines.push([word.trimStart()]);
	}
	// A last line of one character (满意|率) takes the word before it along, where that still fits.
	const [before, last] = lines.slice(-2);
	if (last && before.length > 1 && [...last.join('')].length === 1) {
		const moved = before[before.length - 1];
		if (textWidth(moved + last.join('')) <= maxEm) last.unshift(before.pop()!);
	}
	return lines.map((line) => line.join('').trimEnd());
}

/** `text` wrapped for an axis label `widthPx` wide at `fontPx` (ECharts draws '\n' as a line break). */
export function wrapLabel(text: string, widthPx: number, fontPx = 12): string {
	return wrapLines(text, Math.max(2, Math.floor(widthPx / fontPx))).join('\n');
}
