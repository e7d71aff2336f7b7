/**
 * Imported plans and periods with their status counts, for the list under the overview's charts.
 */
import type { DB } from '../db';
import type { Scope } from '../../types/scope';
import type { PlanPeriodStatusCount } from '../../types/organizations';
import { memoOnData, organizationsKey } from './scope-memo';

export async function countSources(db: DB): Promise<number> {
	const { n } = await db
		.selectFrom('sources')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(n);
}

/**
 * Status counts for the most recently imported plan × period pairs in scope (an
 * all-organizations scope already leaves sample data out), at most `limit` pairs — a province holds tens of thousands —, ordered by
 * organization, year, period. Only plans of `year` when given.
 */
export function countTasksByPlanPeriodStatus(
	db: DB,
	scope: Pick<Scope, 'organizationIds' | 'excludedOrganizationIds'>,
	limit: number,
	year: number | null = null
): Promise<PlanPeriodStatusCount[]> {
	// The same for every overview of a scope: kept across requests (scope-memo.ts).
	return planCounts(scope, organizationsKey(scope, limit, year), () =>
		countTasksByPlanPeriodStatusNow(db, scope, limit, year)
	);
}

const planCounts = memoOnData<PlanPeriodStatusCount[]>();

async function countTasksByPlanPeriodStatusNow(
	db: DB,
	scope: Pick<Scope, 'organizationIds' | 'excludedOrganizationIds'>,
	limit: number,
	year: number | null
): Promise<PlanPeriodStatusCount[]> {
	const recent = await db
		.selectFrom('sources')
		.innerJoin('plans', 'plans.id', 'sources.plan_id')
		.select(['sources.plan_id as planId', 'sources.period_id as periodId'])
		.$if(scope.organizationIds !== null, (qb) => qb.where('plans.organization_id', 'in', scope.organizationIds!))
		.$if((scope.excludedOrganizationIds?.length ?? 0) > 0, (qb) =>
			qb.where('plans.organization_id', 'not in', scope.excludedOrganizationIds!)
		)
		.$if(year !== null, (qb) => qb.where('plans.year', '=', year!))
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
	return rows
		.filter((row) => pairs.has(`${row.planId}:${row.periodId}`))
		.map((row) => ({ ...row, isSample: row.isSample === 1 }));
}
