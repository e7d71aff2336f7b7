/**
 * Pages that carry no per-task progress, told apart so that the person importing learns what the
 * page is rather than "no table": a plan or task division (分工方案: tasks and owners, no
 * progress), a notice that gives only counts (its item table is an attachment not on the page), a
 * key-project investment summary, a narrative work report. Decided by general signs — the words
 * such pages are built from — and only after every reader has found nothing, so a page that does
 * name tasks with their progress is never refused. Each refusal names the line that decided it.
 */
import type { Column } from './columns';
import { ImportError } from './types';

export const REFUSAL_KINDS = ['plan', 'counts_only', 'investment', 'narrative'] as const;
export type RefusalKind = (typeof REFUSAL_KINDS)[number];

/** A page refused for what it is; `line` (1-based) and `text` are the line that decided it. */
export class ImportRefusal extends ImportError {
	constructor(
		readonly kind: RefusalKind,
		/** The message without the line prefix that ImportError adds. */
		readonly reason: string,
		line: number,
		readonly text: string
	) {
		super(reason, line);
		this.name = 'ImportRefusal';
	}
}

const MESSAGE: Record<RefusalKind, string> = {
	plan: 'this page is a plan or task division (分工方案 / 分解表): it lists tasks with owners and deadlines but no progress, so there is nothing to import as a progress report',
	counts_only:
		'this page gives only counts per status (or says how things stand without naming the items): the item table is an attachment that is not on the page — import the attachment instead',
	investment:
		'this page is a key-project investment summary (完成投资 against the annual plan), not progress of work-report tasks: out of scope',
	narrative:
		'this page is a narrative work report: it names no tasks with their progress, and none are made up from prose'
};

/** What the notice reader saw on a page where it named no item. */
export interface NoticeSigns {
	/** Lines stating a count per status (欠进度的有17个). */
	countLines: number[];
	/** Lines stating a status of something unnamed (部分指标滞后序时). */
	statementLines: number[];
}

/** A title or clause naming a division of tasks. */
const PLAN_TITLE =
	/分工方案|分解方案|责任分解|任务分解表|分解表|任务分工|责任分工|落实分工|分工的通知|任务清单|责任清单|分工表/;
/** A line that reports on a plan's progress, or cites the plan, rather than being the plan. */
const PROGRESS_REPORT = /落实情况|完成情况|进展情况|推进情况|执行情况|通报如下|按照《|根据《/;
/** An owner given in the text, as division lists do: （责任单位：区经委）. */
const OWNER_LABEL = /(?:责任单位|牵头单位|配合单位|责任部门|牵头部门)\s*[:：]/;
/** Figures that measure progress per item: a page with several is for the indicator readers, never refused. */
const PROGRESS_FIGURE =
	/完成率\s*[\d.]+%|完成(?:年度|全年)(?:目标|计划|任务)的?\s*[\d.]+%|占(?:年度|全年)?(?:计划|目标)(?:投资)?的?\s*[\d.]+%|(?:开工|完工|完成)率\s*[\d.]+%|完成比例|[高低]于(?:序时|目标)|指标[^，。,]{0,8}(?:完成|落实)情况/g;
const INVESTMENT = /完成(?:年度|年)?投资\s*[\d.]+\s*亿元/;
/** An item that measures money invested, not work done. */
const INVESTMENT_ITEM = /投资/;
const KEY_PROJECTS = /重点项目|重点建设项目/;
const SCHEDULE = /时间进度|时序进度|序时进度|年度?计划投资|年度投资计划/;
const ATTACHMENT = /附件|如下表|见下表|详见|点击下载/;
const PROSE_MIN = 100;
/** A narrative report runs to several paragraphs; one long paragraph may be anything. */
const PROSE_PARAGRAPHS_MIN = 2;
/** A line of a table in some flattening (CSV fields, | or tab between cells) is never prose. */
const TABLE_ROW = /\||\t|",|,"/;
const PROGRESS_FIGURES_MIN = 2;

/**
 * The refusal for a page no reader found tasks in, or null when it is none of the known kinds
 * (the caller then reports that no task table was found).
 */
export function classifyRefusal(text: string, notice: NoticeSigns): ImportRefusal | null {
	const lines = text.split('\n');
	const found = (test: (line: string) => boolean) => {
		const i = lines.findIndex((line) => test(line.trim()));
		return i === -1 ? null : i + 1;
	};
	// Investment summaries are full of percents of the annual plan: their own vocabulary decides first.
	const investment = refuseInvestment(text, []);
	if (investment) return investment;
	const figures = text.match(PROGRESS_FIGURE)?.length ?? 0;
	if (figures >= PROGRESS_FIGURES_MIN) return null;
	// Counts per status are a progress report's own words: they outweigh a plan merely mentioned (按照《…分工方案》).
	if (notice.countLines.length > 0) return refuse('counts_only', notice.countLines[0], lines);
	const plan =
		found((l) => l.length <= 120 && PLAN_TITLE.test(l) && !PROGRESS_REPORT.test(l)) ??
		(lines.filter((l) => OWNER_LABEL.test(l)).length >= 2 ? found((l) => OWNER_LABEL.test(l)) : null);
	if (plan) return refuse('plan', plan, lines);
	if (notice.statementLines.length > 0 && ATTACHMENT.test(text)) {
		return refuse('counts_only', notice.statementLines[0], lines);
	}
	const isProse = (l: string) => l.length >= PROSE_MIN && (l.match(/[。；;]/g)?.length ?? 0) >= 2 && !TABLE_ROW.test(l);
	const prose = found(isProse);
	return prose && lines.filter((l) => isProse(l.trim())).length >= PROSE_PARAGRAPHS_MIN
		? refuse('narrative', prose, lines)
		: null;
}

/**
 * The refusal for a key-project investment summary (重点项目 … 完成投资 X 亿元 against the annual plan
 * or 时间进度), or null. `items` are what an indicator reader took from the page: such a summary
 * reads as indicators (investment against plan is a percent against 序时), so it is refused only when
 * every item it gave is an investment figure — a page that also states other indicators is read.
 */
export function refuseInvestment(text: string, items: readonly string[]): ImportRefusal | null {
	if (!KEY_PROJECTS.test(text) || !SCHEDULE.test(text)) return null;
	if (!items.every((item) => INVESTMENT_ITEM.test(item))) return null;
	const lines = text.split('\n');
	const line = lines.findIndex((l) => INVESTMENT.test(l.trim()));
	return line === -1 ? null : refuse('investment', line + 1, lines);
}

/**
 * A table read whole that is a task division: owners and deadlines, no column that reports
 * progress (完成情况, 是否达序, 完成值). Null for any table with a progress column.
 */
export function refuseDivisionTable(
	columns: readonly Column[],
	headerLine: number,
	text: string
): ImportRefusal | null {
	const progress = columns.some((c) => c.role === 'statusText' || c.role === 'statusWord' || c.role === 'actual');
	const division = columns.some(
		(c) => c.role === 'owner' || (c.role === 'other' && /完成时限|时间节点|完成时间/.test(c.header))
	);
	return !progress && division ? refuse('plan', headerLine, text.split('\n')) : null;
}

function refuse(kind: RefusalKind, line: number, lines: readonly string[]): ImportRefusal {
	const text = lines[line - 1]?.trim() ?? '';
	const quoted = text.length > 60 ? `${text.slice(0, 60)}…` : text;
	return new ImportRefusal(kind, `${MESSAGE[kind]} (decided by “${quoted}”)`, line, text);
}
