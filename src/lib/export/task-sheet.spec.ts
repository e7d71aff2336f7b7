import { describe, expect, it } from 'vitest';
import { taskSheetRow, type TaskSheetRow } from './task-sheet';

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
	flags: []
};

describe('taskSheetRow', () => {
	it('labels sample data in the organization cell, in the export language', () => {
		expect(taskSheetRow(row, 'zh', '2024 四季度')[0]).toBe('示例街道（示例数据）');
		expect(taskSheetRow(row, 'en', '2024 Q4')[0]).toBe('示例街道（Sample data）');
		expect(
			taskSheetRow({ ...row, organization: '新街街道', organizationIsSample: false }, 'zh', '2024 二季度')[0]
		).toBe('新街街道');
	});
});
