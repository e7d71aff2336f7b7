/**
 * Cell-level rules for spreadsheet exports (CSV and XLSX), pure so they are tested on their own:
 * formula neutralisation, CSV quoting, and the download's file name.
 */

/**
 * Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP "CSV
 * injection"): = + - @, and tab / CR, which some importers strip before looking — so a formula
 * character after leading whitespace counts too. The full-width forms are included because an
 * IME may have typed them and some spreadsheet locales accept them.
 */
const FORMULA_START = /^[\t\r]|^[\s\u3000]*[=+\-@＝＋－＠]/u;

/**
 * Makes a text cell inert: one that could start a formula gets a leading apostrophe, which
 * spreadsheets show as text and never evaluate. Other text is returned unchanged.
 */
export function neutraliseCell(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV field (RFC 4180): neutralised, then quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	const text = neutraliseCell(value);
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record with its CRLF terminator. */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
	return `${values.map(csvField).join(',')}\r\n`;
}

/** The UTF-8 byte order mark: without it Excel opens a UTF-8 CSV as the local code page and garbles Chinese. */
export const BOM = '\uFEFF';

/** Characters no file system or Content-Disposition parser should see in a name. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE_IN_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/**
 * A download name that says what was exported: `任务-新街街道-2024年二季度-behind-2026-11-26.csv`.
 * `parts` are the filter values that narrowed the export (empty ones are skipped); each is made
 * safe for a file name and bounded so the whole name stays short.
 */
export function exportFileName(
	prefix: string,
	parts: readonly (string | null | undefined)[],
	date: Date,
	ext: string
): string {
	const day = date.toISOString().slice(0, 10);
	const words = [prefix, ...parts]
		.filter((p): p is string => !!p && p.trim().length > 0)
		.map((p) => [...p.replace(UNSAFE_IN_NAME, '_').replace(/\s+/g, '_')].slice(0, 24).join(''));
	let name = words.join('-');
	if ([...name].length > 120) name = [...name].slice(0, 120).join('');
	return `${name}-${day}.${ext}`;
}

/**
 * A Content-Disposition header for a file name with Chinese in it: an ASCII fallback for old
 * clients and the exact name as RFC 5987 `filename*`.
 */
export function contentDisposition(fileName: string): string {
	const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
