import { describe, expect, it } from 'vitest';
import type { AttentionTask } from '../types/overview';
import { withoutRepeats } from './dedupe';
import type { Slide, TaskListSlide } from './slides';

const task = (taskId: number) => ({ taskId }) as AttentionTask;

function list(kind: 'attention' | 'quality', page: number, ids: number[], total: number): TaskListSlide {
	return {
		key: `${kind}-${page}`,
		kind,
		title: kind,
		notes: [],
		page,
		pages: 2,
		total,
		tasks: ids.map(task),
		more: 0,
		was: {}
	};
}

const kpi: Slide = { key: 'kpi', kind: 'kpi', title: 'KPI', notes: [] };
const keys = (slides: Slide[]) => slides.map((s) => s.key);

describe('withoutRepeats', () => {
	it.each([
		[
			'the quality run that lists the attention run’s tasks is left out',
			[kpi, list('attention', 1, [1, 2], 3), list('attention', 2, [3], 3), list('quality', 1, [1, 2, 3], 3)],
			['kpi', 'attention-1', 'attention-2']
		],
		[
			'the same tasks paged differently are still a repeat',
			[list('attention', 1, [1, 2, 3], 3), list('quality', 1, [3, 1], 3), list('quality', 2, [2], 3)],
			['attention-1']
		],
		[
			'one task fewer is not a repeat',
			[list('attention', 1, [1, 2, 3], 3), list('quality', 1, [1, 2], 2)],
			['attention-1', 'quality-1']
		],
		[
			'the same tasks listed of a different total (a capped list) are not a repeat',
			[list('attention', 1, [1, 2], 40), list('quality', 1, [1, 2], 2)],
			['attention-1', 'quality-1']
		],
		[
			'two empty runs are both kept: each says there is nothing',
			[list('attention', 1, [], 0), list('quality', 1, [], 0)],
			['attention-1', 'quality-1']
		],
		['slides that are not lists are kept', [kpi, { ...kpi, key: 'kpi~2' }], ['kpi', 'kpi~2']]
	])('%s', (_, slides, expected) => {
		expect(keys(withoutRepeats(slides))).toEqual(expected);
	});
});
