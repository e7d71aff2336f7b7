/**
 * A published report's page text, as bytes, → a ReportDraft: decode, read the table, then per
 * task the status (reported by a status column, else inferred with its evidence), percent,
 * targets and themes, then the quality flags. Pure: nothing is written. Any input either gives a
 * draft or an ImportError that says what is wrong and where — the preview shows that message.
 */
import { findPeriodIn, QUARTER_LABEL, type Period } from '../../domain/period';
import { decodeDocument } from './decode';
import { inferStatus, mapReportedStatus } from './infer-status';
import { checkQuality } from './quality';
import { extractPercent, extractTargets } from './targets';
import { readText, type ReadRow, type TextReading } from './text-reader';
import { assignThemes } from './themes';
import { ImportError, type DraftCategory, type DraftTask, type ImportWarning, type ReportDraft } from './types';

export interface ReadOptions {
	/** The uploaded file's name: the last place to look for the year and period (xinjie-2024-q2.txt). */
	fileName?: string;
}

/** Reads one document. Throws ImportError, and only ImportError, when it cannot be imported. */
export function readReport(bytes: Uint8Array, options: ReadOptions = {}): ReportDraft {
	try {
		return read(bytes, options);
	} catch (error) {
		if (error instanceof ImportError) throw error;
		// A bug here must still reach the person importing as a clear refusal, not a crash.
		throw new ImportError(`could not read the document (internal error: ${error instanceof Error ? error.message : String(error)})`);
	}
}

function read(bytes: Uint8Array, options: ReadOptions): ReportDraft {
	if (bytes.length === 0) throw new ImportError('the document is empty');
	const text = decodeDocument(bytes);
	if (text.trim() === '') throw new ImportError('the document is empty (only whitespace)');
	const reading = readText(text);
	const warnings: ImportWarning[] = [...damageWarnings(text), ...reading.warnings];
	const period = reportPeriod(reading, options.fileName, warnings);
	const categories: DraftCategory[] = reading.categories.map((category) => ({
		name: category.name,
		tasks: category.rows.map((row) => toTask(row, period, warnings))
	}));
	const draft: ReportDraft = { source: reading.source, period, categories, flags: [], warnings };
	draft.flags = checkQuality(draft);
	return draft;
}

function toTask(row: ReadRow, period: Period, warnings: ImportWarning[]): DraftTask {
	const reported = row.statusWord ? mapReportedStatus(row.statusWord, period) : null;
	if (row.statusWord && !reported) {
		warnings.push({ line: row.line, message: `任务“${row.name}”的状态“${row.statusWord}”无法识别，已根据完成情况推断` });
	}
	const { status, evidence } = reported ?? inferStatus(row.statusText, period);
	return {
		seqNo: row.seqNo,
		name: row.name,
		content: row.content,
		statusText: row.statusText,
		status,
		statusSource: reported ? 'reported' : 'inferred',
		evidence,
		owner: row.owner,
		leader: row.leader,
		periodTarget: row.periodTarget,
		percent: extractPercent(row.statusText),
		targets: extractTargets(row.content),
		themes: assignThemes(`${row.name}\n${row.content ?? ''}`),
		notes: row.note,
		line: row.line
	};
}

/**
 * The report's period from the page; failing that from the file name (with a warning, since a
 * file name is easily wrong); failing that an ImportError naming every place looked at.
 */
function reportPeriod(reading: TextReading, fileName: string | undefined, warnings: ImportWarning[]): Period {
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
