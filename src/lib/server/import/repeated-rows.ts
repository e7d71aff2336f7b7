/**
 * Rows that name the same task twice in one category. A row repeated word for word (序号 aside) is
 * one task pasted twice: it is left out, with a warning naming both lines. Two different rows of
 * one name stay two tasks, with a warning, so nobody mistakes one for the other. The writer
 * never matches one task to two rows, so what the dry run shows is what the import writes.
 */
import type { DraftCategory, DraftTask, ImportWarning } from './types';

/** The row as written, without where it stands: two rows with the same key say the same thing. */
function rowKey(task: DraftTask): string {
	return JSON.stringify({ ...task, line: 0, seqNo: null });
}

/** The categories without repeated rows, and a warning for each row of a name already seen in its category. */
export function dropRepeatedRows(categories: DraftCategory[]): {
	categories: DraftCategory[];
	warnings: ImportWarning[];
} {
	const warnings: ImportWarning[] = [];
	const kept = categories.map((category) => {
		const seen = new Map<string, DraftTask[]>();
		const tasks = category.tasks.filter((task) => {
			const earlier = seen.get(task.name) ?? [];
			seen.set(task.name, [...earlier, task]);
			if (earlier.length === 0) return true;
			const same = earlier.find((other) => rowKey(other) === rowKey(task));
			warnings.push({
				line: task.line,
				message: same
					? `第${task.line}行与第${same.line}行内容完全相同，是重复的一行，只导入第${same.line}行`
					: `第${task.line}行与第${earlier[0].line}行任务名称相同（“${task.name}”），按两项任务导入`
			});
			return !same;
		});
		return { ...category, tasks };
	});
	return { categories: kept, warnings };
}
