/**
 * Chinese search over tasks (name, content, current status texts) and the current updates the task table
 * lists: a scope's period, its task filters and the search. Shared by the table, its count, its neighbours
 * and its export, so each of them finds the same rows.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../db';
import { likePattern, parseSearch, quoteFts, usesFts } from '../../domain/search';
import { scopedUpdates, type ScopeJoins } from './scope';
import type { Scope } from '../../types/scope';
import type { TaskListFilters } from '../../types/tasks';

export type Updates = ReturnType<typeof scopedUpdates>;

/** update_search's key is period_id << 32 | task_id (migration 0024): a matching status text names its task. */
export const TASK_BITS = sql.lit(32);
const TASK_MASK = sql.lit(2 ** 32 - 1);

/**
 * The keys of the status texts of a period's year (and of any period numbered between the year's first and
 * last). A task's updates all lie in its plan's year (DESIGN.md; scope.ts resolveSince), so the tasks a period
 * lists match only there: a province's other years' matches (four in five) need not be listed.
 */
function keysOfYear(periodId: number): RawBuilder<SqlBool> {
	const year = sql`(select periods.year from periods where periods.id = ${periodId})`;
	const first = sql`(select min(periods.id) from periods where periods.year = ${year})`;
	const last = sql`(select max(periods.id) from periods where periods.year = ${year})`;
	return sql<SqlBool>`update_search.rowid between ${first} << ${TASK_BITS} and (${last} << ${TASK_BITS}) | ${TASK_MASK}`;
}

/**
 * Narrows to tasks matching every search term in their name, content or a current status text (of any
 * period: the table says when the match is another period's text). Terms of three characters or more go
 * through the trigram indexes as quoted FTS5 strings (never as syntax); shorter ones, which trigrams cannot
 * find, use an escaped LIKE.
 *
 * The tasks matching in either index are listed once, and each of the scope's updates of the period is asked
 * whether its task is in the list: the `+` keeps SQLite from starting at the list instead. For 数字化改造 in a
 * province the list holds 3 476 tasks, most of other years (their names and contents match too), and looking up
 * each one's update of the period cost more than reading the period's 50 845 updates in order against the list
 * (14 against 9 ms). Within some organizations their few updates are asked the same way.
 */
function whereSearch(qb: Updates, q: string | null, periodId: number): Updates {
	for (const term of parseSearch(q).terms) {
		if (usesFts(term)) {
			const match = quoteFts(term);
			qb = qb.where(
				sql<SqlBool>`+updates.task_id in (
					select rowid from task_search where task_search match ${match}
					union
					select rowid & ${TASK_MASK} from update_search where update_search match ${match} and ${keysOfYear(periodId)}
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
	return whereSearch(scopedUpdates(db, scope, [periodId], filters, joins), filters.q, periodId);
}
