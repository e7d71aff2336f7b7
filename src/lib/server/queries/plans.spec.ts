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
});
