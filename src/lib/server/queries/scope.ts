/**
 * What a set of URL filters selects: which organizations (a parent rolls up its children),
 * which period, and the current updates of tasks that match. Every page counts and lists
 * through `scopedUpdates`, so a number on a chart and the rows behind it cannot disagree.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db';
import type { Database } from '../db/schema';
import { FilterError, sinceMonthEnd, type Filters } from '../../filters';
import { periodBefore, periodEndMonth } from '../../domain/period';
import { BEHIND_STREAK, updateChangeSql } from './change-sql';
import { categoryKey } from '../../domain/category-key';
import { ATTENTION_STATUSES } from '../../domain/measures';
import type { Scope, ScopeOrganization, ScopePeriod, TaskFilters } from '../../types/scope';

export const NO_TASK_FILTERS: TaskFilters = {
	category: null,
	theme: null,
	status: null,
	source: null,
	flag: null,
	owner: null,
	attention: false,
	change: null,
	streak: null
};

/** Whether any task filter narrows the scope's tasks (every key of TaskFilters is in NO_TASK_FILTERS). */
export function hasTaskFilters(filters: TaskFilters): boolean {
	return (Object.keys(NO_TASK_FILTERS) as (keyof TaskFilters)[]).some((key) => {
		const value = filters[key];
		return value !== null && value !== undefined && value !== false;
	});
}

/**
 * Resolves `org` (id or exact name), `year`, `quarter`/`months` into a scope. An unknown
 * organization is a FilterError; a period with no data is not (the page says so). Without a
 * period the latest one that has data in scope is chosen. `named`: what resolveOrganizations gave
 * for `filters.org`, when the caller keeps it (pages/request.ts keeps it per data version); its periods
 * with data answer every year and quarter asked of the organizations, without a statement each.
 */
export async function resolveScope(db: DB, filters: Filters, named?: NamedOrganizations): Promise<Scope> {
	const { counted: _, periods, ...organizationSet } = named ?? (await resolveOrganizations(db, filters.org));
	const wantedMonthEnd = filters.quarter || filters.months ? periodEndMonth(filters) : null;
	const period = periods.find(
		(p) =>
			(filters.year === null || p.year === filters.year) && (wantedMonthEnd === null || p.monthEnd === wantedMonthEnd)
	);
	const since = period ? resolveSince(filters, period, periods) : null;
	return { ...organizationSet, period: period ?? null, since };
}

/** Which organizations a scope names, before its period is known. */
type OrganizationSet = Pick<Scope, 'organizations' | 'organizationIds' | 'excludedOrganizationIds'>;

/**
 * The organizations `org` names, the rollups' organizations that count them (organizationsCounting), and the
 * periods with current updates in them, latest first (by year, then the month it ends; then by id).
 */
export interface NamedOrganizations extends OrganizationSet {
	counted: number[] | null;
	periods: ScopePeriod[];
}

/**
 * The organizations a filter's `org` names (an id or an exact name; null: every organization, less the sample
 * beside real data), with everything below them: the part of a scope that depends on `org` alone.
 */
export async function resolveOrganizations(db: DB, org: string | null): Promise<NamedOrganizations> {
	let organizations: ScopeOrganization[] = [];
	let organizationIds: number[] | null = null;
	if (org) {
		const byId = /^\d+$/.test(org) ? Number(org) : null;
		organizations = (
			await db
				.selectFrom('organizations')
				.leftJoin('organizations as parent', 'parent.id', 'organizations.parent_id')
				.select(['organizations.id', 'organizations.name', 'parent.name as parentName', 'organizations.is_sample'])
				.$if(byId !== null, (qb) => qb.where('organizations.id', '=', byId!))
				.$if(byId === null, (qb) => qb.where('organizations.name', '=', org))
				.orderBy('organizations.id')
				.execute()
		).map(({ is_sample, ...o }) => ({ ...o, isSample: is_sample === 1 }));
		if (organizations.length === 0) throw new FilterError('org', 'unknownOrganization', { value: org });
		organizationIds = await descendantIds(
			db,
			organizations.map((o) => o.id)
		);
	}
	const excludedOrganizationIds = org ? [] : await sampleIdsBesideRealData(db);
	const organizationSet = { organizations, organizationIds, excludedOrganizationIds };
	const counted = await organizationsCounting(db, organizationSet);
	const periods = await periodsWithData(db, organizationSet, counted)
		.orderBy('periods.year', 'desc')
		.orderBy('periods.month_end', 'desc')
		.orderBy('periods.id')
		.execute();
	return { ...organizationSet, counted, periods };
}

/**
 * The organizations whose rollup rows (status_rollups, change_rollups: each organization's rows hold its whole
 * subtree) count a scope's organizations exactly, or null when only the plain query can: every top-level
 * organization but the excluded ones (an excluded organization below a counted one would be inside its rows), or
 * the one organization named (two of the same name in two places might nest and count twice).
 */
export async function organizationsCounting(db: DB, scope: OrganizationSet): Promise<number[] | null> {
	const excluded = new Set(scope.excludedOrganizationIds ?? []);
	if (scope.organizationIds === null) {
		const roots = await db.selectFrom('organizations').select(['id']).where('parent_id', 'is', null).execute();
		const excludedRoots = roots.filter((r) => excluded.has(r.id)).length;
		if (excludedRoots !== excluded.size) return null;
		return roots.map((r) => r.id).filter((id) => !excluded.has(id));
	}
	if (scope.organizations.length !== 1) return null;
	return [scope.organizations[0].id];
}

/**
 * Periods that have current updates in these organizations, as periodRows gives them: read from the status
 * rollups of `counted` (organizationsCounting) — a few rows per period, where the plain query looked for an
 * update of the scope's plans in each period (≈ 0.2–0.4 ms for every distinct scope a page resolves) — else by
 * the plain query. Both say the same: the rollups count exactly the current updates of each subtree's plans.
 */
function periodsWithData(db: DB, scope: OrganizationSet, counted: number[] | null) {
	const { organizationIds } = scope;
	const excludedOrganizationIds = scope.excludedOrganizationIds ?? [];
	return periodRows(db).where((eb) =>
		counted
			? eb.exists(
					eb
						.selectFrom('status_rollups')
						.select('status_rollups.period_id')
						.whereRef('status_rollups.period_id', '=', 'periods.id')
						.where('status_rollups.organization_id', 'in', counted.length > 0 ? counted : [-1])
						.where('status_rollups.dimension', '=', 'status')
						.where('status_rollups.task_count', '>', 0)
				)
			: eb.exists(
					eb
						.selectFrom('updates')
						.innerJoin('tasks', 'tasks.id', 'updates.task_id')
						.innerJoin('plans', 'plans.id', 'tasks.plan_id')
						.select('updates.id')
						.whereRef('updates.period_id', '=', 'periods.id')
						.where('updates.superseded_at', 'is', null)
						.$if(organizationIds !== null, (qb) => qb.where('plans.organization_id', 'in', organizationIds!))
						.$if(excludedOrganizationIds.length > 0, (qb) =>
							qb.where('plans.organization_id', 'not in', excludedOrganizationIds)
						)
				)
	);
}

/**
 * The period the change view compares with: `since` when given (a period of the selected year with data, ending
 * before the selected one, else a FilterError naming `since`), else the latest such period (domain/period.ts
 * `periodBefore`: tasks belong to one year's plan, so only that year's periods hold their earlier statuses).
 * `periods`: those with data in the scope's organizations, latest first.
 */
function resolveSince(filters: Filters, period: ScopePeriod, periods: readonly ScopePeriod[]): ScopePeriod | null {
	const wanted = filters.since ? sinceMonthEnd(filters.since) : null;
	const since = periodBefore(wanted === null ? periods : periods.filter((p) => p.monthEnd === wanted), period);
	if (filters.since && !since) throw new FilterError('since', 'notEarlierPeriod', { value: filters.since });
	return since ?? null;
}

/** Periods as every page receives them (ScopePeriod); callers add the where and the order. */
export function periodRows(db: DB) {
	return db
		.selectFrom('periods')
		.select([
			'periods.id',
			'periods.year',
			'periods.quarter',
			'periods.month_start as monthStart',
			'periods.month_end as monthEnd',
			'periods.label'
		]);
}

/** Sample organizations' ids, when some real organization has a plan; else none. */
async function sampleIdsBesideRealData(db: DB): Promise<number[]> {
	const samples = await db.selectFrom('organizations').select('id').where('is_sample', '=', 1).execute();
	if (samples.length === 0) return [];
	const real = await db
		.selectFrom('plans')
		.innerJoin('organizations', 'organizations.id', 'plans.organization_id')
		.select('plans.id')
		.where('organizations.is_sample', '=', 0)
		.limit(1)
		.executeTakeFirst();
	return real ? samples.map((s) => s.id) : [];
}

/** The given organizations and everything below them. */
export async function descendantIds(db: DB, roots: number[]): Promise<number[]> {
	const rows = await db
		.withRecursive('tree(id)', (qb) =>
			qb
				.selectFrom('organizations')
				.select('id')
				.where('id', 'in', roots)
				.unionAll((qb2) =>
					qb2
						.selectFrom('organizations')
						.innerJoin('tree', 'tree.id', 'organizations.parent_id')
						.select('organizations.id')
				)
		)
		.selectFrom('tree')
		.select('id')
		.distinct()
		.execute();
	return rows.map((r) => r.id);
}

/**
 * Which of the category and the plan a query over scopedUpdates reads (besides what its filters need); `tasks:
 * false` leaves out the task too when nothing else needs it (the caller reads `updates.task_id`, not `tasks.id`).
 */
export interface ScopeJoins {
	categories: boolean;
	plans: boolean;
	tasks?: boolean;
}
const ALL_JOINS: ScopeJoins = { categories: true, plans: true };

/**
 * Current updates in a scope's organizations, for the given periods (null: any), of the tasks that match
 * the task filters, joined to their task, category and plan. Callers add the select.
 *
 * `joins` leaves out the category or the plan when neither the caller nor a filter reads it: both are
 * NOT NULL foreign keys, so the rows are the same, and a sort over a province's period (50 000
 * rows) costs half as much without the two lookups per row. The builder's type still names both
 * tables: a caller that leaves one out must not read it (the query would fail, loudly, in its tests).
 */
export function scopedUpdates(
	db: DB,
	scope: Pick<Scope, 'organizationIds' | 'excludedOrganizationIds' | 'since'>,
	periodIds: number[] | null,
	filters: TaskFilters,
	joins: ScopeJoins = ALL_JOINS
) {
	const byOrganization = scope.organizationIds !== null || (scope.excludedOrganizationIds?.length ?? 0) > 0;
	const withCategory = joins.categories || filters.category !== null;
	const withPlan = joins.plans || byOrganization;
	// The task is a lookup per row too: a whole province's ranking of 13 000 updates spent a fifth of its time there.
	const withTask =
		joins.tasks !== false || withCategory || withPlan || filters.owner !== null || (filters.change ?? null) !== null;
	const base = db.selectFrom('updates').innerJoin('tasks', 'tasks.id', 'updates.task_id');
	const joined = base
		.innerJoin('categories', 'categories.id', 'tasks.category_id')
		.innerJoin('plans', 'plans.id', 'tasks.plan_id');
	const lean = (withTask ? base : (db.selectFrom('updates') as unknown as typeof base))
		.$if(withCategory, (qb) => qb.innerJoin('categories', 'categories.id', 'tasks.category_id'))
		.$if(withPlan, (qb) => qb.innerJoin('plans', 'plans.id', 'tasks.plan_id')) as unknown as typeof joined;
	return (
		(joins === ALL_JOINS ? joined : lean)
			.where('updates.superseded_at', 'is', null)
			.$if(periodIds !== null, (qb) => qb.where('updates.period_id', 'in', periodIds!.length > 0 ? periodIds! : [-1]))
			.$if(scope.organizationIds !== null, (qb) => qb.where('plans.organization_id', 'in', scope.organizationIds!))
			// A task's updates are all of its plan's year (a report's history is of its own year): naming the year
			// lets the plans' (organization, year) index skip the organizations' other years' tasks, each of which
			// was looked up in the period and missed (3–5× faster for one unit's period).
			.$if(scope.organizationIds !== null && periodIds !== null, (qb) =>
				qb.where('plans.year', 'in', (eb) =>
					eb
						.selectFrom('periods')
						.select('periods.year')
						.where('periods.id', 'in', periodIds!.length > 0 ? periodIds! : [-1])
				)
			)
			.$if((scope.excludedOrganizationIds?.length ?? 0) > 0, (qb) =>
				qb.where('plans.organization_id', 'not in', scope.excludedOrganizationIds!)
			)
			.$if(filters.category !== null, (qb) => qb.where('categories.name_key', '=', categoryKey(filters.category!)))
			.$if(filters.status !== null, (qb) => qb.where('updates.status', 'in', filters.status!))
			.$if(filters.source !== null, (qb) => qb.where('updates.status_source', 'in', filters.source!))
			.$if(filters.owner !== null, (qb) => qb.where('tasks.owner', '=', filters.owner!))
			// Asked of the update's own task id, so SQLite tests the theme before it reads the task: a whole province's
			// period under one theme read 50 000 tasks to keep 14 600 (its overview's one read of the facts, 132 →
			// 122 ms; measured with the file mapped, as the app reads it).
			.$if(filters.theme !== null, (qb) =>
				qb.where((eb) =>
					eb.exists(
						eb
							.selectFrom('task_themes')
							.innerJoin('themes', 'themes.id', 'task_themes.theme_id')
							.select('task_themes.task_id')
							.whereRef('task_themes.task_id', '=', 'updates.task_id')
							.where('themes.name', '=', filters.theme!)
					)
				)
			)
			// The attention set, as attentionCount (domain/measures.ts) counts it.
			.$if(filters.attention, (qb) =>
				qb.where((eb) =>
					eb.or([
						eb('updates.status', 'in', [...ATTENTION_STATUSES]),
						eb.exists(
							eb
								.selectFrom('quality_flags')
								.select('quality_flags.id')
								.whereRef('quality_flags.update_id', '=', 'updates.id')
						)
					])
				)
			)
			// The kind of change since the scope's earlier period and the run behind (domain/changes.ts).
			.$if((filters.change ?? null) !== null, (qb) =>
				qb.where(updateChangeSql(scope.since?.id ?? null), '=', filters.change!)
			)
			// A run behind ends with the update itself: its own status is the cheap test, the run the dear one.
			.$if((filters.streak ?? null) !== null, (qb) =>
				qb.where('updates.status', 'in', [...ATTENTION_STATUSES]).where(BEHIND_STREAK, '>=', filters.streak!)
			)
			.$if(filters.flag !== null, (qb) =>
				qb.where((eb) =>
					eb.exists(
						eb
							.selectFrom('quality_flags')
							.select('quality_flags.id')
							.whereRef('quality_flags.update_id', '=', 'updates.id')
							.where('quality_flags.kind', '=', filters.flag!)
					)
				)
			)
	);
}

/** These organizations and every ancestor of theirs (ids, each once per path, bottom up). */
export async function ancestorIds(db: Kysely<Database> | Transaction<Database>, ids: number[]): Promise<number[]> {
	const rows = await db
		.withRecursive('chain(id, parent_id)', (qb) =>
			qb
				.selectFrom('organizations')
				.select(['id', 'parent_id'])
				.where('id', 'in', ids)
				.unionAll((qb2) =>
					qb2
						.selectFrom('organizations')
						.innerJoin('chain', 'chain.parent_id', 'organizations.id')
						.select(['organizations.id', 'organizations.parent_id'])
				)
		)
		.selectFrom('chain')
		.select('id')
		.execute();
	return rows.map((r) => r.id);
}
