/**
 * Chinese search over tasks (name, content, current status texts) and the current updates the task table
 * lists: a scope's period, its task filters and the search. Shared by the table, its count, its neighbours
 * and its export, so each of them finds the same rows.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../db';
import { likePattern, pairPrefix, parseSearch, quoteFts, searchWay } from '../../domain/search';
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

export type SearchIndex = 'task_search' | 'update_search';

/** The terms of an index's vocabulary (migration 0025's fts5vocab tables) that begin with a pair. */
function termsOfPair(index: SearchIndex, term: string) {
	const prefix = pairPrefix(term);
	return sql`${sql.table(`${index}_terms`)} where term >= ${prefix} and term <= ${prefix} || char(1114111)`;
}

/**
 * What a term asks of an index, as an FTS5 expression. A term of three characters or more is one quoted string
 * (never syntax). A pair is every term of the index that begins with it, quoted and joined by OR: a range of
 * the vocabulary, read without a scan. When none begins with it, the expression is three markers in a row,
 * which no indexed text holds (each ends with one).
 */
export function matchOf(index: SearchIndex, term: string): RawBuilder<string> {
	if (searchWay(term) === 'trigrams') return sql<string>`${quoteFts(term)}`;
	return sql<string>`coalesce(
		(select group_concat('"' || replace(term, '"', '""') || '"', ' OR ') from ${termsOfPair(index, term)}),
		'"' || char(1, 1, 1) || '"'
	)`;
}

/**
 * A pair beginning more trigrams than this, in the two indexes together, is searched as text. Each term of an
 * OR costs FTS5 a seek of its own, and a pair that begins many is a word most texts hold (推进 begins 191 in a
 * city's tasks, 养老 two): in a city's 5 065 updates, 推进 cost 32 ms through the indexes and 20 ms as text, 养老
 * 5 and 23 ms; in a province, 227 against 137–172 ms, and 17–20 against 190–256 ms.
 */
const MAX_PAIR_TERMS = 100;

/**
 * The tasks matching in either index are listed once, and each of the scope's updates of the period is asked
 * whether its task is in the list: the `+` keeps SQLite from starting at the list instead. For 数字化改造 in a
 * province the list holds 3 476 tasks, most of other years (their names and contents match too), and looking up
 * each one's update of the period cost more than reading the period's 50 845 updates in order against the list
 * (14 against 9 ms). Within some organizations their few updates are asked the same way.
 */
function inIndexes(term: string, periodId: number): RawBuilder<SqlBool> {
	return sql<SqlBool>`+updates.task_id in (
		select rowid from task_search where task_search match ${matchOf('task_search', term)}
		union
		select rowid & ${TASK_MASK} from update_search
			where update_search match ${matchOf('update_search', term)} and ${keysOfYear(periodId)}
	)`;
}

/** The term in the task's name or content or any of its current status texts, by an escaped LIKE. */
function inTexts(term: string): RawBuilder<SqlBool> {
	const pattern = likePattern(term);
	return sql<SqlBool>`(tasks.name like ${pattern} escape '\\' or tasks.content like ${pattern} escape '\\' or exists (
		select 1 from updates u where u.task_id = tasks.id and u.superseded_at is null and u.status_text like ${pattern} escape '\\'
	))`;
}

/**
 * Narrows to tasks matching every search term in their name, content or a current status text (of any
 * period of the list's year: the table says when the match is another period's text). Terms of two characters
 * or more go through the trigram indexes, but a pair beginning too many of their terms goes as text, and so
 * does a single character, which no index can find. The choice for a pair is made in the statement: SQLite
 * counts the pair's terms once, and reads only the way chosen.
 */
function whereSearch(qb: Updates, q: string | null, periodId: number): Updates {
	for (const term of parseSearch(q).terms) {
		const way = searchWay(term);
		if (way === 'trigrams') qb = qb.where(inIndexes(term, periodId));
		else if (way === 'like') qb = qb.where(inTexts(term));
		else {
			// Two conditions, not one CASE: the first needs only the update, so SQLite asks it before it reads the
			// task (a CASE waited for the task, 15 ms more for 养老 in a province); the second is true at once.
			const many = sql<SqlBool>`(select count(*) from ${termsOfPair('task_search', term)})
				+ (select count(*) from ${termsOfPair('update_search', term)}) > ${MAX_PAIR_TERMS}`;
			qb = qb
				.where(sql<SqlBool>`(${many} or ${inIndexes(term, periodId)})`)
				.where(sql<SqlBool>`(not ${many} or ${inTexts(term)})`);
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
