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
 * The tasks an indexed term matches are listed once, from both indexes, and each of the period's updates is
 * asked whether its task is among them (the `+` keeps SQLite from starting at the list instead): for
 * 数字化改造 in a province the list holds 3 493 tasks of every year, and looking each up costs more than
 * reading the period's 50 845 updates in order against it. Within some organizations their updates are few.
 */
export function whereSearch(qb: Updates, q: string | null): Updates {
	for (const term of parseSearch(q).terms) {
		if (usesFts(term)) {
			const match = quoteFts(term);
			qb = qb.where(
				sql<SqlBool>`+updates.task_id in (
					select rowid from task_search where task_search match ${match}
					union
					select rowid >> ${PERIOD_BITS} from update_search where update_search match ${match}
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
	return whereSearch(scopedUpdates(db, scope, [periodId], filters, joins), filters.q);
}
