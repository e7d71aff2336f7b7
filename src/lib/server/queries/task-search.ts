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
 * Bits of update_search's key that hold the period: the key is task_id << 20 | period_id (migration 0024), so a
 * matching status text names its task by a shift.
 */
const PERIOD_BITS = sql.lit(20);

/**
 * Narrows to tasks matching every search term in their name, content or a current status text (of any
 * period: the table says when the match is another period's text). Terms of three characters or more go
 * through the trigram indexes as quoted FTS5 strings (never as syntax); shorter ones, which trigrams cannot
 * find, use an escaped LIKE.
 *
 * Each index's matching tasks are listed once (the status texts' only when a row's task is not among the
 * names' and contents'), and the scope's updates of the period are asked whether their task is in a list: the
 * `+` keeps SQLite from starting at a list instead. For 数字化改造 in a province the lists hold 3 473 and 3 408
 * tasks of every year, and looking up each one's update of the period cost more than reading the period's 50 845
 * updates in order against them (14 against 9 ms). Within some organizations their few updates are asked the
 * same way. One list of both (a union) costs a little less over a province and a little more within a 街道.
 */
export function whereSearch(qb: Updates, q: string | null): Updates {
	for (const term of parseSearch(q).terms) {
		if (usesFts(term)) {
			const match = quoteFts(term);
			qb = qb.where(
				sql<SqlBool>`(+updates.task_id in (select rowid from task_search where task_search match ${match})
					or +updates.task_id in (select rowid >> ${PERIOD_BITS} from update_search where update_search match ${match}))`
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
	return whereSearch(scopedUpdates(db, scope, [periodId], filters, joins), filters.q);
}
