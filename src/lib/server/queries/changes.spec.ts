import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { generateData, PRESETS } from '../generate';
import { FilterError, parseFilters, type Filters } from '../../filters';
import { behindStreak, CHANGE_KINDS, changeKind, emptyChangeCounts, type ChangeCounts } from '../../domain/changes';
import { STATUSES, type Status } from '../../domain/status';
import type { Scope } from '../../types/scope';
import { openReportsDatabase } from './testing';
import { resolveScope, scopedUpdates } from './scope';
import * as changes from './changes';
import { changeKindSql } from './change-sql';
import { loadChanges } from '../pages/changes';
import { listPeriodsWithData } from './overview';
import { NOTES_TOP_CHANGES, changesIn, pairsToName, statusChangesOf, summariseChanges } from '../../present/notes';
import type { StatusChange, StatusChangeCount, StatusPairToName } from '../../types/overview';

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

/**
 * The tasks whose status changed between the previous period and the period, as the deck once listed them all:
 * each update of the period in scope (with the filters) joined to its task's update in `previousId`; report order.
 */
async function plainChanges(db: DB, scope: Scope, periodId: number, previousId: number, filters: Filters) {
	const rows: StatusChange[] = await scopedUpdates(db, scope, [periodId], filters)
		.innerJoin('updates as previous', (join) =>
			join
				.onRef('previous.task_id', '=', 'tasks.id')
				.on('previous.period_id', '=', previousId)
				.on('previous.superseded_at', 'is', null)
		)
		.whereRef('previous.status', '!=', 'updates.status')
		.select([
			'tasks.id as taskId',
			'tasks.name',
			'categories.name_key as key',
			'previous.status as from',
			'updates.status as to'
		])
		.orderBy('plans.organization_id')
		.orderBy('tasks.position')
		.execute();
	return statusChangesOf(rows);
}

/** The first `limit` changes of each category and pair that `pairs` names, in the list's order. */
function firstOfEach(changes: StatusChange[], pairs: StatusPairToName[], limit: number): StatusChange[] {
	const taken = new Map<string, number>();
	return changes.filter((c) => {
		if (!pairs.some((p) => p.from === c.from && p.to === c.to && (p.keys === null || p.keys.includes(c.key))))
			return false;
		const id = [c.key, c.from, c.to].join('|');
		taken.set(id, (taken.get(id) ?? 0) + 1);
		return taken.get(id)! <= limit;
	});
}

const byPair = (a: StatusChangeCount, b: StatusChangeCount) =>
	[a.key, a.from, a.to].join('|') < [b.key, b.from, b.to].join('|') ? -1 : 1;

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
] as const)('changes on %s', (name, open, queries) => {
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

	it.each(queries)(
		"counts the deck's changes, and names those its notes may name, as the plain list has them (%s)",
		async (query) => {
			const { filters, scope, periodId } = await view(db, query);
			// The deck compares with the previous period with data (pages/overview-data.ts), whatever `since` says.
			const periods = await listPeriodsWithData(db, scope, scope.period!.year);
			const previousId = periods[periods.findIndex((p) => p.id === periodId) - 1].id;
			const plain = await plainChanges(db, scope, periodId, previousId, filters);
			// The bundled reports' two quarters differ in new tasks only (overview.spec.ts compares a changed report).
			if (name === 'a generated city') expect(plain.named.length).toBeGreaterThan(20);
			// A unit's deck reads them as one list; a larger scope's counts them, then names some.
			expect(await changes.listStatusChanges(db, scope, periodId, previousId, filters)).toEqual(plain.named);
			const counts = await changes.countStatusChanges(db, scope, periodId, previousId, filters);
			expect([...counts].sort(byPair)).toEqual([...plain.counts].sort(byPair));
			const keys = [...new Set(plain.named.map((c) => c.key))];
			const pairs = pairsToName(counts, keys);
			const named = await changes.listNamedStatusChanges(
				db,
				scope,
				periodId,
				previousId,
				filters,
				pairs,
				NOTES_TOP_CHANGES
			);
			expect(named).toEqual(firstOfEach(plain.named, pairs, NOTES_TOP_CHANGES));
			// So the notes say what they said when the deck read every change by name.
			const digest = { counts, named };
			for (const lang of ['zh', 'en'] as const) {
				expect(summariseChanges(digest, lang)).toEqual(summariseChanges(plain, lang));
				for (const key of keys)
					expect(summariseChanges(changesIn(digest, key), lang)).toEqual(summariseChanges(changesIn(plain, key), lang));
			}
		}
	);

	it.runIf(name === 'a generated city').each(['quarter=4&status=behind,not_started,completed', 'quarter=4'])(
		'compares with a period that is not the tasks’ previous one by looking their status there up (%s)',
		async (query) => {
			// Q4 against Q1: every task reported in Q2 and Q3 in between, so no update carries Q1 as its previous
			// period, and the rollups, which count by the previous period, cannot answer even without a filter.
			const { filters, scope, periodId } = await view(db, query);
			const periods = await listPeriodsWithData(db, scope, scope.period!.year);
			const q1 = periods.find((p) => p.quarter === 1)!.id;
			const plain = await plainChanges(db, scope, periodId, q1, filters);
			expect(plain.named.length).toBeGreaterThan(20);
			expect(await changes.listStatusChanges(db, scope, periodId, q1, filters)).toEqual(plain.named);
			const counts = await changes.countStatusChanges(db, scope, periodId, q1, filters);
			expect([...counts].sort(byPair)).toEqual([...plain.counts].sort(byPair));
			const pairs = pairsToName(counts, []);
			expect(await changes.listNamedStatusChanges(db, scope, periodId, q1, filters, pairs, 3)).toEqual(
				firstOfEach(plain.named, pairs, 3)
			);
		}
	);

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
