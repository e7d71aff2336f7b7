import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DB } from '../db';
import { statusRank } from '../../domain/status';
import type { FlagKind } from '../../domain/flags';
import { TASK_SORT_KEYS, type SortDir, type TaskSortKey } from '../../table-params';
import type { TaskRow } from '../../types/tasks';
import * as tasks from './tasks';
import { generateData, type GenerateSummary } from '../generate';
import { ALL, SEQ, openReportsDatabase, viewsOf } from './testing';

let db: DB;
let generated: GenerateSummary;
const { view } = viewsOf(() => db);

beforeAll(async () => {
	db = await openReportsDatabase();
	// The synthetic data generator, through the importer's write step: 100 organizations × 2020–2024.
	generated = await generateData(db, { seed: 'tasks', organizations: 100, years: 5, tasksPerPlan: 25 });
}, 180_000);

describe('the test database', () => {
	it('holds the four real reports and at least 50 000 generated updates', async () => {
		const { n } = await db
			.selectFrom('updates')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(n)).toBeGreaterThanOrEqual(50_000);
		expect(generated.updates).toBeGreaterThanOrEqual(50_000);
		const sources = await db.selectFrom('sources').select('file_name').where('file_name', 'like', '%.txt').execute();
		expect(sources).toHaveLength(5);
	});
});

describe('search', () => {
	it('answers a 10 000-character query quickly (bounded to 1 000 by the filters)', async () => {
		for (const q of ['消'.repeat(10_000), '消防 '.repeat(3_000), 'x'.repeat(10_000)]) {
			const started = performance.now();
			const v = await view(`q=${encodeURIComponent(q)}`);
			await tasks.countTasks(db, v.scope, v.periodId, v.filters);
			await tasks.listTasks(
				db,
				v.scope,
				v.periodId,
				v.filters,
				{ sort: 'status', dir: 'desc' },
				{ limit: 50, offset: 0 }
			);
			expect(performance.now() - started).toBeLessThan(2_000);
		}
	});
});

describe('filters on the generated plans', () => {
	/** 2024 Q4 holds only generated data (the real reports are of other periods). */
	const BASE = 'year=2024&quarter=4';
	let all: TaskRow[];
	let textsByTask: Map<number, string>;
	/** Names of organizations without children, held by one organization only: filtering by one selects exactly its rows. */
	let leaves: Set<string>;

	beforeAll(async () => {
		const orgs = await db.selectFrom('organizations').select(['id', 'name', 'parent_id']).execute();
		const parents = new Set(orgs.map((o) => o.parent_id));
		const named = (name: string) => orgs.filter((o) => o.name === name).length;
		leaves = new Set(orgs.filter((o) => !parents.has(o.id) && named(o.name) === 1).map((o) => o.name));
		const v = await view(BASE);
		all = await tasks.listTasks(db, v.scope, v.periodId, v.filters, SEQ, ALL);
		const updates = await db
			.selectFrom('updates')
			.select(['task_id', 'status_text'])
			.where('superseded_at', 'is', null)
			.execute();
		textsByTask = new Map();
		for (const u of updates) textsByTask.set(u.task_id, `${textsByTask.get(u.task_id) ?? ''}\n${u.status_text ?? ''}`);
	});

	/** The value most rows have, so a filter on it selects a good share of the table. */
	function mostCommon(values: (string | null)[]): string {
		const counts = new Map<string, number>();
		for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
		return [...counts].sort((a, b) => b[1] - a[1])[0][0];
	}
	const everything = (r: TaskRow) => [r.name, r.content, textsByTask.get(r.taskId)].join('\n').toLowerCase();
	/** `length` characters of a text from `from`, skipping whitespace (which would split the term). */
	const termOf = (text: string | null, from: number, length: number) =>
		[...(text ?? '').replace(/\s+/g, '')]
			.slice(from, from + length)
			.join('')
			.toLowerCase();

	/** Filter combinations, each with the rows it must select, chosen from the generated data itself. */
	const cases: [string, () => { query: string; predicate: (r: TaskRow) => boolean }][] = [
		['one status', () => ({ query: 'status=behind', predicate: (r) => r.status === 'behind' })],
		[
			'two statuses',
			() => ({ query: 'status=ahead,on_track', predicate: (r) => r.status === 'ahead' || r.status === 'on_track' })
		],
		['status source', () => ({ query: 'source=reported', predicate: (r) => r.statusSource === 'reported' })],
		[
			'category',
			() => {
				const c = mostCommon(all.map((r) => r.category));
				return { query: `category=${encodeURIComponent(c)}`, predicate: (r) => r.category === c };
			}
		],
		[
			'theme',
			() => {
				const t = mostCommon(all.flatMap((r) => r.themes.map((th) => th.name)));
				return { query: `theme=${encodeURIComponent(t)}`, predicate: (r) => r.themes.some((th) => th.name === t) };
			}
		],
		['flag', () => ({ query: 'flag=duplicate_text', predicate: (r) => r.flags.includes('duplicate_text') })],
		[
			'the attention set (behind, not started, or flagged whatever the status)',
			() => ({
				query: 'attention=1',
				predicate: (r) => ['behind', 'not_started'].includes(r.status) || r.flags.length > 0
			})
		],
		[
			'the attention set and one status',
			() => ({
				query: 'attention=1&status=completed',
				predicate: (r) => r.status === 'completed' && r.flags.length > 0
			})
		],
		[
			'owner',
			() => {
				const o = mostCommon(all.map((r) => r.owner));
				return { query: `owner=${encodeURIComponent(o)}`, predicate: (r) => r.owner === o };
			}
		],
		[
			'organization',
			() => {
				const o = mostCommon(all.map((r) => r.organization).filter((name) => leaves.has(name)));
				return { query: `org=${encodeURIComponent(o)}`, predicate: (r) => r.organization === o };
			}
		],
		[
			'status, source and category',
			() => {
				const c = mostCommon(all.map((r) => r.category));
				return {
					query: `status=behind,not_started&source=inferred&category=${encodeURIComponent(c)}`,
					predicate: (r) =>
						['behind', 'not_started'].includes(r.status) && r.statusSource === 'inferred' && r.category === c
				};
			}
		],
		[
			'theme, flag and statuses',
			() => {
				const t = mostCommon(all.flatMap((r) => r.themes.map((th) => th.name)));
				const withTheme = all.filter((r) => r.themes.some((th) => th.name === t));
				const f = mostCommon(withTheme.flatMap((r) => r.flags)) as FlagKind;
				const statuses = [...new Set(withTheme.filter((r) => r.flags.includes(f)).map((r) => r.status))].slice(0, 2);
				return {
					query: `theme=${encodeURIComponent(t)}&flag=${f}&status=${statuses.join(',')}`,
					predicate: (r) => r.themes.some((th) => th.name === t) && r.flags.includes(f) && statuses.includes(r.status)
				};
			}
		],
		[
			'a long search term (trigram index)',
			() => {
				const term = termOf(all[7].statusText, 2, 6);
				return { query: `q=${encodeURIComponent(term)}`, predicate: (r) => everything(r).includes(term) };
			}
		],
		[
			'a two-character term with a status (LIKE)',
			() => {
				const term = termOf(all[3].name, 0, 2);
				return {
					query: `q=${encodeURIComponent(term)}&status=behind`,
					predicate: (r) => r.status === 'behind' && everything(r).includes(term)
				};
			}
		],
		[
			'two terms and an owner',
			() => {
				const o = mostCommon(all.map((r) => r.owner));
				const row = all.filter((r) => r.owner === o)[5];
				const a = termOf(row.name, 0, 2);
				const b = termOf(row.statusText, 0, 4);
				return {
					query: `q=${encodeURIComponent(`${a} ${b}`)}&owner=${encodeURIComponent(o)}`,
					predicate: (r) => r.owner === o && everything(r).includes(a) && everything(r).includes(b)
				};
			}
		]
	];

	it('lists one row per generated task in the period', async () => {
		const { n } = await db
			.selectFrom('updates')
			.innerJoin('periods', 'periods.id', 'updates.period_id')
			.where('periods.year', '=', 2024)
			.where('periods.month_end', '=', 12)
			.where('updates.superseded_at', 'is', null)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(all).toHaveLength(Number(n));
		expect(all.length).toBeGreaterThan(2_000);
	});

	it.each(cases)('%s: selects exactly the rows that match, in order, and counts them', async (_label, build) => {
		const { query, predicate } = build();
		const v = await view(`${BASE}&${query}`);
		const rows = await tasks.listTasks(db, v.scope, v.periodId, v.filters, SEQ, ALL);
		const expected = all.filter(predicate).map((r) => r.taskId);
		expect(expected.length, query).toBeGreaterThan(0);
		expect(expected.length, query).toBeLessThan(all.length);
		expect(
			rows.map((r) => r.taskId),
			query
		).toEqual(expected);
		expect(await tasks.countTasks(db, v.scope, v.periodId, v.filters), query).toBe(expected.length);
	});
});

describe('sort and paging', () => {
	const BASE = 'year=2024&quarter=4&status=behind,not_started';

	const key = (sort: TaskSortKey, r: TaskRow): string | number | null => {
		switch (sort) {
			case 'seq':
				return r.planId * 1e6 + r.position;
			case 'org':
				return r.organization;
			case 'category':
				return r.category;
			case 'task':
				return r.name;
			case 'theme':
				return r.themes.length ? [...r.themes.map((t) => t.name)].sort()[0] : null;
			case 'owner':
				return r.owner;
			case 'status':
				return statusRank(r.status);
			case 'flags':
				return r.flags.length;
		}
	};

	const sorts = TASK_SORT_KEYS.flatMap((sort) => (['asc', 'desc'] as SortDir[]).map((dir) => [sort, dir] as const));

	it.each(sorts)(
		'sort=%s dir=%s: pages join into the full order, every row once, ties broken by position',
		async (sort, dir) => {
			const v = await view(BASE);
			const order = { sort, dir };
			const total = await tasks.countTasks(db, v.scope, v.periodId, v.filters);
			const full = await tasks.listTasks(db, v.scope, v.periodId, v.filters, order, ALL);
			expect(full).toHaveLength(total);

			const size = 997;
			const paged: TaskRow[] = [];
			for (let offset = 0; offset < total; offset += size)
				paged.push(...(await tasks.listTasks(db, v.scope, v.periodId, v.filters, order, { limit: size, offset })));
			expect(paged.map((r) => r.updateId)).toEqual(full.map((r) => r.updateId));
			expect(new Set(paged.map((r) => r.taskId)).size).toBe(total);

			// Again, the same order: stable across queries.
			const again = await tasks.listTasks(db, v.scope, v.periodId, v.filters, order, ALL);
			expect(again.map((r) => r.taskId)).toEqual(full.map((r) => r.taskId));

			// The primary key never goes the wrong way (flags counts distinct kinds; empty owner/theme last);
			// within equal keys, report order.
			for (let i = 1; i < full.length; i++) {
				const a = key(sort, full[i - 1]);
				const b = key(sort, full[i]);
				// flags sorts by flag rows, category by report position: both checked elsewhere; seq is the tie-break itself.
				if (sort === 'flags' || sort === 'category' || sort === 'seq') continue;
				if (a === null) expect(b).toBeNull();
				else if (b !== null && a !== b) expect(dir === 'asc' ? a < b : a > b).toBe(true);
				else if (a === b)
					expect(full[i - 1].planId * 1e6 + full[i - 1].position).toBeLessThan(full[i].planId * 1e6 + full[i].position);
			}
		}
	);

	it('sorts by status in the dashboard order, not alphabetically', async () => {
		const v = await view('year=2024&quarter=4');
		const rows = await tasks.listTasks(db, v.scope, v.periodId, v.filters, { sort: 'status', dir: 'asc' }, ALL);
		const seen = [...new Set(rows.map((r) => r.status))];
		expect(seen).toEqual(
			['completed', 'ahead', 'on_track', 'behind', 'not_started', 'unknown'].filter((s) => seen.includes(s as never))
		);
		expect(seen.length).toBeGreaterThanOrEqual(4);
	});

	it('sorts most-flagged first by flags desc', async () => {
		const v = await view('year=2024&quarter=4');
		const rows = await tasks.listTasks(
			db,
			v.scope,
			v.periodId,
			v.filters,
			{ sort: 'flags', dir: 'desc' },
			{ limit: 200, offset: 0 }
		);
		expect(rows[0].flags.length).toBeGreaterThan(0);
	});

	it('gives an empty page past the end, and the total stays right', async () => {
		const v = await view(BASE);
		const total = await tasks.countTasks(db, v.scope, v.periodId, v.filters);
		expect(await tasks.listTasks(db, v.scope, v.periodId, v.filters, SEQ, { limit: 50, offset: total })).toEqual([]);
		const last = await tasks.listTasks(db, v.scope, v.periodId, v.filters, SEQ, {
			limit: 50,
			offset: Math.floor((total - 1) / 50) * 50
		});
		expect(last.length).toBe(total - Math.floor((total - 1) / 50) * 50);
	});
});

describe('a page and its count', () => {
	const QUERIES = [
		'year=2024&quarter=4',
		'year=2024&quarter=4&q=%E6%95%B0%E5%AD%97%E5%8C%96%E6%94%B9%E9%80%A0',
		'year=2024&quarter=4&q=%E9%A1%B9%E7%9B%AE&status=behind,not_started',
		'year=2024&quarter=4&q=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA%E8%AF%8D'
	];
	const ORDERS = [SEQ, { sort: 'status', dir: 'desc' } as const];
	const cases = QUERIES.flatMap((query) => ORDERS.map((order) => [query, order.sort, order] as const));

	it.each(cases)(
		'%s sort=%s: counts the rows the list has and shows the page asked for, or the last',
		async (query, _sort, order) => {
			const v = await view(query);
			const all = (await tasks.listTasks(db, v.scope, v.periodId, v.filters, order, ALL)).map((r) => r.taskId);
			const size = 50;
			const last = Math.max(1, Math.ceil(all.length / size));
			for (const page of new Set([1, 2, last, last + 3])) {
				const got = await tasks.listTaskPage(db, v.scope, v.periodId, v.filters, order, { page, size });
				const shown = Math.min(page, last);
				expect(got.total, `${query} page ${page}`).toBe(all.length);
				expect(got.window).toEqual({
					page: shown,
					pageCount: last,
					offset: (shown - 1) * size,
					clamped: shown !== page
				});
				expect(got.rows.map((r) => r.taskId)).toEqual(all.slice((shown - 1) * size, shown * size));
			}
		}
	);
});

describe('the search index follows every write', () => {
	it('indexes exactly the current updates of the big database', async () => {
		const { n } = await db
			.selectFrom('updates')
			.where('superseded_at', 'is', null)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		const indexed = await sql<{ n: number }>`select count(*) as n from update_search`.execute(db);
		expect(Number(indexed.rows[0].n)).toBe(Number(n));
	});
});

describe('a row’s themes', () => {
	it('are the task’s themes with both names, in SQLite’s order of the name, for every row of a period', async () => {
		const v = await view('year=2024&quarter=4');
		const rows = await tasks.listTasks(db, v.scope, v.periodId, v.filters, { sort: 'status', dir: 'asc' }, ALL);
		const expected = await db
			.selectFrom('task_themes')
			.innerJoin('themes', 'themes.id', 'task_themes.theme_id')
			.select(['task_themes.task_id as taskId', 'themes.name', 'themes.name_en as nameEn'])
			.where('task_themes.task_id', 'in', (eb) =>
				eb.selectFrom('updates').select('task_id').where('period_id', '=', v.periodId)
			)
			.orderBy('task_themes.task_id')
			.orderBy('themes.name')
			.execute();
		const byTask = new Map<number, { name: string; nameEn: string | null }[]>();
		for (const { taskId, ...theme } of expected) byTask.set(taskId, [...(byTask.get(taskId) ?? []), theme]);
		expect(rows.length).toBeGreaterThan(1000);
		// Some tasks have several themes: their order is tested, not only their set.
		expect(rows.filter((r) => r.themes.length > 1).length).toBeGreaterThan(10);
		for (const row of rows) expect(row.themes, `task ${row.taskId}`).toEqual(byTask.get(row.taskId) ?? []);
	});
});
