/**
 * Imported plans and periods with their status counts, for the list under the overview's charts.
 */
import type { DB } from '../db';
import type { Scope } from '../../types/scope';
import type { PlanPeriodStatusCount } from '../../types/organizations';
import { memoOnData, organizationsKey } from './scope-memo';
import { readRollups } from './rollups';

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

// Per unit and year (a dozen rows each): a city's 200 units in their recent years.
const planCounts = memoOnData<PlanPeriodStatusCount[]>(1024);

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
	const plans = await db
		.selectFrom('plans')
		.innerJoin('organizations', 'organizations.id', 'plans.organization_id')
		.leftJoin('organizations as parent', 'parent.id', 'organizations.parent_id')
		.where('plans.id', 'in', planIds)
		.select([
			'plans.id as planId',
			'plans.organization_id as organizationId',
			'organizations.name as organization',
			'parent.name as parentOrganization',
			'organizations.is_sample as isSample',
			'plans.year'
		])
		.orderBy('organizations.name')
		.orderBy('plans.year', 'desc')
		.execute();
	const periods = await db
		.selectFrom('periods')
		.where('id', 'in', periodIds)
		.select(['id', 'label as periodLabel', 'quarter', 'month_start as monthStart', 'month_end as monthEnd'])
		.orderBy('month_end')
		.execute();
	const own = await ownStatusCounts(
		db,
		plans.map((plan) => plan.organizationId),
		periodIds
	);
	// Written out field by field: one shape of row, a few hundred of them for a unit.
	return plans.flatMap((plan) =>
		periods
			.filter((period) => pairs.has(`${plan.planId}:${period.id}`))
			.flatMap((period) =>
				(own.get(`${plan.organizationId}:${period.id}`) ?? [])
					.filter((count) => count.taskCount > 0)
					.map((count) => ({
						planId: plan.planId,
						organization: plan.organization,
						parentOrganization: plan.parentOrganization,
						isSample: plan.isSample === 1,
						year: plan.year,
						periodId: period.id,
						periodLabel: period.periodLabel,
						quarter: period.quarter,
						monthStart: period.monthStart,
						monthEnd: period.monthEnd,
						status: count.status,
						statusSource: count.statusSource,
						taskCount: count.taskCount
					}))
			)
	);
}

/** One status × source of an organization's own tasks in one period, counted. */
type OwnCount = Pick<PlanPeriodStatusCount, 'status' | 'statusSource' | 'taskCount'>;

/**
 * The status counts of each organization's own tasks (not its units') by period: its rollup rows, which count
 * its whole subtree, less its direct units' rows. An organization has one plan a year and a period lies in one
 * year, so an organization's own counts in a period are its plan's (rollups.spec.ts and plans.spec.ts hold the
 * rollups to the plain count of updates).
 */
async function ownStatusCounts(
	db: DB,
	organizationIds: number[],
	periodIds: number[]
): Promise<Map<string, OwnCount[]>> {
	const units = await db
		.selectFrom('organizations')
		.where('parent_id', 'in', organizationIds)
		.select(['id', 'parent_id as parentId'])
		.execute();
	const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId!]));
	const counted = new Set(organizationIds);
	const rows = await readRollups(
		db,
		[...new Set([...organizationIds, ...parentOf.keys()])],
		periodIds,
		'status',
		undefined,
		true
	);
	const own = new Map<string, Map<string, OwnCount>>();
	const add = (organizationId: number, row: (typeof rows)[number], sign: 1 | -1) => {
		const key = `${organizationId}:${row.periodId}`;
		const counts = own.get(key) ?? own.set(key, new Map()).get(key)!;
		const cell = `${row.status}:${row.statusSource}`;
		const count = counts.get(cell) ?? { status: row.status, statusSource: row.statusSource, taskCount: 0 };
		count.taskCount += sign * Number(row.taskCount);
		counts.set(cell, count);
	};
	for (const row of rows) {
		const organizationId = row.organizationId!;
		if (counted.has(organizationId)) add(organizationId, row, 1);
		const parent = parentOf.get(organizationId);
		if (parent !== undefined && counted.has(parent)) add(parent, row, -1);
	}
	return new Map([...own].map(([key, counts]) => [key, [...counts.values()]]));
}
