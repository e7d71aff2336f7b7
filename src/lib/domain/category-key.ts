/**
 * The key under which a category counts. Offices type the same heading with ASCII or full-width commas and
 * with or without spaces (坚持以人为本,办好民生实事 / 坚持以人为本，办好民生实事); counted by their published
 * text they were two categories. The key folds those differences away; the published text stays on the
 * category for display. migrations/0017_category_keys.js holds a frozen copy (its test compares the two).
 */

/** ASCII punctuation that Chinese text writes full-width; NFKC folds both forms to the ASCII one first. */
const FULL_WIDTH: Record<string, string> = {
	',': '，',
	';': '；',
	':': '：',
	'(': '（',
	')': '）',
	'!': '！',
	'?': '？'
};

/** Latin letters and digits: a space between two of them separates words and is kept (as one space). */
const WORD_CHAR = /[A-Za-z0-9]/;

/**
 * The category key of a published category name: NFKC (full-width letters and digits to ASCII), the
 * punctuation above full-width, whitespace dropped except one space between two Latin words. '' for a
 * plan without categories (null) or a name of only spaces.
 */
export function categoryKey(name: string | null): string {
	if (name === null) return '';
	const folded = name.normalize('NFKC').replace(/[,;:()!?]/g, (c) => FULL_WIDTH[c]);
	return folded
		.trim()
		.replace(/\s+/g, (space, offset: number, text: string) =>
			WORD_CHAR.test(text[offset - 1] ?? '') && WORD_CHAR.test(text[offset + space.length] ?? '') ? ' ' : ''
		);
}
