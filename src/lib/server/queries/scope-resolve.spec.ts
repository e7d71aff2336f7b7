/**
 * resolveScope picks the period and the period compared with from the list of periods with data in the
 * scope's organizations: the same periods the plain queries find, asked one filter at a time.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase } from '../db/testing';
import { generateData } from '../generate';
import { parseFilters } from '../../filters';
import { resolveOrganizations, resolveScope } from './scope';
import type { DB } from '../db';

/** The latest period matching `where`, with current updates in the plans of `ids` (null: every plan). */
async function plainPeriod(db: DB, ids: number[] | null, where: ReturnType<typeof sql>) {
	const inScope = ids === null ? sql`1` : sql`plans.organization_id in (${sql.join(ids)})`;
	const { rows } = await sql<{ id: number }>`select periods.id from periods where ${where} and exists (
		select 1 from updates join tasks on tasks.id = updates.task_id join plans on plans.id = tasks.plan_id
		where updates.period_id = periods.id and updates.superseded_at is null and ${inScope})
		order by periods.year desc, periods.month_end desc, periods.id limit 1`.execute(db);
	return rows[0]?.id ?? null;
}

describe('resolveScope', () => {
	it('picks the period and the one before it that the plain queries pick, for every organization and period asked', async () => {
		const db = await openTestDatabase();
		await generateData(db, { seed: 'scope', organizations: 8, years: 2, tasksPerPlan: 4 });
		const organizations = (await db.selectFrom('organizations').select('id').execute()).map((o) => o.id);
		const periods = await db.selectFrom('periods').selectAll().execute();
		const asked = [
			'',
			...[...new Set(periods.map((p) => p.year))].map((year) => `year=${year}`),
			...periods.map((p) =>
				p.quarter !== null
					? `year=${p.year}&quarter=${p.quarter}`
					: `year=${p.year}&months=${p.month_start ?? 1}-${p.month_end}`
			),
			...periods
				.filter((p) => p.quarter !== null && p.quarter > 1)
				.map((p) => `year=${p.year}&quarter=${p.quarter}&since=q1`)
		];
		let compared = 0;
		for (const org of [null, ...organizations]) {
			const named = await resolveOrganizations(db, org === null ? null : String(org));
			for (const query of asked) {
				const filters = parseFilters(new URLSearchParams(`${query}${org === null ? '' : `&org=${org}`}`));
				const ids = named.organizationIds;
				const scope = await resolveScope(db, filters, named).catch((e: Error) => e);
				const year = filters.year === null ? sql`1` : sql`periods.year = ${filters.year}`;
				const end = filters.quarter
					? sql`periods.month_end = ${filters.quarter * 3}`
					: filters.months
						? sql`periods.month_end = ${filters.months[1]}`
						: sql`1`;
				const period = await plainPeriod(db, ids, sql`${year} and ${end}`);
				if (scope instanceof Error) {
					// Only `since` may fail: no earlier period of the year with data.
					expect(filters.since, `${query} org ${org}`).not.toBeNull();
					continue;
				}
				expect(scope.period?.id ?? null, `${query} org ${org}`).toBe(period);
				if (scope.period === null) continue;
				const sinceEnd = filters.since ? sql`periods.month_end = 3` : sql`1`;
				const since = await plainPeriod(
					db,
					ids,
					sql`periods.year = ${scope.period.year} and periods.month_end < ${scope.period.monthEnd} and ${sinceEnd}`
				);
				expect(scope.since?.id ?? null, `${query} org ${org}: since`).toBe(since);
				compared++;
			}
		}
		expect(compared).toBeGreaterThan(50);
		await db.destroy();
	});
});
