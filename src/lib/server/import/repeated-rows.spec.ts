import { describe, expect, it } from 'vitest';
import { dropRepeatedRows } from './repeated-rows';
import type { DraftCategory, DraftTask } from './types';

const task = (line: number, name: string, statusText: string, seqNo: string | null = String(line)): DraftTask => ({
	seqNo,
	name,
	content: null,
	statusText,
	status: 'on_track',
	statusSource: 'inferred',
	evidence: [],
	owner: null,
	leader: null,
	periodTarget: null,
	percent: null,
	targets: [],
	themes: [],
	notes: null,
	line
});
const category = (name: string | null, ...tasks: DraftTask[]): DraftCategory => ({ name, tasks });

describe('dropRepeatedRows', () => {
	it.each([
		['distinct names', [category(null, task(2, '甲', '已完成'), task(3, '乙', '已完成'))], [2, 3], []],
		[
			'one name in two categories',
			[category('一', task(2, '甲', '已完成')), category('二', task(4, '甲', '推进中'))],
			[2, 4],
			[]
		],
		[
			'a row pasted twice, 序号 aside',
			[category(null, task(2, '甲', '已完成'), task(3, '甲', '已完成'))],
			[2],
			[[3, '第3行与第2行内容完全相同，是重复的一行，只导入第2行']]
		],
		[
			'two different rows of one name',
			[category(null, task(2, '甲', '已完成'), task(5, '甲', '推进中'))],
			[2, 5],
			[[5, '第5行与第2行任务名称相同（“甲”），按两项任务导入']]
		]
	] as const)('%s', (_, categories, kept, warnings) => {
		const result = dropRepeatedRows(categories as unknown as DraftCategory[]);
		expect(result.categories.flatMap((c) => c.tasks.map((t) => t.line))).toEqual(kept);
		expect(result.warnings.map((w) => [w.line, w.message])).toEqual(warnings);
	});
});
