/**
 * Organizations, plans and their periods as the first page lists them.
 */
import { sql } from 'kysely';
import type { DB } from '../db';
import type { Scope } from './scope';
import type { Status, StatusSource } from '../../domain/status';

export async function countSources(db: DB): Promise<number> {
	const { n } = await db.selectFrom('sources').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	return Number(n);
}

/** One row per plan × period × status × status source: current updates only. */
export interface PlanPeriodStatusCount {
	planId: number;
	organization: string;
	parentOrganization: string | null;
	/** Sample data (示例数据), to be labelled wherever shown. */
	isSample: boolean;
	year: number;
	periodId: number;
	periodLabel: string;
	quarter: number | null;
	monthStart: number | null;
	monthEnd: number;
	status: Status;
	statusSource: StatusSource;
	taskCount: number;
}

/**
 * Status counts for the most recently imported plan × period pairs in scope (an
 * all-organizations scope already leaves sample data out), at most `limit` pairs — a province holds tens of thousands —, ordered by
 * organization, year, period.
 */
export async function countTasksByPlanPeriodStatus(
	db: DB,
	scope: Pick<Scope, 'organizationIds' | 'excludedOrganizationIds'>,
	limit: number
): Promise<PlanPeriodStatusCount[]> {
	const recent = await db
		.selectFrom('sources')
		.innerJoin('plans', 'plans.id', 'sources.plan_id')
		.select(['sources.plan_id as planId', 'sources.period_id as periodId'])
		.$if(scope.organizationIds !== null, (qb) => qb.where('plans.organization_id', 'in', scope.organizationIds!))
		.$if((scope.excludedOrganizationIds?.length ?? 0) > 0, (qb) => qb.where('plans.organization_id', 'not in', scope.excludedOrganizationIds!))
		.orderBy('sources.id', 'desc')
		.limit(limit * 4)
		.execute();
	const pairs = new Set<string>();
	for (const r of recent) if (pairs.size < limit) pairs.add(`${r.planId}:${r.periodId}`);
	if (pairs.size === 0) return [];
	const planIds = [...new Set([...pairs].map((p) => Number(p.split(':')[0])))];
	const periodIds = [...new Set([...pairs].map((p) => Number(p.split(':')[1])))];
	const rows = await db
		.selectFrom('updates')
		.innerJoin('tasks', 'tasks.id', 'updates.task_id')
		.innerJoin('plans', 'plans.id', 'tasks.plan_id')
		.innerJoin('organizations', 'organizations.id', 'plans.organization_id')
		.leftJoin('organizations as parent', 'parent.id', 'organizations.parent_id')
		.innerJoin('periods', 'periods.id', 'updates.period_id')
		.where('updates.superseded_at', 'is', null)
		.where('tasks.plan_id', 'in', planIds)
		.where('updates.period_id', 'in', periodIds)
		.select((eb) => [
			'plans.id as planId',
			'organizations.name as organization',
			'parent.name as parentOrganization',
			'organizations.is_sample as isSample',
			'plans.year',
			'periods.id as periodId',
			'periods.label as periodLabel',
			'periods.quarter',
			'periods.month_start as monthStart',
			'periods.month_end as monthEnd',
			'updates.status',
			'updates.status_source as statusSource',
			eb.fn.countAll<number>().as('taskCount')
		])
		.groupBy(['plans.id', 'periods.id', 'updates.status', 'updates.status_source'])
		.orderBy('organizations.name')
		.orderBy('plans.year', 'desc')
		.orderBy('periods.month_end')
		.execute();
	return rows.filter((row) => pairs.has(`${row.planId}:${row.periodId}`)).map((row) => ({ ...row, isSample: row.isSample === 1 }));
}

export interface PlanTaskRow {
	planId: number;
	taskId: number;
	categoryName: string | null;
	categoryPosition: number;
	name: string;
	status: Status;
	statusSource: StatusSource;
	flagCount: number;
}

/** Every task of the given plans with its status in the plan's latest period, in report order. */
export async function listLatestTaskStatuses(db: DB, planIds: number[]): Promise<PlanTaskRow[]> {
	if (planIds.length === 0) return [];
	return db
		.selectFrom('tasks')
		.innerJoin('categories', 'categories.id', 'tasks.category_id')
		.innerJoin('updates', (join) =>
			join
				.onRef('updates.task_id', '=', 'tasks.id')
				.on('updates.superseded_at', 'is', null)
				.on('updates.period_id', '=', (eb) =>
					eb
						.selectFrom('updates as u')
						.innerJoin('periods as p', 'p.id', 'u.period_id')
						.innerJoin('tasks as t', 't.id', 'u.task_id')
						.select('p.id')
						.whereRef('t.plan_id', '=', 'tasks.plan_id')
						.where('u.superseded_at', 'is', null)
						.orderBy('p.month_end', 'desc')
						.limit(1)
				)
		)
		.where('tasks.plan_id', 'in', planIds)
		.select((eb) => [
			'tasks.plan_id as planId',
			'tasks.id as taskId',
			'categories.name as categoryName',
			'categories.position as categoryPosition',
			'tasks.name',
			'updates.status',
			'updates.status_source as statusSource',
			eb
				.selectFrom('quality_flags')
				.select(sql<number>`count(*)`.as('n'))
				.whereRef('quality_flags.update_id', '=', 'updates.id')
				.as('flagCount')
		])
		.orderBy('tasks.plan_id')
		.orderBy('categories.position')
		.orderBy('tasks.position')
		.execute() as Promise<PlanTaskRow[]>;
}
