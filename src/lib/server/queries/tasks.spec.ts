import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { importDocument } from '../import';
import { parseFilters, type Filters } from '../../filters';
import { statusRank } from '../../domain/status';
import type { FlagKind } from '../../domain/flags';
import { TASK_SORT_KEYS, type SortDir, type TaskSortKey } from '../../table-params';
import { resolveScope } from './scope';
import type { Scope } from '../../types/scope';
import type { TaskRow } from '../../types/tasks';
import * as tasks from './tasks';
import { generateData, type GenerateSummary } from '../generate';

const manifest: Record<string, string[]> = JSON.parse(readFileSync('data/reports/manifest.json', 'utf8'));
const SEED = readFileSync('data/reports/xinjie-2024-q2.txt', 'utf8');
/** The seed a quarter earlier, with one task's text changed: history and search across periods. */
const SEED_Q1 = SEED.replace('第二季度重点任务', '第一季度重点任务')
	.replace('二季度完成情况', '一季度完成情况')
	.replace('成文日期 2024-07-08', '成文日期 2024-04-08')
	.replace('发布日期:2024-07-08', '发布日期:2024-04-08')
	.replace('开展常态化平安巡查', '一季度开展冬季防火专项检查，完成微型消防站布点。开展常态化平安巡查');

let db: DB;
let generated: GenerateSummary;

beforeAll(async () => {
	db = await openTestDatabase();
	for (const file of readdirSync('data/reports').filter((f) => f.endsWith('.txt'))) {
		await importDocument(db, readFileSync(`data/reports/${file}`), { fileName: file, organization: manifest[file] });
	}
	await importDocument(db, Buffer.from(SEED_Q1), { fileName: 'xinjie-2024-q1.txt' });
	// The synthetic data generator, through the importer's write step: 100 organizations × 2020–2024.
	generated = await generateData(db, { seed: 'tasks', organizations: 100, years: 5, tasksPerPlan: 25 });
}, 180_000);

interface View {
	filters: Filters;
	scope: Scope;
	periodId: number;
}

async function view(query: string): Promise<View> {
	const filters = parseFilters(new URLSearchParams(query));
	const scope = await resolveScope(db, filters);
	return { filters, scope, periodId: scope.period!.id };
}

const ALL = { limit: 1_000_000, offset: 0 };
const SEQ = { sort: 'seq', dir: 'asc' } as const;

async function names(query: string): Promise<string[]> {
	const v = await view(query);
	return (await tasks.listTasks(db, v.scope, v.periodId, v.filters, SEQ, ALL)).map((r) => r.name);
}

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
	const SEED_VIEW = 'org=新街街道&year=2024&quarter=2';

	it('finds 做好超前感知防治 for 消防 (two characters: LIKE)', async () => {
		expect(await names(`${SEED_VIEW}&q=消防`)).toContain('做好超前感知防治');
	});

	it('finds 坚定数字升级 for 数字化改造 (in its content: trigram index)', async () => {
		expect(await names(`${SEED_VIEW}&q=数字化改造`)).toEqual(['坚定数字升级']);
	});

	it('finds a task by its name, and by any current status text of another period', async () => {
		expect(await names(`${SEED_VIEW}&q=超前感知`)).toEqual(['做好超前感知防治']);
		// Only the Q1 text says 微型消防站; the Q2 table still lists the task.
		expect(await names(`${SEED_VIEW}&q=微型消防站`)).toEqual(['做好超前感知防治']);
	});

	it('needs every term: terms are ANDed, each anywhere in the task', async () => {
		expect(await names(`${SEED_VIEW}&q=消防 平安巡查`)).toEqual(['做好超前感知防治']);
		expect(await names(`${SEED_VIEW}&q=消防 音乐节`)).toEqual([]);
	});

	it.each([
		'"',
		'*',
		'NEAR(',
		'-',
		'""',
		'NEAR(消防, 平安)',
		'消防*',
		'-消防',
		'"消防" OR "平安"',
		'a AND',
		'^消防',
		'%',
		'_',
		'\\'
	])('takes %j as text and never errors', async (q) => {
		const v = await view(`${SEED_VIEW}&q=${encodeURIComponent(q)}`);
		const rows = await tasks.listTasks(db, v.scope, v.periodId, v.filters, SEQ, ALL);
		expect(await tasks.countTasks(db, v.scope, v.periodId, v.filters)).toBe(rows.length);
		// Searched as text: a row matches only where the typed characters occur.
		for (const row of rows) {
			const texts = [row.name, row.content ?? '', row.statusText ?? ''].join('\n');
			const terms = q.split(/\s+/).filter(Boolean);
			const all = await db
				.selectFrom('updates')
				.select('status_text')
				.where('task_id', '=', row.taskId)
				.where('superseded_at', 'is', null)
				.execute();
			const everything = texts + all.map((u) => u.status_text).join('\n');
			for (const term of terms) expect(everything.toLowerCase()).toContain(term.toLowerCase());
		}
	});

	it('treats FTS syntax as literal characters: "消防*" and "-消防" find nothing in the seed', async () => {
		expect(await names(`${SEED_VIEW}&q=${encodeURIComponent('消防*')}`)).toEqual([]);
		expect(await names(`${SEED_VIEW}&q=${encodeURIComponent('-消防')}`)).toEqual([]);
		expect(await names(`${SEED_VIEW}&q=${encodeURIComponent('"消防"')}`)).toEqual([]);
	});

	it('lists everything for an empty query', async () => {
		expect(await names(`${SEED_VIEW}&q=`)).toHaveLength(12);
		expect(await names(`${SEED_VIEW}&q=${encodeURIComponent('   ')}`)).toHaveLength(12);
	});

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

describe('previous and next within the filtered list', () => {
	it('agrees with the listed order at the start, middle and end', async () => {
		const v = await view('year=2024&quarter=4&status=behind,not_started,unknown');
		const order = { sort: 'owner', dir: 'desc' } as const;
		const rows = await tasks.listTasks(db, v.scope, v.periodId, v.filters, order, ALL);
		for (const i of [0, Math.floor(rows.length / 2), rows.length - 1]) {
			const n = await tasks.getTaskNeighbours(db, v.scope, v.periodId, v.filters, order, rows[i].taskId);
			expect(n).toEqual({
				index: i,
				total: rows.length,
				previousId: rows[i - 1]?.taskId ?? null,
				nextId: rows[i + 1]?.taskId ?? null
			});
		}
	});

	it('is null for a task the filters exclude', async () => {
		const v = await view('org=新街街道&year=2024&quarter=2&q=消防');
		const [other] = await db.selectFrom('tasks').select('id').where('name', '=', '坚定数字升级').execute();
		expect(await tasks.getTaskNeighbours(db, v.scope, v.periodId, v.filters, SEQ, other.id)).toBeNull();
	});
});

describe('one task', () => {
	const idOf = async (name: string) =>
		(await db.selectFrom('tasks').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

	it('has its plan, category, themes and targets', async () => {
		const task = (await tasks.getTask(db, await idOf('坚定数字升级')))!;
		expect(task).toMatchObject({
			organization: '新街街道',
			parentOrganization: '萧山区',
			year: 2024,
			category: '坚持引育并举,全力保稳促调,增强经济发展支撑力'
		});
		expect(task.targets.map((t) => t.text)).toContain('5个以上');
		expect(task.content).toContain(task.targets[0].text);
		expect(await tasks.getTask(db, 999_999_999)).toBeUndefined();
	});

	it('has a history of every period, oldest first, with the duplicate explained by the other task', async () => {
		const history = await tasks.getTaskHistory(db, await idOf('聚能聚力重塑关键板块'));
		expect(history.map((u) => [u.year, u.monthEnd])).toEqual([
			[2024, 3],
			[2024, 6]
		]);
		const q2 = history[1];
		expect(q2.supersededAt).toBeNull();
		const duplicate = q2.flags.find((f) => f.kind === 'duplicate_text');
		expect(duplicate).toMatchObject({ relatedTaskName: '坚定数字升级' });
		expect(q2.sourceTitle).toContain('第二季度');
	});

	it('lists its source documents with an excerpt around the task, and serves only their text', async () => {
		const id = await idOf('做好超前感知防治');
		const sources = await tasks.listTaskSources(db, id);
		expect(sources).toHaveLength(2);
		expect(sources[0]).toMatchObject({ indexNo: 'H083/2024-79731', publishedOn: '2024-07-08' });
		expect(sources[0].excerpt).toContain('做好超前感知防治');
		expect((await tasks.getTaskSourceText(db, id, sources[0].id))!.text).toContain('做好超前感知防治');
		const foreign = await db
			.selectFrom('sources')
			.select('id')
			.where('file_name', '=', 'keqiao-2023-q1.txt')
			.executeTakeFirstOrThrow();
		expect(await tasks.getTaskSourceText(db, id, foreign.id)).toBeUndefined();
	});
});

describe('the search index follows every write', () => {
	it('indexes renames, drops superseded and deleted updates, and matches the tables', async () => {
		const fresh = await openTestDatabase();
		await importDocument(fresh, Buffer.from(SEED), { fileName: 'xinjie-2024-q2.txt' });
		const filters = parseFilters(new URLSearchParams('q=独一无二的新名称'));
		const scope = await resolveScope(fresh, filters);
		const periodId = scope.period!.id;
		const count = (q: string) => tasks.countTasks(fresh, scope, periodId, { ...filters, q });

		const task = await fresh
			.selectFrom('tasks')
			.select('id')
			.where('name', '=', '坚定数字升级')
			.executeTakeFirstOrThrow();
		await fresh.updateTable('tasks').set({ name: '独一无二的新名称' }).where('id', '=', task.id).execute();
		expect(await count('独一无二的新名称')).toBe(1);
		expect(await count('坚定数字升级')).toBe(0);

		expect(await count('微型消防站')).toBe(0);
		await fresh
			.updateTable('updates')
			.set({ status_text: '完成微型消防站布点' })
			.where('task_id', '=', task.id)
			.execute();
		expect(await count('微型消防站')).toBe(1);
		await fresh
			.updateTable('updates')
			.set({ superseded_at: '2024-08-01T00:00:00Z' })
			.where('task_id', '=', task.id)
			.execute();
		expect(await count('微型消防站')).toBe(0);

		await fresh.deleteFrom('plans').execute();
		const indexed = async (table: string) =>
			Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(fresh)).rows[0].n);
		expect(await indexed('task_search')).toBe(0);
		expect(await indexed('update_search')).toBe(0);
	});

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
