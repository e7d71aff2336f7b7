/**
 * Data-quality checks on a draft. Reports are written by hand and copied from quarter to
 * quarter (the seed's 聚能聚力重塑关键板块 repeats 坚定数字升级 word for word); the dashboard shows
 * these findings next to the task, so each says plainly, in Chinese, what was found.
 */
import type { DraftFlag, DraftTask, ReportDraft, Target } from './types';

/** Shorter identical texts (已完成。) are a normal way to report, not a copy. */
const DUPLICATE_MIN_CHARS = 10;
/** Status texts that say nothing. */
const PLACEHOLDER = /^(?:无|暂无|无。|暂无。|略|空|[-—–－/／\\.。…·、]+|n\/?a)$/i;

function allTasks(draft: Pick<ReportDraft, 'categories'>): DraftTask[] {
	return draft.categories.flatMap((category) => category.tasks);
}

function isEmptyStatus(text: string | null): boolean {
	const trimmed = (text ?? '').trim();
	return trimmed === '' || PLACEHOLDER.test(trimmed.replace(/\s+/g, ''));
}

/** Flags within one document: duplicate_text, target_not_reported, empty_status. */
export function checkQuality(draft: Pick<ReportDraft, 'categories'>): DraftFlag[] {
	const tasks = allTasks(draft);
	return [...duplicateTexts(tasks), ...tasks.flatMap(unreportedTargets), ...tasks.flatMap(emptyStatus)];
}

/** One flag per status text shared (after trimming) by two or more tasks, naming them all in order. */
function duplicateTexts(tasks: readonly DraftTask[]): DraftFlag[] {
	const byText = new Map<string, string[]>();
	for (const task of tasks) {
		const text = (task.statusText ?? '').trim();
		if (text.length < DUPLICATE_MIN_CHARS || isEmptyStatus(text) || isGroupWords(task, text)) continue;
		const names = byText.get(text) ?? [];
		names.push(task.name);
		byText.set(text, names);
	}
	return [...byText.values()]
		.filter((names) => names.length > 1)
		.map((names) => ({
			kind: 'duplicate_text',
			tasks: names,
			detail: `以下任务的完成情况文字完全相同：${names.join('、')}`
		}));
}

/** A notice's group words given as the text of every task it names under them (提前或超额完成了节点任务): how notices report, not a copy. */
function isGroupWords(task: DraftTask, text: string): boolean {
	return task.statusSource === 'reported' && task.evidence.length === 1 && task.evidence[0] === text;
}

/**
 * Targets in the content that the status text gives no figure for. Conservative: a target counts
 * as reported when the text has any number in its unit (3个, 三座) or its value as a number at all.
 */
function unreportedTargets(task: DraftTask): DraftFlag[] {
	if (task.targets.length === 0 || isEmptyStatus(task.statusText)) return [];
	const text = task.statusText ?? '';
	const missing = task.targets.filter((target) => !mentions(text, target));
	if (missing.length === 0) return [];
	return [
		{
			kind: 'target_not_reported',
			tasks: [task.name],
			detail: `主要内容中的目标${missing.map((t) => `“${t.text}”`).join('、')}在完成情况中没有对应的数字`
		}
	];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function mentions(text: string, target: Target): boolean {
	const unit = target.unit.replace(/^[万亿千百](?=.)/, '');
	const inUnit = new RegExp(`[\\d一二两三四五六七八九十百千][万亿千百]?${unit === '%' ? '[%％]' : escape(unit)}`);
	const value = new RegExp(`(?<![\\d.])${escape(String(target.value))}(?![\\d.])`);
	return inUnit.test(text) || value.test(text);
}

function emptyStatus(task: DraftTask): DraftFlag[] {
	if (task.statusSource === 'reported' || !isEmptyStatus(task.statusText)) return [];
	const shown = (task.statusText ?? '').trim();
	return [
		{ kind: 'empty_status', tasks: [task.name], detail: shown ? `完成情况只有占位内容“${shown}”` : '完成情况为空' }
	];
}

/**
 * same_as_previous: a task whose status text is identical (after trimming) to its text in the
 * previous period. The write step looks the previous texts up and passes them by task name.
 */
export function flagSameAsPrevious(
	draft: Pick<ReportDraft, 'categories'>,
	previousTextByTaskName: Map<string, string>
): DraftFlag[] {
	return allTasks(draft).flatMap((task): DraftFlag[] => {
		const text = (task.statusText ?? '').trim();
		const previous = previousTextByTaskName.get(task.name);
		if (previous === undefined || isEmptyStatus(text) || previous.trim() !== text) return [];
		return [{ kind: 'same_as_previous', tasks: [task.name], detail: '完成情况与上一期完全相同' }];
	});
}
