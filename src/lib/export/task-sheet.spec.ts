import { describe, expect, it } from 'vitest';
import { TASK_SHEET_COLUMNS, taskSheetRow, type TaskSheetRow } from './task-sheet';

const row: TaskSheetRow = {
	taskId: 1,
	organization: '示例街道',
	organizationIsSample: true,
	seqNo: null,
	position: 3,
	category: null,
	name: '聚力加装电梯',
	content: null,
	themes: [],
	owner: null,
	leader: null,
	status: 'behind',
	statusSource: 'inferred',
	statusText: null,
	flags: [],
	ratio: null,
	gap: null
};

describe('taskSheetRow', () => {
	it('labels sample data in the organization cell, in the export language', () => {
		expect(taskSheetRow(row, 'zh', '2024 四季度')[0]).toBe('示例街道（示例数据）');
		expect(taskSheetRow(row, 'en', '2024 Q4')[0]).toBe('示例街道（Sample data）');
		expect(
			taskSheetRow({ ...row, organization: '新街街道', organizationIsSample: false }, 'zh', '2024 二季度')[0]
		).toBe('新街街道');
	});

	it('gives completion in percent and the gap to 序时进度 in points as numbers, empty without a ratio', () => {
		const at = (key: string) => TASK_SHEET_COLUMNS.findIndex((c) => c.header === key);
		const cells = taskSheetRow({ ...row, ratio: 0.4567, gap: -4.3 }, 'zh', '2024 二季度');
		expect([cells[at('completionPercent')], cells[at('scheduleGapPoints')]]).toEqual([45.7, -4.3]);
		const none = taskSheetRow(row, 'zh', '2024 二季度');
		expect([none[at('completionPercent')], none[at('scheduleGapPoints')]]).toEqual([null, null]);
	});

	it.each([
		[undefined, '无法比较', null, null],
		[null, '无法比较', null, null],
		[{ status: 'on_track', statusText: '=1+1 推进中' }, '新增欠进度', '达进度', '=1+1 推进中'],
		[{ status: 'behind', statusText: null }, '无变化', '欠进度', null]
	] as const)('gives the change since %j and the earlier status and text', (earlier, change, status, text) => {
		const at = (key: string) => TASK_SHEET_COLUMNS.findIndex((c) => c.header === key);
		const cells = taskSheetRow({ ...row, earlier }, 'zh', '2024 二季度');
		expect([
			cells[at('exportChange')],
			cells[at('exportPreviousStatus')],
			cells[at('exportPreviousStatusText')]
		]).toEqual([change, status, text]);
	});

	it.each([
		['zh', 'inferred', null, '推断'],
		['zh', 'confirmed', null, '已确认'],
		['zh', 'confirmed', '李', '已确认 (李, 2024-07-10 09:30)'],
		['en', 'confirmed', 'li', 'confirmed (li, 2024-07-10 09:30)']
	] as const)('words the source in %s: %s by %s', (lang, statusSource, confirmedBy, expected) => {
		const at = TASK_SHEET_COLUMNS.findIndex((c) => c.header === 'statusSource');
		const cells = taskSheetRow({ ...row, statusSource, confirmedBy, statusAt: '2024-07-10T01:30:00.000Z' }, lang, 'x');
		expect(cells[at]).toBe(expected);
	});
});
