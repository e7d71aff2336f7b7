/**
 * The staff task explorer: the filtered, sorted, paged task table (one row per task: its
 * current update in the scope's period), Chinese search, and one task with its history.
 * Lists and counts go through scopedUpdates, so the table's total equals the overview's count
 * for the same filters.
 */
import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { DB } from '../db';
import { FLAG_KINDS } from '../../domain/flags';
import { STATUSES } from '../../domain/status';
import { likePattern, parseSearch, quoteFts, usesFts } from '../../domain/search';
import type { SortDir, TaskSortKey } from '../../table-params';
import { countUpdates } from './measures';
import { NO_TASK_FILTERS, scopedUpdates } from './scope';
import type { Scope } from '../../types/scope';
import type {
	TaskDetail,
	TaskListFilters,
	TaskNeighbours,
	TaskOrder,
	TaskRow,
	TaskSource,
	TaskUpdate,
	ThemeName
} from '../../types/tasks';

type Updates = ReturnType<typeof scopedUpdates>;

/**
 * Narrows to tasks matching every search term in their name, content or a current status text.
 * Terms of three characters or more go through the trigram indexes as quoted FTS5 strings
 * (never as syntax); shorter ones, which trigrams cannot find, use an escaped LIKE.
 */
function whereSearch(qb: Updates, q: string | null): Updates {
	for (const term of parseSearch(q).terms) {
		if (usesFts(term)) {
			const match = quoteFts(term);
			qb = qb.where(
				sql<SqlBool>`tasks.id in (
					select rowid from task_search where task_search match ${match}
					union
					select u.task_id from update_search join updates u on u.id = update_search.rowid where update_search match ${match}
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
function filteredUpdates(
	db: DB,
	scope: Pick<Scope, 'organizationIds' | 'excludedOrganizationIds'>,
	periodId: number,
	filters: TaskListFilters
): Updates {
	return whereSearch(scopedUpdates(db, scope, [periodId], filters), filters.q);
}

interface OrderTerm {
	expr: RawBuilder<unknown>;
	dir: SortDir;
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
	const lastIfNull = (expr: RawBuilder<unknown>): OrderTerm[] => [
		{ expr: sql`(${expr} is null)`, dir: 'asc' },
		{ expr, dir }
	];
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
	for (const term of orderTerms(order)) qb = qb.orderBy(term.expr, term.dir);
	return qb;
}

interface RawTaskRow extends Omit<TaskRow, 'themes' | 'flags' | 'organizationIsSample'> {
	organizationIsSample: number;
	themes: string;
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
		sql<string>`(select json_group_array(json_object('name', themes.name, 'nameEn', themes.name_en) order by themes.name)
				from task_themes join themes on themes.id = task_themes.theme_id where task_themes.task_id = tasks.id)`.as('themes'),
		sql<
			string | null
		>`(select group_concat(distinct quality_flags.kind) from quality_flags where quality_flags.update_id = updates.id)`.as(
			'flags'
		)
	]);
}

function toTaskRow({ themes, flags, organizationIsSample, ...row }: RawTaskRow): TaskRow {
	const kinds = new Set(flags ? flags.split(',') : []);
	return {
		...row,
		organizationIsSample: organizationIsSample === 1,
		themes: JSON.parse(themes) as ThemeName[],
		flags: FLAG_KINDS.filter((k) => kinds.has(k))
	};
}

/**
 * One page of the task table for one period: rows in the requested order, at most `limit`,
 * skipping `offset`. Grain: one row per task (its current update in the period).
 */
export async function listTasks(
	db: DB,
	scope: Pick<Scope, 'organizationIds' | 'excludedOrganizationIds'>,
	periodId: number,
	filters: TaskListFilters,
	order: TaskOrder,
	page: { limit: number; offset: number }
): Promise<TaskRow[]> {
	const rows = await applyOrder(selectTaskRow(filteredUpdates(db, scope, periodId, filters)), order)
		.limit(page.limit)
		.offset(page.offset)
		.execute();
	return (rows as RawTaskRow[]).map(toTaskRow);
}

/** How many rows listTasks has for these filters, over all pages. Grain: tasks. */
export async function countTasks(db: DB, scope: Scope, periodId: number, filters: TaskListFilters): Promise<number> {
	// Without a search the count is a measure like every other (from the rollups where they answer).
	if (!filters.q) {
		const rows = await countUpdates(db, scope, [periodId], filters, 'status');
		return rows.reduce((n, r) => n + r.taskCount, 0);
	}
	const { n } = await filteredUpdates(db, scope, periodId, filters)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(n);
}

/**
 * Every row of the filtered table, in order, fetched in chunks of `chunkSize`: for exports of
 * any length without holding all rows (or the connection) at once. The order is fixed by one
 * query for the update ids; each chunk is then a primary-key lookup.
 */
export async function* iterateTasks(
	db: DB,
	scope: Pick<Scope, 'organizationIds' | 'excludedOrganizationIds'>,
	periodId: number,
	filters: TaskListFilters,
	order: TaskOrder,
	chunkSize = 1000
): AsyncGenerator<TaskRow[]> {
	const ids = (
		await applyOrder(filteredUpdates(db, scope, periodId, filters).select('updates.id'), order).execute()
	).map((r) => r.id);
	for (let start = 0; start < ids.length; start += chunkSize) {
		const chunk = ids.slice(start, start + chunkSize);
		const rows = (await selectTaskRow(
			scopedUpdates(db, { organizationIds: null }, null, NO_TASK_FILTERS).where('updates.id', 'in', chunk)
		).execute()) as RawTaskRow[];
		const byId = new Map(rows.map((r) => [r.updateId, r]));
		// A row superseded since the id query is skipped rather than exported stale.
		yield chunk.flatMap((id) => {
			const row = byId.get(id);
			return row ? [toTaskRow(row)] : [];
		});
	}
}

/** The task's place in the filtered table for one period, or null when the filters exclude it. */
export async function getTaskNeighbours(
	db: DB,
	scope: Pick<Scope, 'organizationIds' | 'excludedOrganizationIds'>,
	periodId: number,
	filters: TaskListFilters,
	order: TaskOrder,
	taskId: number
): Promise<TaskNeighbours | null> {
	const window = sql.join(
		orderTerms(order).map((t) => sql`${t.expr} ${sql.raw(t.dir)}`),
		sql`, `
	);
	const ranked = filteredUpdates(db, scope, periodId, filters)
		.innerJoin('organizations', 'organizations.id', 'plans.organization_id')
		.select([
			'tasks.id as taskId',
			sql<number | null>`lag(tasks.id) over (order by ${window})`.as('previousId'),
			sql<number | null>`lead(tasks.id) over (order by ${window})`.as('nextId'),
			sql<number>`row_number() over (order by ${window}) - 1`.as('index'),
			sql<number>`count(*) over ()`.as('total')
		]);
	const row = await db
		.selectFrom(ranked.as('ranked'))
		.selectAll()
		.where('ranked.taskId', '=', taskId)
		.executeTakeFirst();
	return row
		? { index: Number(row.index), total: Number(row.total), previousId: row.previousId, nextId: row.nextId }
		: null;
}

/** Distinct responsible units (责任单位) of the tasks in one period of a scope, by name; at most `limit`. */
export async function listOwners(
	db: DB,
	scope: Pick<Scope, 'organizationIds' | 'excludedOrganizationIds'>,
	periodId: number,
	limit = 1000
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

/** One task by id, with its themes and targets; undefined when there is no such task. */
export async function getTask(db: DB, taskId: number): Promise<TaskDetail | undefined> {
	const task = await db
		.selectFrom('tasks')
		.innerJoin('categories', 'categories.id', 'tasks.category_id')
		.innerJoin('plans', 'plans.id', 'tasks.plan_id')
		.innerJoin('organizations', 'organizations.id', 'plans.organization_id')
		.leftJoin('organizations as parent', 'parent.id', 'organizations.parent_id')
		.select([
			'tasks.id',
			'tasks.plan_id as planId',
			'plans.year',
			'organizations.name as organization',
			'organizations.is_sample as organizationIsSample',
			'parent.name as parentOrganization',
			'categories.name as category',
			'tasks.seq_no as seqNo',
			'tasks.position',
			'tasks.name',
			'tasks.content',
			'tasks.owner',
			'tasks.leader'
		])
		.where('tasks.id', '=', taskId)
		.executeTakeFirst();
	if (!task) return undefined;
	const themes = await db
		.selectFrom('task_themes')
		.innerJoin('themes', 'themes.id', 'task_themes.theme_id')
		.select(['themes.name', 'themes.name_en as nameEn'])
		.where('task_themes.task_id', '=', taskId)
		.orderBy('themes.name')
		.execute();
	const targets = await db
		.selectFrom('targets')
		.select(['value', 'unit', 'comparator', 'text'])
		.where('task_id', '=', taskId)
		.orderBy('position')
		.execute();
	return { ...task, organizationIsSample: task.organizationIsSample === 1, themes, targets };
}

/**
 * Every update of a task, oldest period first; within a period the current one first, then
 * superseded ones newest first. Grain: one row per update.
 */
export async function getTaskHistory(db: DB, taskId: number): Promise<TaskUpdate[]> {
	const rows = await db
		.selectFrom('updates')
		.innerJoin('periods', 'periods.id', 'updates.period_id')
		.leftJoin('sources', 'sources.id', 'updates.source_id')
		.select([
			'updates.id',
			'updates.period_id as periodId',
			'periods.year',
			'periods.quarter',
			'periods.month_start as monthStart',
			'periods.month_end as monthEnd',
			'periods.label as periodLabel',
			'updates.status_text as statusText',
			'updates.status',
			'updates.status_source as statusSource',
			'updates.evidence',
			'updates.percent',
			'updates.actual_value as actualValue',
			'updates.period_target as periodTarget',
			'updates.notes',
			'updates.created_at as createdAt',
			'updates.superseded_at as supersededAt',
			'updates.source_id as sourceId',
			'sources.title as sourceTitle',
			'sources.published_on as sourcePublishedOn'
		])
		.where('updates.task_id', '=', taskId)
		.orderBy('periods.year')
		.orderBy('periods.month_end')
		.orderBy(sql`updates.superseded_at is not null`)
		.orderBy('updates.created_at', 'desc')
		.orderBy('updates.id', 'desc')
		.execute();
	if (rows.length === 0) return [];
	const flags = await db
		.selectFrom('quality_flags')
		.leftJoin('tasks as related', 'related.id', 'quality_flags.related_task_id')
		.select([
			'quality_flags.update_id as updateId',
			'quality_flags.kind',
			'quality_flags.detail',
			'quality_flags.related_task_id as relatedTaskId',
			'related.name as relatedTaskName'
		])
		.where(
			'quality_flags.update_id',
			'in',
			rows.map((r) => r.id)
		)
		.orderBy('quality_flags.id')
		.execute();
	return rows.map(({ evidence, ...row }) => ({
		...row,
		evidence: parseEvidence(evidence),
		flags: flags.filter((f) => f.updateId === row.id).map(({ updateId: _updateId, ...flag }) => flag)
	}));
}

function parseEvidence(json: string): string[] {
	try {
		const value: unknown = JSON.parse(json);
		return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
	} catch {
		return [];
	}
}

/** The documents behind a task's updates, newest period first. Grain: one row per source. */
export async function listTaskSources(db: DB, taskId: number): Promise<TaskSource[]> {
	// The excerpt is cut in SQL so a long document never travels whole to build one task's page.
	const at = sql<number>`max(1, instr(sources.text, tasks.name) - 150)`;
	return db
		.selectFrom('sources')
		.innerJoin('periods', 'periods.id', 'sources.period_id')
		.innerJoin('tasks', (join) => join.on('tasks.id', '=', taskId))
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('updates')
					.select('updates.id')
					.whereRef('updates.source_id', '=', 'sources.id')
					.where('updates.task_id', '=', taskId)
			)
		)
		.select([
			'sources.id',
			'sources.file_name as fileName',
			'sources.title',
			'sources.index_no as indexNo',
			'sources.publisher',
			'sources.written_on as writtenOn',
			'sources.published_on as publishedOn',
			'sources.subject',
			'sources.url',
			'sources.imported_at as importedAt',
			'periods.label as periodLabel',
			sql<number>`length(sources.text)`.as('textLength'),
			sql<string>`substr(sources.text, ${at}, 1000)`.as('excerpt'),
			sql<number>`${at} - 1`.as('excerptStart')
		])
		.orderBy('periods.year', 'desc')
		.orderBy('periods.month_end', 'desc')
		.orderBy('sources.id', 'desc')
		.execute();
}

/** The full decoded text of a source, only when one of the task's updates came from it. */
export async function getTaskSourceText(
	db: DB,
	taskId: number,
	sourceId: number
): Promise<{ fileName: string | null; text: string } | undefined> {
	return db
		.selectFrom('sources')
		.select(['sources.file_name as fileName', 'sources.text'])
		.where('sources.id', '=', sourceId)
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('updates')
					.select('updates.id')
					.whereRef('updates.source_id', '=', 'sources.id')
					.where('updates.task_id', '=', taskId)
			)
		)
		.executeTakeFirst();
}
