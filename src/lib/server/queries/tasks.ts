/**
 * The staff task explorer: the filtered, sorted, paged task table (one row per task: its
 * current update in the scope's period) with Chinese search (task-search.ts); one task's page is
 * task-detail.ts.
 * Lists and counts go through scopedUpdates, so the table's total equals the overview's count
 * for the same filters.
 */
import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { DB } from '../db';
import { FLAG_KINDS } from '../../domain/flags';
import { STATUSES } from '../../domain/status';
import { pageWindow, type PageWindow, type SortDir, type TaskSortKey } from '../../table-params';
import { countUpdates, getProgressOfUpdates } from './measures';
import { NO_TASK_FILTERS, scopedUpdates } from './scope';
import type { Scope } from '../../types/scope';
import { filteredUpdates, type Updates } from './task-search';
import type { TaskListFilters, TaskOrder, TaskRow, ThemeName } from '../../types/tasks';
import { memoOnData, organizationsKey } from './scope-memo';
import { themesInNameOrder } from './themes';

interface OrderTerm {
	expr: RawBuilder<unknown>;
	dir: SortDir;
	/** Empty values after the others in either direction (SQLite's NULLS LAST). */
	nullsLast?: boolean;
}

const STATUS_RANK = sql`case updates.status ${sql.join(
	STATUSES.map((status, rank) => sql`when ${sql.lit(status)} then ${sql.lit(rank)}`),
	sql` `
)} end`;
const FLAG_COUNT = sql`(select count(*) from quality_flags where quality_flags.update_id = updates.id)`;
const FIRST_THEME = sql`(select min(themes.name) from task_themes join themes on themes.id = task_themes.theme_id where task_themes.task_id = tasks.id)`;

/**
 * ORDER BY terms for a sort key. Empty values (no owner, no theme) sort last in either
 * direction; every order ends with plan, report position and id, so it is total and stable
 * and paging never repeats or skips a row.
 */
function orderTerms({ sort, dir }: TaskOrder): OrderTerm[] {
	const tie: OrderTerm[] = [
		{ expr: sql`tasks.plan_id`, dir: 'asc' },
		{ expr: sql`tasks.position`, dir: 'asc' },
		{ expr: sql`tasks.id`, dir: 'asc' }
	];
	// NULLS LAST rather than a term `(expr is null)` before it: SQLite computed the expression once for each
	// term, and a whole province sorted by theme ran its subquery twice for each of 50 845 rows (90 → 70 ms).
	const lastIfNull = (expr: RawBuilder<unknown>): OrderTerm[] => [{ expr, dir, nullsLast: true }];
	const keys: Record<TaskSortKey, OrderTerm[]> = {
		seq: [
			{ expr: sql`tasks.plan_id`, dir },
			{ expr: sql`tasks.position`, dir }
		],
		org: [{ expr: sql`organizations.name`, dir }],
		// Report order of categories, which is what staff read them in; the name splits equal positions across plans.
		category: [
			{ expr: sql`categories.position`, dir },
			{ expr: sql`ifnull(categories.name, '')`, dir }
		],
		task: [{ expr: sql`tasks.name`, dir }],
		// A task may have several themes: it sorts by the first in name order; none sorts last.
		theme: lastIfNull(FIRST_THEME),
		owner: lastIfNull(sql`nullif(trim(tasks.owner), '')`),
		status: [{ expr: STATUS_RANK, dir }],
		flags: [{ expr: FLAG_COUNT, dir }]
	};
	return [...keys[sort], ...tie];
}

function applyOrder<D, TB extends keyof D, O>(
	qb: SelectQueryBuilder<D, TB, O>,
	order: TaskOrder
): SelectQueryBuilder<D, TB, O> {
	for (const { expr, dir, nullsLast } of orderTerms(order))
		qb = qb.orderBy(expr, (item) => {
			const ordered = dir === 'asc' ? item.asc() : item.desc();
			return nullsLast ? ordered.nullsLast() : ordered;
		});
	return qb;
}

interface RawTaskRow extends Omit<TaskRow, 'themes' | 'flags' | 'organizationIsSample' | 'ratio' | 'gap'> {
	organizationIsSample: number;
	/** The task's theme ids, comma-separated (none: null); named by themesInNameOrder. */
	themeIds: string | null;
	flags: string | null;
}

function selectTaskRow(qb: Updates) {
	return qb.innerJoin('organizations', 'organizations.id', 'plans.organization_id').select([
		'tasks.id as taskId',
		'updates.id as updateId',
		'tasks.plan_id as planId',
		'plans.year',
		'organizations.name as organization',
		'organizations.is_sample as organizationIsSample',
		'tasks.seq_no as seqNo',
		'tasks.position',
		'categories.name as category',
		'tasks.name',
		'tasks.content',
		'tasks.owner',
		'tasks.leader',
		'updates.status',
		'updates.status_source as statusSource',
		'updates.status_text as statusText',
		// Who confirmed it and when (a 'confirmed' status shows them wherever it appears).
		'updates.confirmed_by as confirmedBy',
		'updates.created_at as statusAt',
		// Ids only, off the (task, theme) key: naming and ordering them in SQL (a JSON array of the themes joined, sorted
		// in a temporary b-tree per row) was half of an export chunk's statement; toTaskRows names them.
		sql<string | null>`(select group_concat(theme_id) from task_themes where task_themes.task_id = tasks.id)`.as(
			'themeIds'
		),
		sql<
			string | null
		>`(select group_concat(distinct quality_flags.kind) from quality_flags where quality_flags.update_id = updates.id)`.as(
			'flags'
		)
	]);
}

/** Table rows from raw rows, with each update's completion ratio and gap to 序时进度 (the measures). */
async function toTaskRows(db: DB, rows: RawTaskRow[]): Promise<TaskRow[]> {
	const progress = await getProgressOfUpdates(
		db,
		rows.map((r) => r.updateId)
	);
	// Read after the rows: every theme they name is in it (a theme is never deleted).
	const themes = await themesInNameOrder(db);
	// Each field named: a rest pattern (`{ themes, ...row }`) copied every row through V8's slow path, and
	// cost 17 µs a row, more than the query (a whole-city export: ≈ 85 of its 230 ms); this costs ≈ 2 µs.
	return rows.map((r) => {
		const progressOf = progress.get(r.updateId);
		const kinds = r.flags ? new Set(r.flags.split(',')) : null;
		return {
			taskId: r.taskId,
			updateId: r.updateId,
			planId: r.planId,
			year: r.year,
			organization: r.organization,
			organizationIsSample: r.organizationIsSample === 1,
			seqNo: r.seqNo,
			position: r.position,
			category: r.category,
			name: r.name,
			content: r.content,
			themes: r.themeIds ? namedThemes(r.themeIds, themes) : [],
			owner: r.owner,
			leader: r.leader,
			status: r.status,
			statusSource: r.statusSource,
			statusText: r.statusText,
			confirmedBy: r.confirmedBy,
			statusAt: r.statusAt,
			flags: kinds ? FLAG_KINDS.filter((k) => kinds.has(k)) : [],
			ratio: progressOf?.ratio ?? null,
			gap: progressOf?.gap ?? null
		};
	});
}

/** A task's themes from their ids (`1,5`), in the order of `themes` (by name, as SQLite orders them). */
function namedThemes(ids: string, themes: ReadonlyMap<number, ThemeName & { rank: number }>): ThemeName[] {
	return ids
		.split(',')
		.map((id) => themes.get(Number(id))!)
		.sort((a, b) => a.rank - b.rank)
		.map(({ name, nameEn }) => ({ name, nameEn }));
}

/**
 * The filtered table's current updates in order, for a caller to select ids from. Only what the
 * filters and the sort read is joined (a category, plan or organization lookup per row of a
 * province's period is ~15% of the query each); the row's columns (themes, flags: subqueries per
 * row) are left to taskRowsOf, so a sort carries ids only.
 *
 * `walk`, for a few rows of the list in report order (a page, a task's neighbours): the tasks are
 * narrowed to the plans of the period's year, which lets SQLite read the rows in that order off the
 * indexes (the year's plan ids in order, each plan's tasks by position) and stop after the rows asked
 * for instead of sorting the whole period: a province's first page took 46 ms sorting 50 845 rows,
 * 0.3 ms walking. SQLite still sorts where a filter's index finds fewer rows first. Not for a whole
 * list: walking every row costs more than the sort over the period's own index (71 against 55 ms).
 * Nor for some organizations: SQLite would walk every plan of the year rather than start from
 * theirs (a 街道's theme, 6 → 86 ms), and their lists are small enough to sort.
 */
export function orderedUpdates(
	db: DB,
	scope: Pick<Scope, 'organizationIds' | 'excludedOrganizationIds'>,
	periodId: number,
	filters: TaskListFilters,
	order: TaskOrder,
	walk = false
) {
	const joins = { categories: order.sort === 'category', plans: order.sort === 'org' };
	return applyOrder(
		filteredUpdates(db, scope, periodId, filters, joins)
			.$if(order.sort === 'org', (qb) => qb.innerJoin('organizations', 'organizations.id', 'plans.organization_id'))
			.$if(walk && walksInReportOrder(scope, order), (qb) =>
				qb.where('tasks.plan_id', 'in', plansOfPeriodYear(db, periodId))
			),
		order
	);
}

/** Whether a list in this order over this scope can be walked (orderedUpdates's `walk`). */
export function walksInReportOrder(scope: Pick<Scope, 'organizationIds'>, order: TaskOrder): boolean {
	return order.sort === 'seq' && scope.organizationIds === null;
}

/**
 * The plans of a period's year, which the walk goes through. They keep the same rows: a task belongs to one
 * year's plan and its updates to that year's periods (DESIGN.md; scope.ts resolveSince).
 */
export function plansOfPeriodYear(db: DB, periodId: number) {
	return db
		.selectFrom('plans')
		.select('plans.id')
		.where('plans.year', '=', (eb) =>
			eb.selectFrom('periods').select('periods.year').where('periods.id', '=', periodId)
		);
}

function orderedUpdateIds(
	db: DB,
	scope: Pick<Scope, 'organizationIds' | 'excludedOrganizationIds'>,
	periodId: number,
	filters: TaskListFilters,
	order: TaskOrder,
	walk = false
) {
	return orderedUpdates(db, scope, periodId, filters, order, walk).select('updates.id');
}

/** The table rows of these current updates, in the order given; one superseded since is skipped. */
async function taskRowsOf(db: DB, ids: number[]): Promise<TaskRow[]> {
	if (ids.length === 0) return [];
	const rows = (await selectTaskRow(
		scopedUpdates(db, { organizationIds: null }, null, NO_TASK_FILTERS).where('updates.id', 'in', ids)
	).execute()) as RawTaskRow[];
	// A row superseded since the id query is skipped rather than shown stale.
	const byId = new Map((await toTaskRows(db, rows)).map((r) => [r.updateId, r]));
	return ids.flatMap((id) => {
		const row = byId.get(id);
		return row ? [row] : [];
	});
}

/**
 * One page of the task table for one period: rows in the requested order, at most `limit`,
 * skipping `offset`. Grain: one row per task (its current update in the period). The page's ids
 * come first and its rows second: SQLite computes every selected column before it sorts, and the
 * themes and flags of a whole province's rows cost more than the sort (41 ms for the first page).
 */
export async function listTasks(
	db: DB,
	scope: Pick<Scope, 'organizationIds' | 'excludedOrganizationIds'>,
	periodId: number,
	filters: TaskListFilters,
	order: TaskOrder,
	page: { limit: number; offset: number }
): Promise<TaskRow[]> {
	const ids = await orderedUpdateIds(db, scope, periodId, filters, order, true)
		.limit(page.limit)
		.offset(page.offset)
		.execute();
	return taskRowsOf(
		db,
		ids.map((r) => r.id)
	);
}

/**
 * One page of the table (`page`, 1-based, of `size` rows; past the last page, the last) with the count of all
 * its rows. Without a search the count is countTasks's (from the rollups where they answer) and the page is
 * read alone; with one, the ids of every row are read once, and counted and cut here: the match is most of
 * the cost of a count or a page (for 数字化改造 in a province ≈ 20 ms each), and a search lists few rows.
 */
export async function listTaskPage(
	db: DB,
	scope: Scope,
	periodId: number,
	filters: TaskListFilters,
	order: TaskOrder,
	page: { page: number; size: number }
): Promise<{ total: number; window: PageWindow; rows: TaskRow[] }> {
	if (filters.q) {
		const ids = (await orderedUpdateIds(db, scope, periodId, filters, order).execute()).map((r) => r.id);
		const window = pageWindow(ids.length, page.page, page.size);
		const rows = await taskRowsOf(db, ids.slice(window.offset, window.offset + page.size));
		return { total: ids.length, window, rows };
	}
	const total = await countTasks(db, scope, periodId, filters);
	const window = pageWindow(total, page.page, page.size);
	const rows = await listTasks(db, scope, periodId, filters, order, { limit: page.size, offset: window.offset });
	return { total, window, rows };
}

/** How many rows listTasks has for these filters, over all pages. Grain: tasks. */
export async function countTasks(db: DB, scope: Scope, periodId: number, filters: TaskListFilters): Promise<number> {
	// Without a search the count is a measure like every other (from the rollups where they answer).
	if (!filters.q) {
		const rows = await countUpdates(db, scope, [periodId], filters, 'status');
		return rows.reduce((n, r) => n + r.taskCount, 0);
	}
	const { n } = await filteredUpdates(db, scope, periodId, filters, { categories: false, plans: false })
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(n);
}

/**
 * Rows in each chunk of iterateTasks. Each chunk is one synchronous query: small enough that a request
 * arriving meanwhile waits a few milliseconds, not the ~35 ms of 1000 rows.
 */
export const TASK_CHUNK_ROWS = 250;

/**
 * Every row of the filtered table, in order, fetched in chunks of TASK_CHUNK_ROWS: for exports of
 * any length without holding all rows (or the connection) at once. The order is fixed by one
 * query for the update ids; each chunk is then a primary-key lookup. `between` is awaited before
 * each chunk after the first (a download giving way to the pages).
 */
export async function* iterateTasks(
	db: DB,
	scope: Pick<Scope, 'organizationIds' | 'excludedOrganizationIds'>,
	periodId: number,
	filters: TaskListFilters,
	order: TaskOrder,
	between: () => Promise<void> = async () => {}
): AsyncGenerator<TaskRow[]> {
	const ids = (await orderedUpdateIds(db, scope, periodId, filters, order).execute()).map((r) => r.id);
	for (let start = 0; start < ids.length; start += TASK_CHUNK_ROWS) {
		if (start > 0) await between();
		yield taskRowsOf(db, ids.slice(start, start + TASK_CHUNK_ROWS));
	}
}

/**
 * The filtered table's task ids for one period, in its order: where a task page finds its previous and
 * next (`neighboursIn`). The whole list, not a window function (lag, lead, row_number over the whole
 * list), which cost ~2.5× as much in SQLite for the same sort.
 */
export async function listOrderedTaskIds(
	db: DB,
	scope: Pick<Scope, 'organizationIds' | 'excludedOrganizationIds'>,
	periodId: number,
	filters: TaskListFilters,
	order: TaskOrder
): Promise<number[]> {
	const rows = await orderedUpdates(db, scope, periodId, filters, order).select('tasks.id as taskId').execute();
	return rows.map((row) => row.taskId);
}

/** Distinct responsible units (责任单位) of the tasks in one period of a scope, by name; at most `limit`. */
export function listOwners(
	db: DB,
	scope: Pick<Scope, 'organizationIds' | 'excludedOrganizationIds'>,
	periodId: number,
	limit = 1000
): Promise<string[]> {
	// The same for every table of the scope's organizations and period: kept across requests (scope-memo.ts).
	return owners(scope, organizationsKey(scope, periodId, limit), () => listOwnersNow(db, scope, periodId, limit));
}

// A city's 200 units, each in its dozen periods.
const owners = memoOnData<string[]>(1024);

async function listOwnersNow(
	db: DB,
	scope: Pick<Scope, 'organizationIds' | 'excludedOrganizationIds'>,
	periodId: number,
	limit: number
): Promise<string[]> {
	const rows = await scopedUpdates(db, scope, [periodId], NO_TASK_FILTERS)
		.where(sql<SqlBool>`nullif(trim(tasks.owner), '') is not null`)
		.select('tasks.owner')
		.distinct()
		.orderBy('tasks.owner')
		.limit(limit)
		.execute();
	return rows.map((r) => r.owner as string);
}
