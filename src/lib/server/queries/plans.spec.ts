import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { generateData } from '../generate';
import { countTasksByPlanPeriodStatus } from './plans';

let db: DB;
beforeAll(async () => {
	db = await openTestDatabase();
	await generateData(db, { seed: 'plans', organizations: 3, years: 3, tasksPerPlan: 5, lastYear: 2024 });
});

/** The counts by the plain GROUP BY over current updates, which the rollups must reproduce. */
async function plainCounts(planIds: number[], periodIds: number[]) {
	const rows = await db
		.selectFrom('updates')
		.innerJoin('tasks', 'tasks.id', 'updates.task_id')
		.where('updates.superseded_at', 'is', null)
		.where('tasks.plan_id', 'in', planIds)
		.where('updates.period_id', 'in', periodIds)
		.select((eb) => [
			'tasks.plan_id as planId',
			'updates.period_id as periodId',
			'updates.status',
			'updates.status_source as statusSource',
			eb.fn.countAll<number>().as('taskCount')
		])
		.groupBy(['tasks.plan_id', 'updates.period_id', 'updates.status', 'updates.status_source'])
		.execute();
	return rows.map((r) => `${r.planId}:${r.periodId}:${r.status}:${r.statusSource}:${r.taskCount}`).sort();
}

describe('countTasksByPlanPeriodStatus', () => {
	it.each([
		[null, [2022, 2023, 2024]],
		[2022, [2022]],
		[2019, []]
	])('for year %s lists the plan periods of %j only', async (year, years) => {
		const street = await db
			.selectFrom('organizations')
			.select('id')
			.where('parent_id', 'is not', null)
			.executeTakeFirstOrThrow();
		const rows = await countTasksByPlanPeriodStatus(db, { organizationIds: [street.id] }, 20, year);
		expect([...new Set(rows.map((r) => r.year))].sort()).toEqual(years);
		if (year !== null) expect(new Set(rows.map((r) => r.periodId)).size).toBe(4 * years.length);
	});

	it("counts each plan's own tasks, not its units', as the updates do, for every scope", async () => {
		const organizations = await db.selectFrom('organizations').select(['id', 'parent_id']).execute();
		const parents = organizations.filter((o) => organizations.some((c) => c.parent_id === o.id));
		// A parent with a plan of its own and units with theirs: its own counts are its rollup less its units'.
		expect(parents.length).toBeGreaterThan(0);
		const scopes = [null, ...organizations.map((o) => [o.id])];
		let compared = 0;
		for (const organizationIds of scopes) {
			const rows = await countTasksByPlanPeriodStatus(db, { organizationIds }, 20);
			const planIds = [...new Set(rows.map((r) => r.planId))];
			const periodIds = [...new Set(rows.map((r) => r.periodId))];
			const pairs = new Set(rows.map((r) => `${r.planId}:${r.periodId}`));
			const expected = (await plainCounts(planIds, periodIds)).filter((k) =>
				pairs.has(k.split(':').slice(0, 2).join(':'))
			);
			expect(rows.map((r) => `${r.planId}:${r.periodId}:${r.status}:${r.statusSource}:${r.taskCount}`).sort()).toEqual(
				expected
			);
			compared += rows.length;
		}
		expect(compared).toBeGreaterThan(0);
	});

	it('orders plans by organization, the latest year first, and periods by their end', async () => {
		const rows = await countTasksByPlanPeriodStatus(db, { organizationIds: null }, 20);
		const order = rows.map((r) => [r.organization, -r.year, r.monthEnd] as const);
		const sorted = [...order].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
		expect(order).toEqual(sorted);
	});
});
