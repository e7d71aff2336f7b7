/**
 * The columns of the task export (CSV and XLSX share them) and how one table row becomes one
 * spreadsheet row. Labels come from i18n and the status/flag maps; task text is copied as is.
 */
import { FLAG_LABEL, type FlagKind } from '../domain/flags';
import { STATUS_LABEL, type Status, type StatusSource } from '../domain/status';
import { CHANGE_LABEL, changeKind } from '../domain/changes';
import { messages, type Lang, type MessageKey } from '../i18n';
import { beijingTime } from '../domain/clock';

/** What the export needs of a task row (TaskRow satisfies it). */
export interface TaskSheetRow {
	taskId: number;
	organization: string;
	organizationIsSample: boolean;
	seqNo: string | null;
	position: number;
	category: string | null;
	name: string;
	content: string | null;
	themes: { name: string; nameEn: string | null }[];
	owner: string | null;
	leader: string | null;
	status: Status;
	statusSource: StatusSource;
	statusText: string | null;
	/** A confirmed status's person, and when the update was written. */
	confirmedBy?: string | null;
	statusAt?: string;
	flags: FlagKind[];
	/** Completion ratio and gap to 序时进度 (the measures of src/lib/domain/measures.ts). */
	ratio: number | null;
	gap: number | null;
	/**
	 * The task's current update in the earlier period the view compares with (`since`, else the one before);
	 * null or absent: none. The change columns read it.
	 */
	earlier?: { status: Status; statusText: string | null } | null;
}

export interface TaskSheetColumn {
	header: MessageKey;
	/** Width in characters for XLSX (a CJK character counts about two). */
	width: number;
}

export const TASK_SHEET_COLUMNS: readonly TaskSheetColumn[] = [
	{ header: 'organization', width: 16 },
	{ header: 'period', width: 14 },
	{ header: 'seqNo', width: 6 },
	{ header: 'category', width: 30 },
	{ header: 'task', width: 28 },
	{ header: 'content', width: 60 },
	{ header: 'theme', width: 16 },
	{ header: 'owner', width: 18 },
	{ header: 'leader', width: 12 },
	{ header: 'status', width: 10 },
	{ header: 'statusSource', width: 10 },
	{ header: 'completionPercent', width: 10 },
	{ header: 'scheduleGapPoints', width: 12 },
	{ header: 'statusText', width: 80 },
	{ header: 'exportChange', width: 10 },
	{ header: 'exportPreviousStatus', width: 10 },
	{ header: 'exportPreviousStatusText', width: 80 },
	{ header: 'flags', width: 30 },
	{ header: 'taskId', width: 8 }
];

export type Cell = string | number | null;

export function taskSheetHeader(lang: Lang): string[] {
	return TASK_SHEET_COLUMNS.map((c) => messages[lang][c.header]);
}

/** One exported row, cells in TASK_SHEET_COLUMNS order; status and source as words, never codes. */
export function taskSheetRow(row: TaskSheetRow, lang: Lang, periodLabel: string): Cell[] {
	const t = messages[lang];
	return [
		// Sample data stays labelled in a spreadsheet passed on without the app around it.
		row.organizationIsSample ? `${row.organization}（${t.sample}）` : row.organization,
		periodLabel,
		row.seqNo ?? String(row.position),
		row.category ?? t.uncategorised,
		row.name,
		row.content,
		row.themes
			.map((theme) => (lang === 'en' && theme.nameEn ? theme.nameEn : theme.name))
			.join(lang === 'zh' ? '、' : ', '),
		row.owner,
		row.leader,
		STATUS_LABEL[lang][row.status],
		sourceCell(row, lang),
		// Numbers stay numbers, so a spreadsheet can average and sort them.
		row.ratio === null ? null : Math.round(row.ratio * 1000) / 10,
		row.gap,
		row.statusText,
		t[CHANGE_LABEL[changeKind(row.earlier?.status ?? null, row.status)]],
		row.earlier ? STATUS_LABEL[lang][row.earlier.status] : null,
		row.earlier?.statusText ?? null,
		row.flags.map((flag) => FLAG_LABEL[lang][flag]).join(lang === 'zh' ? '；' : '; '),
		row.taskId
	];
}

/** The source as a word; a confirmed one says who and when, so a spreadsheet passed on still tells. */
function sourceCell(row: TaskSheetRow, lang: Lang): string {
	const t = messages[lang];
	if (row.statusSource !== 'confirmed' || !row.confirmedBy || !row.statusAt) return t[row.statusSource];
	return `${t.confirmed} (${row.confirmedBy}, ${beijingTime(row.statusAt)})`;
}
