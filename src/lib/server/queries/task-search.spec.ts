import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { importDocument } from '../import';
import { parseFilters } from '../../filters';
import { NO_TASK_FILTERS, resolveScope, scopedUpdates } from './scope';
import { whereSearch } from './task-search';
import * as tasks from './tasks';
import { ALL, SEED, SEQ, openReportsDatabase, viewsOf } from './testing';

let db: DB;
const { view, names } = viewsOf(() => db);

beforeAll(async () => {
	db = await openReportsDatabase();
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
});

describe('the two ways of matching', () => {
	it.each(['数字化改造', '微型消防站', '超前感知 平安巡查', '一季度开展冬季', '没有这个词语'])(
		'%s: listing the matching tasks once and asking each task select the same tasks',
		async (q) => {
			const tasksMatching = async (narrowed: boolean) =>
				(
					await whereSearch(scopedUpdates(db, { organizationIds: null }, null, NO_TASK_FILTERS), q, narrowed)
						.select('tasks.id')
						.distinct()
						.orderBy('tasks.id')
						.execute()
				).map((r) => r.id);
			const listed = await tasksMatching(false);
			expect(await tasksMatching(true)).toEqual(listed);
			if (q !== '没有这个词语') expect(listed.length).toBeGreaterThan(0);
		}
	);
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
});
