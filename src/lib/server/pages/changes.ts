/**
 * What changed since the last meeting, for any loader that shows it (the overview's panel, the slides, the
 * handout): the counts by kind of change in scope, per category and per child organization, and the tasks
 * behind for several periods in a row. The earlier period is the scope's (`since=`, else the one before).
 */
import type { DB } from '../db';
import type { Scope, TaskFilters } from '../../types/scope';
import type { ChangeCountsOf, ChangesData } from '../../types/changes';
import { CHANGED_KINDS, emptyChangeCounts, LONG_BEHIND_PERIODS } from '../../domain/changes';
import * as changes from '../queries/changes';
import { listComparedChildren } from '../queries/comparison';

/** Categories the panel's table lists, those with the most changes; the rest are counted. */
export const CHANGE_CATEGORIES = 15;

/** How many of the tasks behind for several periods the panel lists; the rest are a link away. */
export const LONG_BEHIND_LIMIT = 8;

/** Null when the scope has no period with data. */
export async function loadChanges(
	db: DB,
	scope: Scope,
	filters: TaskFilters,
	options: { longBehindLimit?: number } = {}
): Promise<ChangesData | null> {
	if (!scope.period) return null;
	const period = scope.period;
	const [cells, longBehind, { children }] = await Promise.all([
		changes.countChangeCells(db, scope, period.id, filters),
		changes.listLongBehindTasks(
			db,
			scope,
			period.id,
			filters,
			LONG_BEHIND_PERIODS,
			options.longBehindLimit ?? LONG_BEHIND_LIMIT
		),
		listComparedChildren(db, scope)
	]);
	// Each child counted as `/tasks?org=<child>` counts it: the cells of its subtree's organizations.
	const childOf = new Map(children.flatMap((c) => (c.scope.organizationIds ?? []).map((id) => [id, c.id] as const)));
	const byChild = changes.sumCells(cells, (c) => childOf.get(c.organizationId) ?? null);
	const counts = changes.sumCells(cells, () => 'all').get('all') ?? emptyChangeCounts();
	const categories = changes.categoryCounts(cells);
	const changed = (c: ChangeCountsOf) => CHANGED_KINDS.reduce((n, k) => n + c.counts[k], 0);
	const kept = new Set([...categories].sort((a, b) => changed(b) - changed(a)).slice(0, CHANGE_CATEGORIES));
	return {
		period,
		since: scope.since ?? null,
		counts,
		byCategory: categories.filter((c) => kept.has(c)),
		byCategoryMore: categories.length - kept.size,
		byOrganization: children.map((c) => ({ name: c.name, id: c.id, counts: byChild.get(c.id) ?? emptyChangeCounts() })),
		longBehind: { min: LONG_BEHIND_PERIODS, ...longBehind }
	};
}
