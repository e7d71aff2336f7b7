import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { generateData, PRESETS } from '../generate';
import { FilterError, parseFilters } from '../../filters';
import { behindStreak, CHANGE_KINDS, changeKind, emptyChangeCounts, type ChangeCounts } from '../../domain/changes';
import { STATUSES, type Status } from '../../domain/status';
import type { Scope } from '../../types/scope';
import { openReportsDatabase } from './testing';
import { resolveScope, scopedUpdates } from './scope';
import * as changes from './changes';
import { changeKindSql } from './change-sql';
import { loadChanges } from '../pages/changes';

async function view(db: DB, query: string) {
	const filters = parseFilters(new URLSearchParams(query));
	const scope = await resolveScope(db, filters);
	return { filters, scope, periodId: scope.period?.id ?? -1 };
}

/**
 * The counts by a plain SQL comparison of the two periods' current updates — each task of the later period
 * with its status in the earlier one, no scopedUpdates, no CASE — classified by the domain's rules.
 */
async function plainComparison(db: DB, scope: Scope): Promise<ChangeCounts> {
	const orgs = scope.organizationIds ?? [];
	const { rows } = await sql<{ before: Status | null; now: Status; n: number }>`
		select prev.status as before, cur.status as now, count(*) as n
		from updates cur
		join tasks t on t.id = cur.task_id
		join plans p on p.id = t.plan_id
		left join updates prev on prev.task_id = cur.task_id and prev.period_id = ${scope.since?.id ?? -1}
			and prev.superseded_at is null
		where cur.period_id = ${scope.period!.id} and cur.superseded_at is null
			and (${orgs.length === 0 ? 1 : 0} or p.organization_id in (${sql.join(orgs.length ? orgs : [-1])}))
		group by prev.status, cur.status`.execute(db);
	const counts = emptyChangeCounts();
	for (const r of rows) counts[changeKind(r.before, r.now)] += r.n;
	return counts;
}

/** Every task's statuses in its year's periods up to `periodId`, oldest first: the domain's input for the run behind. */
async function statusHistories(db: DB, periodId: number): Promise<Map<number, Status[]>> {
	const { rows } = await sql<{ taskId: number; status: Status }>`
		select u.task_id as taskId, u.status from updates u
		join periods p on p.id = u.period_id
		join periods sel on sel.id = ${periodId}
		where u.superseded_at is null and p.year = sel.year and p.month_end <= sel.month_end
		order by u.task_id, p.month_end`.execute(db);
	const out = new Map<number, Status[]>();
	for (const r of rows) out.set(r.taskId, [...(out.get(r.taskId) ?? []), r.status]);
	return out;
}

describe('changeKindSql', () => {
	it('classifies every pair of statuses as domain/changes.ts does', async () => {
		const db = await openTestDatabase();
		for (const from of [null, ...STATUSES]) {
			for (const to of STATUSES) {
				const { rows } = await sql<{ kind: string }>`select ${changeKindSql(sql`${from}`, sql`${to}`)} as kind`.execute(
					db
				);
				expect([from, to, rows[0].kind]).toEqual([from, to, changeKind(from, to)]);
			}
		}
	});
});

describe.each([
	['the bundled reports', () => openReportsDatabase(), ['', 'org=新街街道', 'org=新街街道&category=平安建设']],
	[
		'a generated city',
		async () => {
			const db = await openTestDatabase();
			await generateData(db, { ...PRESETS.city, seed: 'changes', organizations: 24, years: 2, tasksPerPlan: 12 });
			return db;
		},
		['', 'quarter=3', 'quarter=4&since=q1', 'status=behind,not_started']
	]
] as const)('changes on %s', (_name, open, queries) => {
	let db: DB;
	beforeAll(async () => {
		db = await open();
	}, 60_000);

	it.each(queries)('counts equal a plain SQL comparison of the two periods (%s)', async (query) => {
		const { filters, scope, periodId } = await view(db, query);
		expect(scope.since).not.toBeNull();
		const counts = await changes.countChanges(db, scope, periodId, filters);
		if (query.includes('status') || query.includes('category')) {
			// Filters narrow the later period: the sum is the filtered table's rows.
			const rows = await scopedUpdates(db, scope, [periodId], filters).select('updates.id').execute();
			expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(rows.length);
		} else expect(counts).toEqual(await plainComparison(db, scope));
		// Something changed in the whole scope, or the comparison proves nothing.
		if (!query.includes('category'))
			expect(counts.unchanged).toBeLessThan(Object.values(counts).reduce((a, b) => a + b, 0));
	});

	it.each(queries)('lists under ?change= exactly the tasks each count counts (%s)', async (query) => {
		const { filters, scope, periodId } = await view(db, query);
		const counts = await changes.countChanges(db, scope, periodId, filters);
		for (const kind of CHANGE_KINDS) {
			const rows = await scopedUpdates(db, scope, [periodId], { ...filters, change: kind })
				.select('updates.id')
				.execute();
			expect([kind, rows.length]).toEqual([kind, counts[kind]]);
		}
	});

	it('adds up per category to the scope’s counts, and counts each organization as its own link does', async () => {
		const { filters, scope } = await view(db, '');
		const data = (await loadChanges(db, scope, filters))!;
		expect(data.counts).toEqual(await changes.countChanges(db, scope, scope.period!.id, filters));
		const categories = changes.categoryCounts(await changes.countChangeCells(db, scope, scope.period!.id, filters));
		for (const kind of CHANGE_KINDS) {
			expect(categories.reduce((n, c) => n + c.counts[kind], 0)).toBe(data.counts[kind]);
		}
		// The panel lists the categories with the most changes, and counts the rest.
		expect(data.byCategory.length + data.byCategoryMore).toBe(categories.length);
		expect(data.byCategory.length).toBeLessThanOrEqual(15);
		const since = `q${scope.since!.quarter}`;
		for (const child of data.byOrganization) {
			const own = await view(
				db,
				`org=${child.id}&year=${scope.period!.year}&quarter=${scope.period!.quarter}&since=${since}`
			);
			// A child without a report for the period has nothing to count.
			const expected = own.scope.period ? await plainComparison(db, own.scope) : emptyChangeCounts();
			expect([child.name, child.counts]).toEqual([child.name, expected]);
		}
	});

	it.each([1, 2, 3])('lists under ?streak=%i exactly the tasks the list of runs behind counts', async (n) => {
		const { filters, scope, periodId } = await view(db, queries[0]);
		const total = await changes.countLongBehindTasks(db, scope, periodId, filters, n);
		const rows = await scopedUpdates(db, scope, [periodId], { ...filters, streak: n })
			.select('updates.id')
			.execute();
		expect(rows.length).toBe(total);
		// Every task behind now is behind for one period at least.
		if (n === 1) {
			const behind = await scopedUpdates(db, scope, [periodId], { ...filters, status: ['behind', 'not_started'] })
				.select('updates.id')
				.execute();
			expect(total).toBe(behind.length);
		}
	});

	it('gives every task the run behind the domain counts from its history', async () => {
		const { filters, scope, periodId } = await view(db, '');
		const histories = await statusHistories(db, periodId);
		const tasks = await changes.firstLongBehindTasks(db, scope, periodId, filters, 1, 1_000_000);
		const total = await changes.countLongBehindTasks(db, scope, periodId, filters, 1);
		const expected = [...histories.entries()].filter(([, h]) => behindStreak(h) >= 1);
		expect(total).toBe(tasks.length);
		expect(tasks.map((t) => [t.taskId, t.periods]).sort((a, b) => a[0] - b[0])).toEqual(
			expected.map(([id, h]) => [id, behindStreak(h)]).sort((a, b) => a[0] - b[0])
		);
		expect(tasks.map((t) => t.periods)).toEqual([...tasks.map((t) => t.periods)].sort((a, b) => b - a));
	});
});

describe('since', () => {
	let db: DB;
	beforeAll(async () => {
		db = await openReportsDatabase();
	});

	it('compares with the period before in the year by default, or the one named', async () => {
		const { scope } = await view(db, 'org=新街街道&year=2024&quarter=2');
		expect(scope.since).toMatchObject({ year: 2024, monthEnd: 3 });
		expect((await view(db, 'org=新街街道&year=2024&quarter=2&since=q1')).scope.since?.monthEnd).toBe(3);
		expect((await view(db, 'org=新街街道&year=2024&quarter=1')).scope.since).toBeNull();
	});

	it.each(['since=q2', 'since=q3', 'since=m1-2', 'since=q9', 'since=x'])(
		'refuses %s naming the parameter',
		async (q) => {
			const error = await view(db, `org=新街街道&year=2024&quarter=2&${q}`).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(FilterError);
			expect((error as FilterError).param).toBe('since');
		}
	);
});
