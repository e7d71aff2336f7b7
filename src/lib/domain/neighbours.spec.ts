import { describe, expect, it } from 'vitest';
import { neighboursIn } from './neighbours';

describe('neighboursIn', () => {
	it.each([
		[[7, 3, 9], 7, { index: 0, total: 3, previousId: null, nextId: 3 }],
		[[7, 3, 9], 3, { index: 1, total: 3, previousId: 7, nextId: 9 }],
		[[7, 3, 9], 9, { index: 2, total: 3, previousId: 3, nextId: null }],
		[[7], 7, { index: 0, total: 1, previousId: null, nextId: null }],
		[[7, 3, 9], 4, null],
		[[], 4, null]
	])('%j, task %i → %j', (ids, taskId, expected) => {
		expect(neighboursIn(ids, taskId)).toEqual(expected);
	});
});
