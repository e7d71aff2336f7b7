import { describe, expect, it } from 'vitest';
import { formatGap, groupSections } from './sections';
import type { ReportTask } from '../types/report';

const task = (taskId: number, category: string | null): ReportTask => ({
	taskId,
	seq: String(taskId),
	name: `任务${taskId}`,
	organization: '新街街道',
	category,
	owner: null,
	status: 'on_track',
	statusSource: 'reported',
	gap: null
});

describe('groupSections', () => {
	it.each([
		{
			why: 'report order, tasks kept in order within a category',
			tasks: [task(1, '乙'), task(2, '甲'), task(3, '乙')],
			order: ['甲', '乙'],
			expected: [
				['甲', [2]],
				['乙', [1, 3]]
			]
		},
		{
			why: 'a counted category with no listed task keeps its section, empty',
			tasks: [task(1, '甲')],
			order: ['甲', '乙'],
			expected: [
				['甲', [1]],
				['乙', []]
			]
		},
		{
			why: 'a category the order does not name follows it; no category comes last',
			tasks: [task(1, null), task(2, '丙'), task(3, '甲')],
			order: ['', '甲'],
			expected: [
				['甲', [3]],
				['丙', [2]],
				['', [1]]
			]
		},
		{
			why: 'a heading typed with ASCII commas joins the counted key with full-width ones',
			tasks: [task(1, '坚持以人为本,办好民生实事'), task(2, '坚持以人为本，办好民生实事')],
			order: ['坚持以人为本，办好民生实事'],
			expected: [['坚持以人为本，办好民生实事', [1, 2]]]
		},
		{ why: 'nothing listed, nothing counted', tasks: [], order: [], expected: [] }
	])('$why', ({ tasks, order, expected }) => {
		const sections = groupSections(tasks, order);
		expect(sections.map((s) => [s.key, s.tasks.map((t) => t.taskId)])).toEqual(expected);
	});
});

describe('formatGap', () => {
	it.each([
		[null, '—'],
		[0, '0'],
		[0.04, '0'],
		[3, '+3'],
		[12.5, '+12.5'],
		[-12.46, '−12.5'],
		[-0.05, '−0.1']
	])('%s → %s', (gap, expected) => {
		expect(formatGap(gap)).toBe(expected);
	});
});
