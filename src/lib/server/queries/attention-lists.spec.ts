import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { generateData } from '../generate';
import { parseFilters } from '../../filters';
import { compareAttention, fromCompleteAttention } from '../../domain/attention';
import { FLAG_KINDS } from '../../domain/flags';
import { DEFAULT_TRAFFIC_LIGHT_RULE } from '../../domain/schedule';
import type { Scope, TaskFilters } from '../../types/scope';
import type { AttentionTask } from '../../types/overview';
import { resolveScope, scopedUpdates } from './scope';
import * as overview from './overview';
import { listFlaggedAttentionTasks, listSevereTasksByCategory } from './attention-lists';

const RULE = DEFAULT_TRAFFIC_LIGHT_RULE;
let db: DB;
/** The generated organizations: the root (the city), a district with streets under it, a street. */
let views: { query: string; scope: Scope; filters: TaskFilters; periodIds: number[] }[];

beforeAll(async () => {
	db = await openTestDatabase();
	await generateData(db, { seed: 'attention-lists', organizations: 24, years: 1, tasksPerPlan: 30 });
	const organizations = await db.selectFrom('organizations').select(['id', 'parent_id']).orderBy('id').execute();
	const parent = organizations.find((o) => o.parent_id !== null && organizations.some((c) => c.parent_id === o.id))!;
	const leaf = organizations.find((o) => !organizations.some((c) => c.parent_id === o.id))!;
	const periodIds = (await db.selectFrom('periods').select('id').execute()).map((p) => p.id);
	views = [];
	for (const query of [
		'',
		`org=${parent.id}`,
		`org=${leaf.id}`,
		'status=behind',
		'status=not_started,completed',
		'source=reported',
		'flag=target_not_reported',
		'attention=1',
		'status=completed,on_track'
	]) {
		const filters = parseFilters(new URLSearchParams(query));
		views.push({ query, filters, scope: await resolveScope(db, filters), periodIds });
	}
}, 120_000);

/** The categories of the period in scope, as the overview counts them (what the slides get). */
async function categoriesOf(scope: Scope, periodId: number, filters: TaskFilters): Promise<string[]> {
	const rows = await overview.countTasksByCategoryStatus(db, scope, periodId, filters);
	return [...new Set(rows.flatMap((r) => (r.category === null ? [] : [r.category])))];
}

const ids = (tasks: AttentionTask[]) => tasks.map((t) => t.taskId);

describe('the most severe tasks of each category, in one query', () => {
	it('lists exactly what one attention list per category lists, cut at the limit', async () => {
		let listed = 0;
		let cut = 0;
		for (const { query, scope, filters, periodIds } of views) {
			const severe = overview.narrowStatuses(filters, (s) => s === 'behind' || s === 'not_started');
			for (const periodId of periodIds) {
				const categories = await categoriesOf(scope, periodId, filters);
				for (const limit of [3, 1000]) {
					const lists = await listSevereTasksByCategory(db, scope, periodId, filters, categories, limit, RULE);
					expect([...lists.keys()]).toEqual(categories);
					for (const category of categories) {
						const expected = severe
							? (await overview.listAttentionTasks(db, scope, periodId, { ...severe, category }, limit, RULE)).tasks
							: [];
						expect(lists.get(category), `${query} period ${periodId} ${category} limit ${limit}`).toEqual(expected);
						listed += expected.length;
						if (expected.length === limit) cut++;
					}
				}
			}
		}
		// The comparison covers full lists and lists cut at the limit.
		expect(listed).toBeGreaterThan(500);
		expect(cut).toBeGreaterThan(20);
	});

	it('lists nothing for categories it was not asked about, and an empty list for an unknown one', async () => {
		const [{ scope, filters, periodIds }] = views;
		const [first] = await categoriesOf(scope, periodIds[0], filters);
		const lists = await listSevereTasksByCategory(
			db,
			scope,
			periodIds[0],
			filters,
			[first, '没有这个类别'],
			1000,
			RULE
		);
		expect(lists.get(first)!.length).toBeGreaterThan(0);
		expect(lists.get(first)!.every((t) => t.category === first)).toBe(true);
		expect(lists.get('没有这个类别')).toEqual([]);
	});
});

describe('the most severe flagged tasks, in one query', () => {
	it('lists exactly the merge of one attention list per kind of flag', async () => {
		const kindsListed = new Set<string>();
		const statuses = new Set<string>();
		for (const { query, scope, filters, periodIds } of views) {
			const kinds = filters.flag ? [filters.flag] : FLAG_KINDS;
			for (const periodId of periodIds) {
				for (const limit of [12, 1000]) {
					const lists = await Promise.all(
						kinds.map((flag) => overview.listAttentionTasks(db, scope, periodId, { ...filters, flag }, limit, RULE))
					);
					const byTask = new Map(lists.flatMap((l) => l.tasks).map((t) => [t.taskId, t]));
					const expected = [...byTask.values()].sort(compareAttention).slice(0, limit);
					const tasks = await listFlaggedAttentionTasks(db, scope, periodId, filters, kinds, limit, RULE);
					expect(ids(tasks), `${query} period ${periodId} limit ${limit}`).toEqual(ids(expected));
					expect(tasks).toEqual(expected);
					for (const t of tasks) t.flags.forEach((k) => kindsListed.add(k));
					for (const t of tasks) statuses.add(t.status);
				}
			}
		}
		// Flags of several kinds, on tasks both behind and not: both tiers of the attention order are compared.
		expect(kindsListed.size).toBeGreaterThan(1);
		expect(statuses.has('behind') || statuses.has('not_started')).toBe(true);
		expect([...statuses].some((s) => s !== 'behind' && s !== 'not_started')).toBe(true);
	});
});

describe('the same lists taken from a complete attention list (the deck of a unit)', () => {
	it('gives exactly what both queries give, cut at the limit or not', async () => {
		let compared = 0;
		let cut = 0;
		for (const { query, scope, filters, periodIds } of views) {
			const status = (filters.status ?? ['behind', 'not_started']).filter((s) => s === 'behind' || s === 'not_started');
			for (const periodId of periodIds) {
				// Complete: shorter than its limit, so it holds every task the filters select that needs attention.
				const { tasks: complete, total } = await overview.listAttentionTasks(
					db,
					scope,
					periodId,
					filters,
					10_000,
					RULE
				);
				expect(complete.length).toBe(total);
				const categories = await categoriesOf(scope, periodId, filters);
				for (const limit of [3, 12, 1000]) {
					if (status.length > 0) {
						const lists = await listSevereTasksByCategory(
							db,
							scope,
							periodId,
							{ ...filters, status },
							categories,
							limit,
							RULE
						);
						for (const category of categories) {
							const derived = fromCompleteAttention.ofCategory(complete, category, status, limit);
							expect(derived, `${query} period ${periodId} ${category} limit ${limit}`).toEqual(lists.get(category));
							compared += derived.length;
							if (derived.length === limit) cut++;
						}
					}
					for (const kinds of [filters.flag ? [filters.flag] : FLAG_KINDS, ...FLAG_KINDS.map((kind) => [kind])]) {
						const expected = await listFlaggedAttentionTasks(db, scope, periodId, filters, kinds, limit, RULE);
						const derived = fromCompleteAttention.flagged(complete, kinds, limit);
						expect(derived, `${query} period ${periodId} ${kinds.join()} limit ${limit}`).toEqual(expected);
						compared += derived.length;
						if (derived.length === limit) cut++;
					}
				}
			}
		}
		expect(compared).toBeGreaterThan(1000);
		expect(cut).toBeGreaterThan(20);
	});
});

describe('the attention list ranks only the parts its counts find', () => {
	it('lists every task the filters select that is behind, not started or flagged, whichever part is empty', async () => {
		let listed = 0;
		const emptyParts = { severe: 0, flaggedOnly: 0 };
		for (const { query, scope, filters, periodIds } of views) {
			for (const periodId of periodIds) {
				// Read from every update the filters select, without the counts or the ranking.
				const rows = await scopedUpdates(db, scope, [periodId], filters)
					.select([
						'tasks.id as taskId',
						'updates.status',
						(eb) =>
							eb
								.exists(
									eb.selectFrom('quality_flags').select('id').whereRef('quality_flags.update_id', '=', 'updates.id')
								)
								.as('flagged')
					])
					.execute();
				const severe = rows.filter((r) => r.status === 'behind' || r.status === 'not_started');
				const flaggedOnly = rows.filter((r) => !severe.includes(r) && Number(r.flagged) === 1);
				if (severe.length === 0) emptyParts.severe++;
				if (flaggedOnly.length === 0) emptyParts.flaggedOnly++;
				const { tasks, total } = await overview.listAttentionTasks(db, scope, periodId, filters, 10_000, RULE);
				const where = `${query} period ${periodId}`;
				expect(total, where).toBe(severe.length + flaggedOnly.length);
				expect(new Set(ids(tasks)), where).toEqual(new Set([...severe, ...flaggedOnly].map((r) => r.taskId)));
				expect(ids(tasks), where).toEqual(ids([...tasks].sort(compareAttention)));
				// Cut short, the list is the complete one's first rows.
				const first = await overview.listAttentionTasks(db, scope, periodId, filters, 3, RULE);
				expect(ids(first.tasks), where).toEqual(ids(tasks).slice(0, 3));
				expect(first.total, where).toBe(total);
				listed += tasks.length;
			}
		}
		expect(listed).toBeGreaterThan(500);
		// Both parts are found empty somewhere (status=completed,on_track has no severe part; status=behind no other).
		// A unit's period (tens of updates) is ranked by one query, the whole scope's (720) by one a part.
		expect(emptyParts.severe).toBeGreaterThan(0);
		expect(emptyParts.flaggedOnly).toBeGreaterThan(0);
	});
});
