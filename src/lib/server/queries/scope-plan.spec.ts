/**
 * The planner statistics of migration 0016: a page scoped to one organization reads that
 * organization's plans, tasks and updates by key, whatever the database holds, instead of walking
 * every current update of the period and dropping the other organizations' rows.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase } from '../db/testing';
import { hasTaskFilters, NO_TASK_FILTERS, scopedUpdates } from './scope';
import type { TaskFilters } from '../../types/scope';

/** The plan of a count of period 3's current updates of these organizations, under a category or none, on a new database. */
async function countPlan(organizationIds: number[], category: string | null): Promise<string[]> {
	const db = await openTestDatabase();
	try {
		const query = scopedUpdates(db, { organizationIds }, [3], { ...NO_TASK_FILTERS, category })
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.compile();
		const { rows } = await db.executeQuery<{ detail: string }>({ ...query, sql: `explain query plan ${query.sql}` });
		return rows.map((r) => r.detail);
	} finally {
		await db.destroy();
	}
}

describe('scoped to one organization', () => {
	it('has statistics for the indexes of updates on a new database', async () => {
		const db = await openTestDatabase();
		const { rows } = await sql<{
			idx: string;
		}>`select idx from sqlite_stat1 where tbl = 'updates' order by idx`.execute(db);
		expect(rows.map((r) => r.idx)).toEqual([
			'updates_current',
			'updates_current_behind_run',
			'updates_current_period',
			'updates_current_period_status',
			'updates_source',
			'updates_task_period'
		]);
		await db.destroy();
	});

	it.each([
		['one organization', [7], null],
		['a 区 and its 街道', [7, 8, 9, 10], null],
		// The categories of a key (migration 0027) are every plan's: one organization's plans are fewer.
		['one organization, under a category', [7], '扩大有效投资']
	])('starts from the plans of %s, not from the period’s updates', async (_, organizationIds, category) => {
		const steps = await countPlan(organizationIds, category);
		// The organizations' plans, whose year the index holds: their other years' tasks, which have no update in
		// the period, are passed over there (by the index's key for one organization, by its rows for several).
		expect(steps[0]).toMatch(
			/^SEARCH plans USING COVERING INDEX sqlite_autoindex_plans_1 \(organization_id=\?( AND year=\?)?\)/
		);
		expect(steps.find((s) => / updates /.test(s))).toMatch(
			/^SEARCH updates USING INDEX updates_(task_period|current) \(task_id=\? AND period_id=\?\)/
		);
	});

	it('under a category, starts from a few organizations’ plans or from the category’s key, never the period’s updates', async () => {
		const steps = await countPlan([7, 8, 9, 10], '扩大有效投资');
		// At a city's figures the key's 24 categories hold fewer tasks than four organizations' plans: either is a few hundred rows.
		expect(steps[0]).toMatch(
			/^SEARCH (plans USING COVERING INDEX sqlite_autoindex_plans_1 \(organization_id=\?|categories USING COVERING INDEX categories_name_key \(name_key=\?\))/
		);
		expect(steps.find((s) => / updates /.test(s))).toMatch(
			/^SEARCH updates USING INDEX updates_(task_period|current) \(task_id=\? AND period_id=\?\)/
		);
	});
});

describe('whether a view has task filters', () => {
	it('is false for none and true for each one alone', () => {
		expect(hasTaskFilters(NO_TASK_FILTERS)).toBe(false);
		const one: Partial<TaskFilters> = {
			category: '扩大有效投资',
			theme: '数字化',
			status: ['behind'],
			source: ['reported'],
			flag: 'duplicate_text',
			owner: '发改委',
			attention: true,
			change: 'recovered',
			streak: 3
		};
		// Every filter a view can carry is listed here: a new one must be added to both.
		expect(Object.keys(one).sort()).toEqual(Object.keys(NO_TASK_FILTERS).sort());
		for (const [key, value] of Object.entries(one))
			expect([key, hasTaskFilters({ ...NO_TASK_FILTERS, [key]: value })]).toEqual([key, true]);
	});
});
