/**
 * What changed since the last meeting, for any loader that shows it (the overview's panel, the slides, the
 * handout): the counts by kind of change in scope, per category and per child organization, and the tasks
 * behind for several periods in a row. The earlier period is the scope's (`since=`, else the one before).
 * The counts come from change_rollups where they answer the scope exactly (queries/changes.ts `summarizeChanges`).
 */
import type { DB } from '../db';
import type { Scope, TaskFilters } from '../../types/scope';
import type { Filters } from '../../filters';
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
	filters: TaskFilters & Pick<Filters, 'since'>,
	options: { longBehindLimit?: number } = {}
): Promise<ChangesData | null> {
	if (!scope.period) return null;
	const period = scope.period;
	const limit = options.longBehindLimit ?? LONG_BEHIND_LIMIT;
	const [{ children }, longBehindTasks] = await Promise.all([
		listComparedChildren(db, scope),
		changes.firstLongBehindTasks(db, scope, period.id, filters, LONG_BEHIND_PERIODS, limit)
	]);
	const summary = await changes.summarizeChanges(db, scope, period.id, filters, children, LONG_BEHIND_PERIODS);
	const { counts, categories, byChild } = summary;
	const changed = (c: ChangeCountsOf) => CHANGED_KINDS.reduce((n, k) => n + c.counts[k], 0);
	const kept = new Set([...categories].sort((a, b) => changed(b) - changed(a)).slice(0, CHANGE_CATEGORIES));
	return {
		period,
		since: scope.since ?? null,
		counts,
		byCategory: categories.filter((c) => kept.has(c)),
		byCategoryMore: categories.length - kept.size,
		byOrganization: children.map((c) => ({ name: c.name, id: c.id, counts: byChild.get(c.id) ?? emptyChangeCounts() })),
		longBehind: { min: LONG_BEHIND_PERIODS, tasks: longBehindTasks, total: summary.longBehind }
	};
}
