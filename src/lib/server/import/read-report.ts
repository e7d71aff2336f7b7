/**
 * A report document, as bytes, → a ReportDraft. The format (page text, a saved HTML page, an
 * Excel workbook, CSV) is told by content and file name, or given; each format's reader yields
 * the same TableReading, and from there one path builds the draft: per task the status
 * (reported by a status column, else inferred with its evidence), percent, targets and themes,
 * a wide table's earlier periods, then the quality flags. Pure: nothing is written. Any input
 * either gives a draft or an ImportError that says what is wrong and where — the preview shows
 * that message.
 */
import { findPeriodIn, QUARTER_LABEL, type Period } from '../../domain/period';
import { parseCsv } from './csv-reader';
import { decodeDocument } from './decode';
import { findGridHeader } from './grid';
import { inferStatus, mapReportedStatus, type StatusReading } from './infer-status';
import { indicatorStatus } from '../../domain/indicator';
import { statusFromProgress } from '../../domain/progress';
import type { Status } from '../../domain/status';
import { checkQuality } from './quality';
import type { ReadPeriodRow, ReadRow, RowFigures, TableReading } from './table';
import { extractPercent, extractTargets } from './targets';
import { summaryFlags } from './notice-summary';
import { readCsvPage, readHtmlPage, readPageText } from './page-readers';
import { dropRepeatedRows } from './repeated-rows';
import { assignThemes } from './themes';
import {
	ImportError,
	type DraftCategory,
	type DraftHistoryEntry,
	type DraftTask,
	type ImportWarning,
	type ReportDraft
} from './types';
import { readXlsx } from './xlsx-reader';

export const DOCUMENT_FORMATS = ['text', 'html', 'xlsx', 'csv'] as const;
/** text: page text (one cell per line, or | / tab between cells); html: a saved page; xlsx: an Excel workbook; csv: comma- or tab-separated. */
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export interface ReadOptions {
	/** The uploaded file's name: tells the format with the content, and is the last place to look for the year and period (xinjie-2024-q2.txt). */
	fileName?: string;
	/** The format, overriding detection (the CLI's --format). */
	format?: DocumentFormat;
	/** An Excel workbook's sheet to read; the first (visible) sheet by default. */
	sheet?: string;
}

/** A document read: its draft, the format it was read as, and its text as kept with the source (a spreadsheet's cells as tab-separated lines). */
export interface SourceReading {
	draft: ReportDraft;
	format: DocumentFormat;
	text: string;
}

/**
 * Reads one document of any format except Excel, synchronously (Excel workbooks are read by
 * readDocument). Throws ImportError, and only ImportError, when it cannot be imported.
 */
export function readReport(bytes: Uint8Array, options: ReadOptions = {}): ReportDraft {
	return guard(() => {
		const format = formatOf(bytes, options);
		if (format === 'xlsx') throw new ImportError('an Excel workbook is read asynchronously: use readDocument');
		return readSync(bytes, format, options).draft;
	});
}

/** Reads one document of any format. Rejects with ImportError, and only ImportError, when it cannot be imported. */
export async function readDocument(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReportDraft> {
	return (await readSource(bytes, options)).draft;
}

/** readDocument, also giving the format it was read as and the text to keep with the source. */
export async function readSource(bytes: Uint8Array, options: ReadOptions = {}): Promise<SourceReading> {
	try {
		const format = formatOf(bytes, options);
		if (format !== 'xlsx') return readSync(bytes, format, options);
		const { reading, text } = await readXlsx(bytes, options.sheet);
		return { draft: buildDraft(reading, options.fileName, []), format, text };
	} catch (error) {
		throw asImportError(error);
	}
}

function guard<T>(read: () => T): T {
	try {
		return read();
	} catch (error) {
		throw asImportError(error);
	}
}

function asImportError(error: unknown): ImportError {
	if (error instanceof ImportError) return error;
	// A bug here must still reach the person importing as a clear refusal, not a crash.
	return new ImportError(
		`could not read the document (internal error: ${error instanceof Error ? error.message : String(error)})`
	);
}

function formatOf(bytes: Uint8Array, options: ReadOptions): DocumentFormat {
	if (bytes.length === 0) throw new ImportError('the document is empty');
	if (startsWith(bytes, OLE_MAGIC)) {
		throw new ImportError(
			'the file is an old-style Office document (.xls or .doc), which cannot be read: save it as an Excel workbook (.xlsx) or CSV and import that'
		);
	}
	return options.format ?? detectFormat(bytes, options.fileName);
}

function readSync(bytes: Uint8Array, format: Exclude<DocumentFormat, 'xlsx'>, options: ReadOptions): SourceReading {
	if (format === 'html') {
		const { reading, text, decoded } = readHtmlPage(bytes);
		return { draft: buildDraft(reading, options.fileName, damageWarnings(decoded)), format, text };
	}
	const text = decodeDocument(bytes);
	if (text.trim() === '') throw new ImportError('the document is empty (only whitespace)');
	const reading = format === 'csv' ? readCsvPage(text) : readPageText(text);
	return { draft: buildDraft(reading, options.fileName, damageWarnings(text)), format, text };
}

// ─── Telling the format ─────────────────────────────────────────────────────────────────────

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** How a page starts: a declaration, comments (browsers write "saved from url" in one), then a tag. */
const HTML_START =
	/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|table|div|link|script|style)\b/i;
/** How far into a file detection looks. */
const SNIFF_BYTES = 64 * 1024;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
	return magic.every((byte, i) => bytes[i] === byte);
}

/**
 * The format of a document: a ZIP container is an Excel workbook; text starting with markup is
 * HTML (whatever its name says); otherwise the extension decides (.xlsx .html .csv .tsv .txt);
 * otherwise text in which a comma-separated row names a task table's columns is CSV, and anything
 * else page text.
 */
export function detectFormat(bytes: Uint8Array, fileName?: string): DocumentFormat {
	// A ZIP entry's header alone is 30 bytes: anything shorter is no workbook, just binary.
	if (startsWith(bytes, ZIP_MAGIC) && bytes.length >= 30) return 'xlsx';
	// Office systems often "export to Excel" as an HTML table named .xls or .xlsx: content first.
	const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	const head = new TextDecoder('latin1').decode(bytes.subarray(start, start + 1024)).trimStart();
	if (HTML_START.test(head)) return 'html';
	const extension = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1].toLowerCase() ?? '';
	if (extension === 'xlsx' || extension === 'xlsm') return 'xlsx';
	if (['html', 'htm', 'xhtml', 'shtml'].includes(extension)) return 'html';
	if (extension === 'csv' || extension === 'tsv') return 'csv';
	if (extension === 'txt' || extension === 'text') return 'text';
	let text: string;
	try {
		text = decodeDocument(bytes.subarray(0, SNIFF_BYTES));
	} catch {
		return 'text'; // the text reader refuses it with the decoder's message
	}
	return findGridHeader(parseCsv(text, ',').rows) ? 'csv' : 'text';
}

// ─── The draft ──────────────────────────────────────────────────────────────────────────────

/** The one path from a reading (any format) to a draft. `preWarnings` come first (undecodable bytes). */
function buildDraft(reading: TableReading, fileName: string | undefined, preWarnings: ImportWarning[]): ReportDraft {
	const warnings: ImportWarning[] = [...preWarnings, ...reading.warnings];
	const period = reportPeriod(reading, fileName, warnings);
	const read: DraftCategory[] = reading.categories.map((category) => ({
		name: category.name,
		tasks: category.rows.map((row) => toTask(row, period, warnings))
	}));
	const { categories, warnings: repeated } = dropRepeatedRows(read);
	warnings.push(...repeated);
	const draft: ReportDraft = { source: reading.source, period, categories, flags: [], warnings };
	if (reading.speaksFor && reading.speaksFor.length > 0) draft.speaksFor = reading.speaksFor;
	draft.flags = checkQuality(draft);
	if (reading.summary) {
		draft.summary = reading.summary;
		draft.flags.push(...summaryFlags(reading.summary, categories));
	}
	return draft;
}

function toTask(row: ReadRow, period: Period, warnings: ImportWarning[]): DraftTask {
	if (row.indicator) return indicatorTask(row, row.indicator, period);
	const { status, statusSource, evidence } = statusOf(row, row.statusWord, row.statusText, period, null, warnings);
	const task: DraftTask = {
		seqNo: row.seqNo,
		name: row.name,
		content: row.content,
		statusText: row.statusText,
		status,
		statusSource,
		evidence,
		owner: row.owner,
		leader: row.leader,
		periodTarget: row.periodTarget,
		percent: row.percent !== undefined ? row.percent : extractPercent(row.statusText),
		targets: extractTargets(row.content),
		themes: assignThemes(`${row.name}\n${row.content ?? ''}`),
		notes: row.note,
		line: row.line
	};
	if (row.actual !== undefined) task.actual = parseNumber(row.actual);
	if (row.history) task.history = row.history.map((entry) => toHistoryEntry(row, entry, period.year, warnings));
	return task;
}

/**
 * A row of an indicator page or table: its status follows from its figures (percent of the annual
 * target against 序时进度, a rate against its target, a ceiling), inferred with the figures as
 * evidence; unknown where they decide nothing.
 */
function indicatorTask(row: ReadRow, figures: RowFigures, period: Period): DraftTask {
	// Figures that decide nothing leave the status unknown: 完成地区生产总值802.81亿元 is a figure, not a verdict.
	const fromNumbers = indicatorStatus(figures, period) ?? { status: 'unknown' as const, percent: null, evidence: [] };
	const target = figures.target;
	const task: DraftTask = {
		seqNo: row.seqNo,
		name: row.name,
		content: row.content,
		statusText: row.statusText,
		status: fromNumbers.status,
		statusSource: 'inferred',
		evidence: fromNumbers.evidence,
		owner: row.owner,
		leader: row.leader,
		periodTarget: row.periodTarget,
		percent: fromNumbers.percent ?? figures.percent,
		targets: target
			? [{ value: target.value, unit: figures.unit ?? '', comparator: target.comparator, text: target.text }]
			: extractTargets(row.content),
		themes: assignThemes(`${row.name}\n${row.content ?? ''}`),
		notes: row.note,
		line: row.line
	};
	task.actual = figures.actual;
	task.unit = figures.unit;
	return task;
}

function toHistoryEntry(
	row: ReadRow,
	entry: ReadPeriodRow,
	year: number,
	warnings: ImportWarning[]
): DraftHistoryEntry {
	const period: Period = { year, ...entry.period };
	const { status, statusSource, evidence } = statusOf(
		row,
		entry.statusWord,
		entry.statusText,
		period,
		entry.period.label,
		warnings
	);
	const history: DraftHistoryEntry = {
		period,
		statusText: entry.statusText,
		status,
		statusSource,
		evidence,
		percent: extractPercent(entry.statusText),
		notes: entry.note,
		periodTarget: entry.periodTarget
	};
	if (row.actual !== undefined) history.actual = parseNumber(entry.actual);
	return history;
}

/** The reported status where a status column's words are known, else the one inferred from the text (and a warning naming the words). */
function statusOf(
	row: ReadRow,
	word: string | null,
	text: string | null,
	period: Period,
	periodLabel: string | null,
	warnings: ImportWarning[]
): StatusReading & { statusSource: 'reported' | 'inferred' } {
	if (row.reported && periodLabel === null) return { ...row.reported, statusSource: 'reported' };
	const reported = word ? mapReportedStatus(word, period) : null;
	if (word && !reported) {
		const which = periodLabel ? `${periodLabel}的状态` : '状态';
		const where = row.ref ? `（${row.ref}）` : '';
		warnings.push({
			line: row.line,
			message: `任务“${row.name}”的${which}“${word}”${where}无法识别，已根据完成情况推断`
		});
	}
	if (reported) return { ...reported, statusSource: 'reported' };
	return { ...withStatedPercent(inferStatus(text, period), text, period), statusSource: 'inferred' };
}

/**
 * A completion percent in the text (完成全年目标的30%) is measured against 序时进度: it decides a
 * text that is otherwise undecided, and it overrides a reading that is less cautious than it
 * (a narrative that sounds fine but reports 30% at mid-year is behind). An explicit comparison
 * with 序时进度 in the text (完成40%，较序时快2个百分点) outranks it.
 */
function withStatedPercent(reading: StatusReading, text: string | null, period: Period): StatusReading {
	if (reading.comparison) return reading;
	const percent = extractPercent(text);
	const fromPercent = statusFromProgress(percent, period);
	if (!fromPercent) return reading;
	const evidence = [...reading.evidence, `${percent}%`];
	if (reading.status === 'unknown') return { status: fromPercent, evidence };
	const caution: Status[] = ['behind', 'not_started', 'on_track', 'ahead', 'completed'];
	const [a, b] = [caution.indexOf(fromPercent), caution.indexOf(reading.status)];
	return b >= 0 && a < b ? { status: fromPercent, evidence } : reading;
}

/** 完成值 as a number: 1234.5, 1,234, 3个, 80% → 80; null for anything else (约3个, 三个). */
export function parseNumber(text: string | null | undefined): number | null {
	const match = /^([-+]?\d+(?:\.\d+)?)\s*[^\d\s.]{0,8}$/.exec((text ?? '').trim().replace(/(?<=\d),(?=\d{3}\b)/g, ''));
	return match ? Number(match[1]) : null;
}

/**
 * The report's period from the page; failing that from the file name (with a warning, since a
 * file name is easily wrong); failing that an ImportError naming every place looked at.
 */
function reportPeriod(reading: TableReading, fileName: string | undefined, warnings: ImportWarning[]): Period {
	let { year, period } = reading;
	if ((year === null || period === null) && fileName) {
		const fromName = periodFromFileName(fileName);
		if (year === null && fromName.year !== null) {
			year = fromName.year;
			warnings.push({ line: null, message: `页面未写明年份，按文件名“${fileName}”取${year}年` });
		}
		if (period === null && fromName.period) {
			period = fromName.period;
			warnings.push({ line: null, message: `页面未写明报告期，按文件名“${fileName}”取${period.label}` });
		}
	}
	if (year === null || period === null) {
		const missing = year === null && period === null ? 'year and period' : year === null ? 'year' : 'period';
		const where = fileName ? `${reading.searched}, and the file name (${fileName})` : reading.searched;
		throw new ImportError(`cannot tell the report's ${missing} (报告期): looked in ${where}`);
	}
	return { year, ...period };
}

/** xinjie-2024-q2.txt → 2024, Q2; 2020-h1 → 上半年; also Chinese names (2024年二季度.txt). */
function periodFromFileName(fileName: string): { year: number | null; period: Omit<Period, 'year'> | null } {
	const base = fileName.split(/[\\/]/).pop() ?? fileName;
	const year = /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(base);
	const quarter = /(?:^|[^a-z])q([1-4])(?![a-z\d])/i.exec(base);
	const half = /(?:^|[^a-z])h([12])(?![a-z\d])/i.exec(base);
	const period: Omit<Period, 'year'> | null = quarter
		? { quarter: Number(quarter[1]), months: null, label: QUARTER_LABEL[Number(quarter[1])] }
		: half
			? { quarter: half[1] === '1' ? 2 : 4, months: null, label: half[1] === '1' ? '上半年' : '全年' }
			: findPeriodIn(base);
	return { year: year ? Number(year[1]) : null, period };
}

/** Bytes that could not be decoded became U+FFFD: say where the first one is. */
function damageWarnings(text: string): ImportWarning[] {
	const first = text.indexOf('\uFFFD');
	if (first === -1) return [];
	let count = 0;
	for (let i = first; i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
	let line = 1;
	for (let i = text.indexOf('\n'); i !== -1 && i < first; i = text.indexOf('\n', i + 1)) line++;
	return [{ line, message: `文档中有${count}处无法识别的字符（编码损坏），已显示为“\uFFFD”，请核对` }];
}
