import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { importDocument } from '../import';
import { generateData } from '../generate';
import { parseFilters } from '../../filters';
import { resolveScope } from './scope';
import * as tasks from './tasks';
import { ALL, SEED, SEQ, openReportsDatabase, viewsOf } from './testing';

let db: DB;
const { view, names } = viewsOf(() => db);

beforeAll(async () => {
	db = await openReportsDatabase();
});

describe('search', () => {
	const SEED_VIEW = 'org=新街街道&year=2024&quarter=2';

	it('finds 做好超前感知防治 for 消防 (two characters: the trigrams that begin with them)', async () => {
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
});

describe('the search against the plain query, on generated data', () => {
	let generated: DB;
	const { view } = viewsOf(() => generated);
	let terms: string[];

	beforeAll(async () => {
		generated = await openTestDatabase();
		await generateData(generated, { seed: 'search', organizations: 12, years: 2, tasksPerPlan: 20 });
		// Words of the generated reports: four characters from the middle of status texts, names and contents.
		const words = await sql<{ word: string }>`select word from (
			select distinct substr(text, 7, 4) as word from (
				select status_text as text from updates union all select name from tasks union all select content from tasks
			) where length(text) >= 12
		) order by word limit 8 offset 20`.execute(generated);
		// Pairs where the trigrams hold them least: ending a text, beginning one, and in the middle.
		const pairs = await sql<{ pair: string }>`select pair from (
			select distinct substr(name, -2) as pair from tasks union select distinct substr(status_text, -2) from updates
			union select distinct substr(content, 1, 2) from tasks union select distinct substr(name, 3, 2) from tasks
		) order by pair limit 10 offset 5`.execute(generated);
		terms = [
			...words.rows.map((r) => r.word),
			...pairs.rows.map((r) => r.pair),
			'数字化改造',
			'老旧小区',
			'没有这个词语',
			'养老',
			'没有'
		];
	});

	/** Every current update of the view's period whose task has the term in its name, content or any current status text. */
	async function plainly(periodId: number, organizationIds: number[] | null, term: string): Promise<number[]> {
		const pattern = `%${term}%`;
		const rows = await generated
			.selectFrom('updates')
			.innerJoin('tasks', 'tasks.id', 'updates.task_id')
			.innerJoin('plans', 'plans.id', 'tasks.plan_id')
			.select('updates.id')
			.where('updates.superseded_at', 'is', null)
			.where('updates.period_id', '=', periodId)
			.$if(organizationIds !== null, (qb) => qb.where('plans.organization_id', 'in', organizationIds!))
			.where((eb) =>
				eb.or([
					eb('tasks.name', 'like', pattern),
					eb('tasks.content', 'like', pattern),
					eb.exists(
						eb
							.selectFrom('updates as u')
							.select('u.id')
							.whereRef('u.task_id', '=', 'tasks.id')
							.where('u.superseded_at', 'is', null)
							.where('u.status_text', 'like', pattern)
					)
				])
			)
			.orderBy('updates.id')
			.execute();
		return rows.map((r) => r.id);
	}

	it.each(['', '&org=2', '&year=2023&quarter=1', '&org=2&year=2023&quarter=3'])(
		'lists and counts exactly the rows of the plain query (%s)',
		async (extra) => {
			let found = 0;
			for (const term of terms) {
				const v = await view(`q=${encodeURIComponent(term)}${extra}`);
				const rows = await tasks.listTasks(generated, v.scope, v.periodId, v.filters, SEQ, ALL);
				const expected = await plainly(v.periodId, v.scope.organizationIds, term);
				expect(
					rows.map((r) => r.updateId).sort((a, b) => a - b),
					term
				).toEqual(expected);
				expect(await tasks.countTasks(generated, v.scope, v.periodId, v.filters)).toBe(expected.length);
				found += expected.length;
			}
			expect(found).toBeGreaterThan(0);
		}
	);

	it('finds a task by a status text of another period of its year alone', async () => {
		const [only] = (
			await sql<{ taskId: number; periodId: number; text: string }>`select u.task_id as taskId, u.period_id as periodId,
				u.status_text as text from updates u join updates other on other.task_id = u.task_id and other.id <> u.id
				where u.superseded_at is null and other.superseded_at is null and length(u.status_text) >= 12 limit 1`.execute(
				generated
			)
		).rows;
		const term = '独有的进展说明';
		await generated
			.updateTable('updates')
			.set({ status_text: `${only.text}${term}` })
			.where('task_id', '=', only.taskId)
			.where('period_id', '=', only.periodId)
			.where('superseded_at', 'is', null)
			.execute();
		const other = await generated
			.selectFrom('updates')
			.innerJoin('periods', 'periods.id', 'updates.period_id')
			.select(['periods.year', 'periods.quarter'])
			.where('updates.task_id', '=', only.taskId)
			.where('updates.period_id', '<>', only.periodId)
			.where('updates.superseded_at', 'is', null)
			.executeTakeFirstOrThrow();
		const v = await view(`q=${encodeURIComponent(term)}&year=${other.year}&quarter=${other.quarter}`);
		const rows = await tasks.listTasks(generated, v.scope, v.periodId, v.filters, SEQ, ALL);
		expect(rows.map((r) => r.taskId)).toEqual([only.taskId]);
	});
});

describe('the search index follows every write', () => {
	/** A database holding the seed alone, and the count of its task table's rows for a search. */
	async function seedAlone() {
		const fresh = await openTestDatabase();
		await importDocument(fresh, Buffer.from(SEED), { fileName: 'xinjie-2024-q2.txt' });
		const filters = parseFilters(new URLSearchParams());
		const scope = await resolveScope(fresh, filters);
		const count = (q: string) => tasks.countTasks(fresh, scope, scope.period!.id, { ...filters, q });
		return { fresh, count };
	}

	it('indexes renames, drops superseded and deleted updates, and matches the tables', async () => {
		const { fresh, count } = await seedAlone();

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

	it('finds a pair that ends a text, makes up a whole name, or is typed in another case', async () => {
		const { fresh, count } = await seedAlone();
		const [first, second] = await fresh.selectFrom('tasks').select('id').orderBy('id').limit(2).execute();
		expect([await count('养老'), await count('ai'), await count('慧养')]).toEqual([0, 0, 0]);

		await fresh.updateTable('tasks').set({ name: '养老' }).where('id', '=', first.id).execute();
		await fresh.updateTable('tasks').set({ name: '发展AI智慧养老' }).where('id', '=', second.id).execute();
		expect([await count('养老'), await count('ai'), await count('Ai'), await count('慧养')]).toEqual([2, 1, 1, 1]);
		// A control character separates terms: the index's end marker is never searched for.
		expect(await count('养老\u0001')).toBe(2);
		expect(await count('\u0001\u0001')).toBe(await count(''));

		await fresh
			.updateTable('updates')
			.set({ status_text: '推进社区嵌入式养老' })
			.where('task_id', '=', first.id)
			.execute();
		await fresh.updateTable('tasks').set({ name: '另一个名称' }).where('id', '=', first.id).execute();
		expect(await count('养老')).toBe(2);
		await fresh.updateTable('updates').set({ status_text: '已完成' }).where('task_id', '=', first.id).execute();
		expect(await count('养老')).toBe(1);
	});

	it('keeps a current text found when an older report of its task and period is deleted or becomes current again', async () => {
		const { fresh, count } = await seedAlone();
		const first = await fresh
			.selectFrom('updates')
			.innerJoin('tasks', 'tasks.id', 'updates.task_id')
			.select(['updates.id', 'updates.task_id', 'updates.period_id', 'updates.status', 'updates.status_source'])
			.where('tasks.name', '=', '坚定数字升级')
			.executeTakeFirstOrThrow();
		await fresh.updateTable('updates').set({ status_text: '旧的说明文字' }).where('id', '=', first.id).execute();
		// A newer report of the same task and period: the older becomes history.
		const supersede = async (text: string) => {
			await fresh
				.updateTable('updates')
				.set({ superseded_at: '2024-08-01T00:00:00Z' })
				.where('task_id', '=', first.task_id)
				.where('superseded_at', 'is', null)
				.execute();
			const { id: _id, ...columns } = first;
			const { id } = await fresh
				.insertInto('updates')
				.values({ ...columns, status_text: text })
				.returning('id')
				.executeTakeFirstOrThrow();
			return id;
		};

		const second = await supersede('新的说明文字');
		expect([await count('旧的说明文字'), await count('新的说明文字')]).toEqual([0, 1]);
		// Withdrawn: the newer goes, the older is current again.
		await fresh.deleteFrom('updates').where('id', '=', second).execute();
		await fresh.updateTable('updates').set({ superseded_at: null }).where('id', '=', first.id).execute();
		expect([await count('旧的说明文字'), await count('新的说明文字')]).toEqual([1, 0]);

		await supersede('新的说明文字');
		await fresh.deleteFrom('updates').where('id', '=', first.id).execute();
		expect([await count('旧的说明文字'), await count('新的说明文字')]).toEqual([0, 1]);
	});
});
