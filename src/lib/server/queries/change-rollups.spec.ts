import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { importDocument } from '../import';
import { generateData } from '../generate';
import { addSampleOrganization } from '../generate/sample';
import { migrations } from '../../../../migrations/index.js';
import { behindStreak, LONG_BEHIND_PERIODS } from '../../domain/changes';

/** Runs from this many periods counted: low enough that the small test data has some. */
const LONG = 2;
import type { Status } from '../../domain/status';
import type { ScopePeriod } from '../../types/scope';
import { parseFilters } from '../../filters';
import { wideCsv } from '../import/fixtures/wide-table';
import { NO_TASK_FILTERS, resolveScope } from './scope';
import { summarizeChanges, summarizeRollups, summarizeScope } from './changes';
import { listComparedChildren } from './comparison';
import { removeSampleData } from './sample';
import { confirmStatuses } from './confirmations';
import { withdrawImport } from './withdrawals';

/**
 * Each current update's earlier period, earlier status and run behind, from its task's history by plain
 * SQL and the domain's behindStreak: what migration 0021's columns must hold.
 */
async function expectUpdateColumnsExact(db: DB) {
	const { rows } = await sql<{
		id: number;
		key: string;
		periodId: number;
		status: Status;
		earlierPeriodId: number | null;
		earlierStatus: Status | null;
		behindRun: number;
	}>`select u.id, u.task_id || '|' || p.year as key, u.period_id as periodId, u.status,
			u.earlier_period_id as earlierPeriodId, u.earlier_status as earlierStatus, u.behind_run as behindRun
		from updates u join periods p on p.id = u.period_id
		where u.superseded_at is null order by u.task_id, p.year, p.month_end`.execute(db);
	const expected: unknown[] = [];
	const history: Status[] = [];
	rows.forEach((r, i) => {
		const previous = rows[i - 1]?.key === r.key ? rows[i - 1] : null;
		if (!previous) history.length = 0;
		history.push(r.status);
		expected.push([r.id, previous?.periodId ?? null, previous?.status ?? null, behindStreak(history)]);
	});
	expect(rows.map((r) => [r.id, r.earlierPeriodId, r.earlierStatus, r.behindRun])).toEqual(expected);
}

/** Every organization's subtree and direct children, by plain SQL. */
async function organizationTrees(db: DB) {
	const orgs = await db.selectFrom('organizations').select(['id', 'parent_id']).execute();
	const subtree = (id: number) => {
		const ids = [id];
		for (let i = 0; i < ids.length; i++) for (const o of orgs) if (o.parent_id === ids[i]) ids.push(o.id);
		return ids;
	};
	return orgs.map((o) => ({
		id: o.id,
		ids: subtree(o.id),
		children: orgs
			.filter((c) => c.parent_id === o.id)
			.map((c) => ({ id: c.id, scope: { organizationIds: subtree(c.id) } }))
	}));
}

/**
 * For every organization and every period its subtree has data in, compared with the latest earlier period
 * of the year with data there (the scope's default `since`): the rollups' summary equals the pass over the
 * scope's rows — in all, per category in order, and per child.
 */
async function expectRollupsExact(db: DB) {
	await expectUpdateColumnsExact(db);
	for (const org of await organizationTrees(db)) {
		const { rows: periods } = await sql<{ id: number; since: number | null }>`
			with data as (select distinct p.id, p.year, p.month_end from updates u join tasks t on t.id = u.task_id
				join plans pl on pl.id = t.plan_id join periods p on p.id = u.period_id
				where u.superseded_at is null and pl.organization_id in (${sql.join(org.ids)}))
			select d.id, (select e.id from data e where e.year = d.year and e.month_end < d.month_end
				order by e.month_end desc limit 1) as since from data d`.execute(db);
		for (const { id: periodId, since } of periods) {
			const scope = {
				organizationIds: org.ids,
				excludedOrganizationIds: [],
				since: since === null ? null : ({ id: since } as ScopePeriod)
			};
			const rolled = await summarizeRollups(db, [org.id], periodId, since, org.children, LONG);
			const plain = await summarizeScope(db, scope, periodId, NO_TASK_FILTERS, org.children, LONG);
			expect({ ...rolled, byChild: [...rolled.byChild].sort() }, `organization ${org.id}, period ${periodId}`).toEqual({
				...plain,
				byChild: [...plain.byChild].sort()
			});
		}
	}
}

/** The whole-database view, as the overview asks it: summarizeChanges takes the rollups and agrees with the rows. */
async function expectOverviewExact(db: DB) {
	const filters = parseFilters(new URLSearchParams(''));
	const scope = await resolveScope(db, filters);
	const { children } = await listComparedChildren(db, scope);
	const periodId = scope.period!.id;
	for (const min of [1, LONG_BEHIND_PERIODS])
		expect(await summarizeChanges(db, scope, periodId, filters, children, min)).toEqual(
			await summarizeScope(db, scope, periodId, NO_TASK_FILTERS, children, min)
		);
}

const SEED = readFileSync('data/reports/xinjie-2024-q2.txt', 'utf8');
const admin = { name: 'wang', userId: 1 };

describe('change rollups and the runs behind', () => {
	it('equal the rows after imports, re-imports, a late earlier quarter, generated data, sample data and its removal, a confirmation and a withdrawal', async () => {
		const db = await openTestDatabase();
		for (const file of ['xinjie-2024-q2.txt', 'xiaoshan-2020-h1.txt'])
			await importDocument(db, readFileSync(`data/reports/${file}`));
		await importDocument(db, wideCsv());
		await expectRollupsExact(db);
		// The same table again, one earlier text changed: both its periods are replaced.
		await importDocument(
			db,
			Buffer.from(new TextDecoder().decode(wideCsv()).replace('1个小区已开工。', '1个小区已完工。'))
		);
		const corrected = SEED.replace('发布日期:2024-07-08', '发布日期:2024-07-20').replace(
			'稳步推进平安村社创建',
			'平安村社创建进度滞后'
		);
		const { result: correction } = await importDocument(db, Buffer.from(corrected));
		await expectRollupsExact(db);
		// An earlier quarter arriving late, tasks unchanged: the second quarter's earlier statuses change with it.
		const q1 = SEED.replace('第二季度重点任务', '第一季度重点任务')
			.replace('二季度完成情况', '一季度完成情况')
			.replace('发布日期:2024-07-08', '发布日期:2024-04-08')
			.replace('稳步推进平安村社创建', '平安村社创建尚未启动');
		await importDocument(db, Buffer.from(q1));
		await expectRollupsExact(db);

		await generateData(db, { seed: 'change-rollups', organizations: 6, years: 2, tasksPerPlan: 12 });
		await addSampleOrganization(db);
		await expectRollupsExact(db);
		await expectOverviewExact(db);
		await removeSampleData(db);
		await expectRollupsExact(db);

		// A confirmed status in the first quarter changes the second quarter's change and run.
		const [first] = await db
			.selectFrom('updates')
			.innerJoin('periods', 'periods.id', 'updates.period_id')
			.select('updates.id')
			.where('updates.superseded_at', 'is', null)
			.where('periods.month_end', '=', 3)
			.where('updates.status', '!=', 'behind')
			.orderBy('updates.id')
			.execute();
		await confirmStatuses(db, [{ updateId: first.id, status: 'behind', reason: '核实' }], admin);
		await expectRollupsExact(db);
		await withdrawImport(db, correction.sourceId, admin, '重复发布');
		await expectRollupsExact(db);
		await expectOverviewExact(db);
	});

	it('are backfilled exactly by the migration for data written before it', async () => {
		const db = await openTestDatabase();
		await importDocument(db, readFileSync('data/reports/xinjie-2024-q2.txt'));
		await generateData(db, { seed: 'change-backfill', organizations: 5, years: 2, tasksPerPlan: 10 });
		// 0023's trigger for appended updates reads the run 0021 adds: it goes first.
		for (const trigger of [
			'updates_changes_append',
			'updates_changes_insert',
			'updates_changes_update',
			'updates_changes_move',
			'updates_changes_delete'
		])
			await sql`drop trigger ${sql.ref(trigger)}`.execute(db);
		await sql`drop index updates_current_behind_run`.execute(db);
		await sql`drop table change_rollups`.execute(db);
		for (const column of ['earlier_period_id', 'earlier_status', 'behind_run'])
			await sql`alter table updates drop column ${sql.ref(column)}`.execute(db);
		await migrations['0021_change_rollups'].up(db.withTables() as never);
		await expectRollupsExact(db);
	});
});
