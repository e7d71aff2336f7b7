/**
 * Checks of a printed handout read back as text (pdftotext), pure so they are tested on their own: the
 * browser tests use them on the real PDF, and `findSplitRows` is what "no table row is cut by a page
 * break" means there.
 */

/** Text with every space and line break taken out: a phrase wrapped over two lines is one again. */
export const squash = (text: string) => text.replace(/\s+/g, '');

/**
 * The phrases (a table row's text, cell after cell) that no single page holds whole. A row cut by a page
 * break leaves the start of its text at the foot of one page and the rest at the top of the next.
 */
export function findSplitRows(phrases: string[], pageTexts: string[]): string[] {
	const pages = pageTexts.map(squash);
	return phrases.filter((phrase) => !pages.some((p) => p.includes(squash(phrase))));
}

/** Each page's footer numbers as printed ("第 3 页 / 共 12 页" or "Page 3 of 12"); null where a page has none. */
export function footerNumbers(pageTexts: string[]): ({ page: number; of: number } | null)[] {
	return pageTexts.map((text) => {
		const m = /第(\d+)页\/共(\d+)页|Page(\d+)of(\d+)/.exec(squash(text));
		return m ? { page: Number(m[1] ?? m[3]), of: Number(m[2] ?? m[4]) } : null;
	});
}
