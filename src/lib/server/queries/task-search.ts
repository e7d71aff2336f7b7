/**
 * Chinese search over tasks (name, content, current status texts) and the current updates the task table
 * lists: a scope's period, its task filters and the search. Shared by the table, its count, its neighbours
 * and its export, so each of them finds the same rows.
 */
import { sql, type SqlBool } from 'kysely';
import type { DB } from '../db';
import { likePattern, parseSearch, quoteFts, usesFts } from '../../domain/search';
import { scopedUpdates, type ScopeJoins } from './scope';
import type { Scope } from '../../types/scope';
import type { TaskListFilters } from '../../types/tasks';

export type Updates = ReturnType<typeof scopedUpdates>;

/**
 * Narrows to tasks matching every search term in their name, content or a current status text.
 * Terms of three characters or more go through the trigram indexes as quoted FTS5 strings
 * (never as syntax); shorter ones, which trigrams cannot find, use an escaped LIKE.
 *
 * A status text that matches gives its update's id. Over every organization (`narrowed` false) the
 * matching tasks are listed once, each id mapped to its task by migration 0022's narrow index, and
 * SQLite starts from them. Within some organizations each of their tasks is asked whether one of its
 * updates is among the matching ids instead: the mapping of a whole province's matches (≈ 40 ms for
 * 老旧小区) is most of the cost of searching one 街道's few dozen tasks (3 ms asked per task). Both
 * select the same tasks.
 */
export function whereSearch(qb: Updates, q: string | null, narrowed = false): Updates {
	for (const term of parseSearch(q).terms) {
		if (usesFts(term)) {
			const match = quoteFts(term);
			qb = qb.where(
				narrowed
					? sql<SqlBool>`(tasks.id in (select rowid from task_search where task_search match ${match}) or exists (
						select 1 from updates u where u.task_id = tasks.id and u.id in (select rowid from update_search where update_search match ${match})
					))`
					: sql<SqlBool>`tasks.id in (
						select rowid from task_search where task_search match ${match}
						union
						select u.task_id from update_search join updates u indexed by updates_task_of_update on u.id = update_search.rowid
						where update_search match ${match}
					)`
			);
		} else {
			const pattern = likePattern(term);
			qb = qb.where(
				sql<SqlBool>`(tasks.name like ${pattern} escape '\\' or tasks.content like ${pattern} escape '\\' or exists (
					select 1 from updates u where u.task_id = tasks.id and u.superseded_at is null and u.status_text like ${pattern} escape '\\'
				))`
			);
		}
	}
	return qb;
}

/** The current updates of one period in scope that pass the task filters and the search. */
export function filteredUpdates(
	db: DB,
	scope: Pick<Scope, 'organizationIds' | 'excludedOrganizationIds'>,
	periodId: number,
	filters: TaskListFilters,
	joins?: ScopeJoins
): Updates {
	return whereSearch(scopedUpdates(db, scope, [periodId], filters, joins), filters.q, scope.organizationIds !== null);
}
