/**
 * Column headers → what each column means. Every office names its columns its own way
 * (具体任务 / 工作任务 / 重点工作任务 …) and orders them its own way, so a table is read by the
 * meaning of its headers, never by position. The synonyms come from real reports (DESIGN.md).
 */
import { findPeriodIn, type Period } from '../../domain/period';

export type ColumnRole =
	| 'seqNo'
	| 'category'
	| 'task'
	| 'content'
	| 'periodTarget'
	| 'statusText'
	| 'statusWord'
	| 'owner'
	| 'leader'
	| 'note'
	/** A known column the draft has no field for (完成时限, 目标值 …): kept in place so cells stay aligned. */
	| 'other';

/** Exact header texts (after normalising), per role. Checked before the pattern rules below. */
const SYNONYMS: Record<ColumnRole, readonly string[]> = {
	seqNo: ['序号', '编号'],
	category: ['任务类别', '类别', '项目类别', '任务分类', '分类'],
	task: ['具体任务', '工作任务', '主要任务', '重点工作任务', '重点任务', '任务', '任务名称', '工作事项', '重点工作'],
	content: ['主要内容', '内容与要求', '项目内容', '任务内容', '全年目标任务', '工作内容', '目标任务', '建设内容', '主要目标', '年度目标'],
	periodTarget: ['节点目标', '阶段目标', '序时目标'],
	statusText: ['完成情况', '进展情况', '推进情况', '执行情况', '工作举措与完成情况', '进展情况、存在问题及下一步打算'],
	statusWord: ['目标完成情况', '是否达序', '是否达到序时进度', '状态', '完成状态', '进度状态'],
	owner: ['责任单位', '牵头单位', '责任主体与协同单位', '责任部门', '牵头部门', '责任主体', '牵头单位及责任单位'],
	leader: ['分管领导', '牵头领导', '责任领导', '联系领导'],
	note: ['说明', '问题与困难', '下一步工作打算', '备注', '存在问题', '下步打算'],
	other: ['完成时限', '时间节点', '目标值', '完成值', '完成时间', '计划投资', '年度计划投资', '完成投资']
};

/** 项目名称 is a category when it spans rows over another task column, else the task itself. */
const PROJECT_NAME = '项目名称';

const STATUS_TEXT_SUFFIX = /^(.*?)(完成情况|进展情况|推进情况|执行情况)(.*)$/;
const PERIOD_TARGET = /^(.+)目标$/;

const EXACT = new Map<string, ColumnRole>(
	(Object.entries(SYNONYMS) as [ColumnRole, readonly string[]][]).flatMap(([role, names]) => names.map((name) => [name, role] as const))
);

export interface Column {
	role: ColumnRole;
	/** The header as printed. */
	header: string;
}

export interface HeaderMap {
	columns: Column[];
	/** The period a status or period-target header names (二季度完成情况 → Q2), or null. */
	period: Omit<Period, 'year'> | null;
	/** The header cell the period was read from. */
	periodHeader: string | null;
	/**
	 * True when the rows are named only by a spanning 项目名称 column: if every project then has a
	 * single row, the project name is the task's name rather than a category.
	 */
	projectAsCategory: boolean;
}

/** Header text without spaces, colons and a trailing （…） note, for comparison. */
function normaliseHeader(text: string): string {
	return text
		.replace(/\s+/g, '')
		.replace(/[:：]$/, '')
		.replace(/[（(][^）)]*[）)]$/, '');
}

/**
 * Whether a header's prefix is only a period (二季度, 2024年1-11月, 上半年), so that a title such as
 * 2024年第二季度重点任务执行情况 is never taken for a status column.
 */
function namesOnlyPeriod(prefix: string): boolean {
	const period = findPeriodIn(prefix);
	return period !== null && prefix.replace(/(?:19|20)\d{2}年度?/, '').replace(period.label, '').replace(/[\s的]/g, '') === '';
}

/**
 * The role of one header cell, or null when it is not a header we know (so a line of body text
 * is never mistaken for a header). 项目名称 comes back as 'category': it names a project that
 * spans several rows; the reader folds it back into task names when each project has one row.
 */
export function columnRole(text: string): ColumnRole | null {
	const header = normaliseHeader(text);
	if (header.length === 0 || header.length > 30) return null;
	if (header === PROJECT_NAME) return 'category';
	const exact = EXACT.get(header);
	if (exact) return exact;
	const status = STATUS_TEXT_SUFFIX.exec(header);
	if (status && (status[3] === '' || /^[、，,及和与]/.test(status[3]))) {
		if (status[1] === '' || namesOnlyPeriod(status[1])) return 'statusText';
		// 一季度目标完成情况 says whether the target was met: a status word, not a narrative.
		if (status[1].endsWith('目标') && namesOnlyPeriod(status[1].slice(0, -2))) return 'statusWord';
	}
	const target = PERIOD_TARGET.exec(header);
	if (target && namesOnlyPeriod(target[1])) return 'periodTarget';
	return null;
}

/** Roles that may legitimately appear in several columns; their cells are joined. */
const REPEATABLE: ReadonlySet<ColumnRole> = new Set(['note', 'other']);

/**
 * Maps a header row. Returns null unless every cell is a known header and the row names a task,
 * its content or a project, so that only a real table header starts a table. A second column
 * with a single-valued role (two 完成情况 columns) is kept in place as 'other'.
 */
export function mapHeader(cells: readonly string[]): HeaderMap | null {
	if (cells.length < 2) return null;
	const roles: ColumnRole[] = [];
	for (const cell of cells) {
		const role = columnRole(cell);
		if (role === null) return null;
		roles.push(role);
	}
	const seen = new Set<ColumnRole>();
	const columns: Column[] = cells.map((cell, i) => {
		const header = cell.trim();
		let role = roles[i];
		if (seen.has(role) && !REPEATABLE.has(role)) role = 'other';
		seen.add(role);
		return { role, header };
	});
	const project = columns.find((c) => c.role === 'category' && normaliseHeader(c.header) === PROJECT_NAME);
	if (!seen.has('task') && !seen.has('content') && !project) return null;
	const periodColumn = (['statusText', 'statusWord', 'periodTarget'] as const)
		.map((role) => columns.find((c) => c.role === role && findPeriodIn(c.header)))
		.find((c) => c !== undefined);
	return {
		columns,
		period: periodColumn ? findPeriodIn(periodColumn.header) : null,
		periodHeader: periodColumn?.header ?? null,
		projectAsCategory: project !== undefined && !seen.has('task')
	};
}
