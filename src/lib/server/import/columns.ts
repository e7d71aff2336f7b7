/**
 * Column headers → what each column means. Every office names its columns its own way
 * (具体任务 / 工作任务 / 重点工作任务 …) and orders them its own way, so a table is read by the
 * meaning of its headers, never by position. The synonyms come from real reports (DESIGN.md).
 */
import { findPeriodIn, periodEndMonth, type Period } from '../../domain/period';
import { matchForm } from './normalise';

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
	/** 完成值: the figure reached so far toward the task's target. */
	| 'actual'
	/** A known column the draft has no field for (完成时限, 目标值 …): kept in place so cells stay aligned. */
	| 'other';

/** Exact header texts (after normalising), per role. Checked before the pattern rules below. */
const SYNONYMS: Record<ColumnRole, readonly string[]> = {
	seqNo: ['序号', '编号'],
	category: ['任务类别', '类别', '项目类别', '任务分类', '分类'],
	task: ['具体任务', '工作任务', '主要任务', '重点工作任务', '重点任务', '任务', '任务名称', '工作事项', '重点工作'],
	content: [
		'主要内容',
		'内容与要求',
		'项目内容',
		'任务内容',
		'全年目标任务',
		'工作内容',
		'目标任务',
		'建设内容',
		'主要目标',
		'年度目标'
	],
	periodTarget: ['节点目标', '阶段目标', '序时目标'],
	statusText: ['完成情况', '进展情况', '推进情况', '执行情况', '工作举措与完成情况', '进展情况、存在问题及下一步打算'],
	statusWord: ['目标完成情况', '是否达序', '是否达到序时进度', '状态', '完成状态', '进度状态'],
	owner: ['责任单位', '牵头单位', '责任主体与协同单位', '责任部门', '牵头部门', '责任主体', '牵头单位及责任单位'],
	leader: ['分管领导', '牵头领导', '责任领导', '联系领导'],
	note: ['说明', '问题与困难', '下一步工作打算', '备注', '存在问题', '下步打算'],
	actual: ['完成值', '实际完成值', '累计完成值'],
	other: ['完成时限', '时间节点', '目标值', '完成时间', '计划投资', '年度计划投资', '完成投资']
};

/** 项目名称 is a category when it spans rows over another task column, else the task itself. */
const PROJECT_NAME = '项目名称';

const STATUS_TEXT_SUFFIX = /^(.*?)(完成情况|进展情况|推进情况|执行情况)(.*)$/;
const PERIOD_TARGET = /^(.+)目标$/;

const EXACT = new Map<string, ColumnRole>(
	(Object.entries(SYNONYMS) as [ColumnRole, readonly string[]][]).flatMap(([role, names]) =>
		names.map((name) => [name, role] as const)
	)
);

export interface Column {
	role: ColumnRole;
	/** The header as printed. */
	header: string;
	/**
	 * In a table with status columns for several periods (1-10月推进情况, 1-11月推进情况): the period
	 * this column speaks of. Absent in single-period tables and for columns that name no period
	 * (是否达序, 说明), which belong to the latest period.
	 */
	period?: Omit<Period, 'year'>;
}

export interface HeaderMap {
	columns: Column[];
	/** The period a status or period-target header names (二季度完成情况 → Q2), or null. */
	period: Omit<Period, 'year'> | null;
	/** The header cell the period was read from. */
	periodHeader: string | null;
	/**
	 * A wide table's periods, earliest first, when its status-text columns name two or more
	 * different periods; `period` is then the latest of them. Absent in single-period tables.
	 */
	periods?: Omit<Period, 'year'>[];
	/**
	 * True when the rows are named only by a spanning 项目名称 column: if every project then has a
	 * single row, the project name is the task's name rather than a category.
	 */
	projectAsCategory: boolean;
}

/** The longest cell taken for a header word before normalising (spaces and pinyin may pad one). */
const MAX_HEADER_TEXT = 200;

/**
 * Header text in its match form (simplified, no inserted pinyin, half-width), without spaces,
 * colons and a trailing （…） note, for comparison. The header itself is kept as published.
 */
function normaliseHeader(text: string): string {
	return withoutTrailingNote(
		matchForm(text)
			.replace(/\s+/g, '')
			.replace(/[:：]$/, '')
	);
}

/**
 * Without a closing parenthetical (完成情况（截至6月底） → 完成情况): from the first opening bracket
 * after the last inner closing one. By index: /[（(][^）)]*[）)]$/ rescans a run of opening
 * brackets from each of them, quadratic in a pasted cell.
 */
function withoutTrailingNote(text: string): string {
	if (!/[）)]$/.test(text)) return text;
	const body = text.slice(0, -1);
	const afterClose = Math.max(body.lastIndexOf('）'), body.lastIndexOf(')')) + 1;
	const open = body.slice(afterClose).search(/[（(]/);
	return open < 0 ? text : text.slice(0, afterClose + open);
}

/**
 * Whether a header's prefix is only a period (二季度, 2024年1-11月, 上半年), so that a title such as
 * 2024年第二季度重点任务执行情况 is never taken for a status column.
 */
function namesOnlyPeriod(prefix: string): boolean {
	const period = findPeriodIn(prefix);
	return (
		period !== null &&
		prefix
			.replace(/(?:19|20)\d{2}年度?/, '')
			.replace(period.label, '')
			.replace(/[\s的]/g, '') === ''
	);
}

/**
 * The role of one header cell, or null when it is not a header we know (so a line of body text
 * is never mistaken for a header). 项目名称 comes back as 'category': it names a project that
 * spans several rows; the reader folds it back into task names when each project has one row.
 */
export function columnRole(text: string): ColumnRole | null {
	// A header is a few words; a long cell is never one, and is not worth normalising.
	if (text.length > MAX_HEADER_TEXT) return null;
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
	return periodPrefixedRole(header);
}

/** Roles a wide table repeats per period (1-11月是否达序, 1-10月说明, 一季度完成值). */
const PERIODIC: ReadonlySet<ColumnRole> = new Set(['statusText', 'statusWord', 'note', 'periodTarget', 'actual']);

/** A period followed by a header we know whose role can belong to one period: 1-11月是否达序 → statusWord. */
function periodPrefixedRole(header: string): ColumnRole | null {
	for (let k = 1; k < header.length; k++) {
		const role = EXACT.get(header.slice(k));
		if (role && PERIODIC.has(role) && namesOnlyPeriod(header.slice(0, k))) return role;
	}
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
	const periods = wideTablePeriods(cells, roles);
	const ends = new Set(periods.map(periodEndMonth));
	const latestEnd = periods.length > 0 ? periodEndMonth(periods[periods.length - 1]) : null;
	const seen = new Set<string>();
	const columns: Column[] = cells.map((cell, i) => {
		const header = cell.trim();
		let role = roles[i];
		// In a wide table each period has its own status text, status word, note…; one that names no period is the latest's.
		const named = latestEnd !== null && PERIODIC.has(role) ? findPeriodIn(normaliseHeader(header)) : null;
		const period = named && ends.has(periodEndMonth(named)) ? named : null;
		const key =
			latestEnd !== null && PERIODIC.has(role) ? `${role}@${period ? periodEndMonth(period) : latestEnd}` : role;
		if (seen.has(key) && !REPEATABLE.has(role)) role = 'other';
		seen.add(key);
		seen.add(role);
		return period && role !== 'other' ? { role, header, period } : { role, header };
	});
	const project = columns.find((c) => c.role === 'category' && normaliseHeader(c.header) === PROJECT_NAME);
	if (!seen.has('task') && !seen.has('content') && !project) return null;
	const projectAsCategory = project !== undefined && !seen.has('task');
	if (periods.length > 0) {
		const latest = periods[periods.length - 1];
		const header = columns.find(
			(c) => c.role === 'statusText' && c.period && periodEndMonth(c.period) === periodEndMonth(latest)
		)!.header;
		return { columns, period: latest, periodHeader: header, periods, projectAsCategory };
	}
	const periodColumn = (['statusText', 'statusWord', 'periodTarget'] as const)
		.map((role) => columns.find((c) => c.role === role && findPeriodIn(c.header)))
		.find((c) => c !== undefined);
	return {
		columns,
		period: periodColumn ? findPeriodIn(periodColumn.header) : null,
		periodHeader: periodColumn?.header ?? null,
		projectAsCategory
	};
}

/**
 * The periods of a wide table, earliest first: every status-text column names a period and no two
 * name the same one (1-10月推进情况, 1-11月推进情况). Empty for any other table, where a second
 * status-text column stays 'other' as before.
 */
function wideTablePeriods(cells: readonly string[], roles: readonly ColumnRole[]): Omit<Period, 'year'>[] {
	const periods = cells.flatMap((cell, i) => (roles[i] === 'statusText' ? [findPeriodIn(normaliseHeader(cell))] : []));
	if (periods.length < 2 || periods.some((p) => p === null)) return [];
	const named = periods as Omit<Period, 'year'>[];
	if (new Set(named.map(periodEndMonth)).size !== named.length) return [];
	return [...named].sort((a, b) => periodEndMonth(a) - periodEndMonth(b));
}

/**
 * Maps a header printed over two rows, as spreadsheets and pages group period columns:
 * 推进情况 spanning 1-10月 and 1-11月 reads as 1-10月推进情况 and 1-11月推进情况. A cell that spans
 * both rows (or has nothing below it) keeps its own text. Null when the two rows do not map.
 */
export function mapTwoRowHeader(top: readonly string[], bottom: readonly string[]): HeaderMap | null {
	const width = Math.max(top.length, bottom.length);
	const cells: string[] = [];
	let above = '';
	for (let i = 0; i < width; i++) {
		const under = (bottom[i] ?? '').trim();
		if (
			under !== '' &&
			under !== (top[i] ?? '').trim() &&
			!namesOnlyPeriod(normaliseHeader(under)) &&
			columnRole(under) === null
		)
			return null;
		// A group header flattened away (CSV has no merged cells): its columns keep the text of the first.
		const over = (top[i] ?? '').trim() || (under !== '' && namesOnlyPeriod(normaliseHeader(under)) ? above : '');
		above = over;
		cells.push(joinHeaderCells(over, under));
	}
	if (cells.every((cell, i) => cell === (top[i] ?? '').trim())) return null;
	return mapHeader(cells);
}

function joinHeaderCells(top: string, bottom: string): string {
	if (bottom === '' || bottom === top) return top;
	if (top === '') return bottom;
	// The period reads first whichever row holds it: 1-10月 under 推进情况 is 1-10月推进情况.
	return namesOnlyPeriod(normaliseHeader(bottom)) && !namesOnlyPeriod(normaliseHeader(top))
		? `${bottom}${top}`
		: `${top}${bottom}`;
}
