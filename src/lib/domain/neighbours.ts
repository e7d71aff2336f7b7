import type { TaskNeighbours } from '../types/tasks';

/** A task's place in a list of task ids in order, or null when the list does not hold it. */
export function neighboursIn(ids: readonly number[], taskId: number): TaskNeighbours | null {
	const index = ids.indexOf(taskId);
	if (index < 0) return null;
	return {
		index,
		total: ids.length,
		previousId: index > 0 ? ids[index - 1] : null,
		nextId: index + 1 < ids.length ? ids[index + 1] : null
	};
}
