import { execFileSync } from 'node:child_process';

/** A PDF read back with Debian's poppler-utils, as a reader's search would see it. */
export interface PdfText {
	pages: number;
	/** Page size as pdfinfo says it, e.g. "594.96 x 841.92 pts (A4)". */
	size: string;
	/**
	 * One string per page in the order the page was painted (pdftotext -raw): a table row's cells one after the
	 * other, each cell's lines together, so a row's text is one run unless a page break cuts it.
	 */
	pageTexts: string[];
}

export function readPdf(file: string): PdfText {
	const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
	const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
	const size = /^Page size:\s+(.+)$/m.exec(info)?.[1] ?? '';
	const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], {
		encoding: 'utf8',
		maxBuffer: 64 << 20
	});
	// pdftotext ends every page with a form feed.
	return { pages, size, pageTexts: text.split('\f').slice(0, pages) };
}
