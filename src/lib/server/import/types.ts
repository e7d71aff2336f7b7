/**
 * The in-memory shape of one imported document, shared by every reader (page text, later HTML,
 * Excel, CSV), the checks and the write step. It is also, field for field, what
 * `npm run import -- --dry-run --json` prints, so it stays plain JSON.
 */
import type { Period } from '../../domain/period';
import type { Status, StatusSource } from '../../domain/status';
import type { FlagKind } from '../../domain/flags';
import type { PeriodSummary } from './notice-summary';

/** A problem that does not stop the import; `line` is 1-based in the decoded text, null when not tied to a line. */
export interface ImportWarning {
	line: number | null;
	message: string;
}

/** The metadata block of a published page (索引号, 发布机构, 成文日期 …); null where the page has none. */
export interface SourceMeta {
	title: string | null;
	publisher: string | null;
	indexNo: string | null;
	/** 成文日期, ISO date (YYYY-MM-DD). */
	writtenOn: string | null;
	/** 发布日期, ISO date (YYYY-MM-DD); the time of day is dropped. */
	publishedOn: string | null;
	subject: string | null;
	/** The page's address when the text starts with it. */
	url: string | null;
}

export type Comparator = '>=' | '<=' | '=' | '~';

/** A quantity in a task's content: 实施5个以上数字化改造项目 → { value: 5, unit: '个', comparator: '>=' }. */
export interface Target {
	value: number;
	unit: string;
	comparator: Comparator;
	/** The words it was read from, e.g. "5个以上". */
	text: string;
}

export interface DraftTask {
	/** 序号 as printed, when the report has one. */
	seqNo: string | null;
	name: string;
	content: string | null;
	statusText: string | null;
	status: Status;
	statusSource: StatusSource;
	/** The phrases that decided the status (the status word itself when reported). */
	evidence: string[];
	owner: string | null;
	leader: string | null;
	/** 一季度目标 / 节点目标: what this period was meant to reach. */
	periodTarget: string | null;
	/** A completion percent stated in the status text (完成60% → 60); may exceed 100. */
	percent: number | null;
	/**
	 * The figure reached so far toward the task's first target (累计实施3个 → 3), where the reader
	 * knows it (a 完成值 column, or generated data). Optional: readers that do not know it omit it.
	 */
	actual?: number | null;
	/** The unit of `actual` and of the target (亿元, 万人, %), where an indicator page or table gives it. */
	unit?: string | null;
	targets: Target[];
	themes: string[];
	/** 说明 / 问题与困难 / 下一步工作打算, when the report has such a column. */
	notes: string | null;
	/**
	 * A wide table's earlier periods (a 1-10月 column beside 1-11月), earliest first; the task's
	 * own status fields are the latest period's. Absent when the report speaks of one period.
	 */
	history?: DraftHistoryEntry[];
	/** First line of the row in the decoded text (1-based; the row number in a spreadsheet). */
	line: number;
}

/** One earlier period's update of a task, from a wide table's column for that period. */
export interface DraftHistoryEntry {
	period: Period;
	statusText: string | null;
	status: Status;
	statusSource: StatusSource;
	/** The phrases that decided the status, as for the task's own status. */
	evidence: string[];
	percent: number | null;
	notes: string | null;
	periodTarget?: string | null;
	actual?: number | null;
}

export interface DraftCategory {
	/** null where the report has no category column. */
	name: string | null;
	tasks: DraftTask[];
}

export { FLAG_KINDS, type FlagKind } from '../../domain/flags';

/**
 * A data-quality finding. `tasks` names the tasks involved: for duplicate_text every task
 * sharing the text; for the others the one task.
 */
export interface DraftFlag {
	kind: FlagKind;
	tasks: string[];
	/** A plain explanation in Chinese, e.g. which target is not reported on. */
	detail: string;
}

export interface ReportDraft {
	source: SourceMeta;
	/**
	 * The government the page speaks for where it names it outside the title and publisher (杭州市第
	 * 十四届人民代表大会… in a news report's first sentence); absent when the reader found none.
	 */
	speaksFor?: string[];
	period: Period;
	categories: DraftCategory[];
	flags: DraftFlag[];
	warnings: ImportWarning[];
	/**
	 * A notice's own counts per status (达到序时进度44项), by part of the notice; absent for tables.
	 * Checked against the tasks it names (summary_mismatch).
	 */
	summary?: PeriodSummary;
}

/**
 * A document that cannot be imported at all. The message names the place (line, column or
 * field) so the office that compiled the report can find it.
 */
export class ImportError extends Error {
	constructor(
		message: string,
		readonly line: number | null = null
	) {
		super(line === null ? message : `line ${line}: ${message}`);
		this.name = 'ImportError';
	}
}
