import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { openDatabase, type DB } from '../db';
import { migrateToLatest } from '../db/migrate';
import { generateData } from '../generate';
import { loadOverviewPage } from './overview';
import { loadTaskPage } from './tasks';
import { loadTaskDetailPage } from './task-detail';
import { loadPresentationPage } from './present';

/**
 * The hot pages' statements must reach updates through an index, never by reading the whole
 * table: at a million updates a full scan is the difference between milliseconds and seconds.
 */
async function statementsOf(load: (db: DB, url: URL, locals: App.Locals) => Promise<unknown>, url: string) {
	const sqlite = new Database(':memory:');
	const statements: { sql: string; params: readonly unknown[] }[] = [];
	let capturing = false;
	const db = openDatabase(':memory:', {
		handle: sqlite,
		log: (e) => capturing && e.level === 'query' && statements.push({ sql: e.query.sql, params: e.query.parameters })
	});
	sqlite.pragma('foreign_keys = ON');
	await migrateToLatest(db);
	await generateData(db, { seed: 'plans', organizations: 12, years: 1, tasksPerPlan: 20 });
	const category = sqlite.prepare('select name from categories limit 1').pluck().get() as string;
	const task = sqlite.prepare('select task_id from updates order by id limit 1 offset 120').pluck().get() as number;
	capturing = true;
	const target = url.replace('CATEGORY', encodeURIComponent(category)).replace('TASK', String(task));
	await load(db, new URL(target, 'http://test.local'), { lang: 'zh' });
	capturing = false;
	return statements.map((s) => ({
		sql: s.sql,
		plan: (sqlite.prepare(`explain query plan ${s.sql}`).all(...(s.params as unknown[])) as { detail: string }[]).map(
			(r) => r.detail
		)
	}));
}

const FULL_SCAN = /^SCAN (updates|u)\b/;

describe('query plans of the hot pages', () => {
	it('recognises a full scan of updates when there is one', async () => {
		const db = openDatabase(':memory:');
		await migrateToLatest(db);
		const plan = (
			await sql<{ detail: string }>`explain query plan select id from updates where notes = ${'x'}`.execute(db)
		).rows.map((r) => r.detail);
		expect(plan.some((step) => FULL_SCAN.test(step))).toBe(true);
	});

	it.each([
		['/', loadOverviewPage],
		['/?status=behind', loadOverviewPage],
		['/?category=CATEGORY&status=behind,not_started', loadOverviewPage],
		['/tasks?category=CATEGORY&status=behind', loadTaskPage],
		['/tasks?status=on_track&source=inferred&sort=status', loadTaskPage],
		['/tasks?flag=duplicate_text', loadTaskPage],
		['/tasks?attention=1&sort=status', loadTaskPage],
		['/tasks?q=%E6%95%B0%E5%AD%97%E5%8C%96%E6%94%B9%E9%80%A0', loadTaskPage],
		// The deck's own lists: each category's worst tasks, each kind of flag's.
		['/present', loadPresentationPage],
		['/present?status=behind', loadPresentationPage]
	] as const)('%s reads updates only through indexes', async (url, load) => {
		const statements = await statementsOf(load, url);
		const touching = statements.filter((s) => /\bupdates\b/.test(s.sql));
		expect(touching.length).toBeGreaterThan(0);
		for (const { sql, plan } of touching) {
			const fullScans = plan.filter((step) => FULL_SCAN.test(step));
			expect(fullScans, `${sql}\n${plan.join('\n')}`).toEqual([]);
		}
	});

	it.each([
		['/tasks', loadTaskPage],
		['/tasks?dir=desc', loadTaskPage],
		['/tasks/TASK', loadTaskDetailPage]
	] as const)('%s reads the period in report order off the indexes, never sorting it', async (url, load) => {
		const statements = await statementsOf(load, url);
		const ordered = statements.filter((s) => /"updates"."period_id" in/.test(s.sql) && /order by/i.test(s.sql));
		expect(ordered.length).toBeGreaterThan(0);
		for (const { sql, plan } of ordered) expect(plan, sql).not.toContain('USE TEMP B-TREE FOR ORDER BY');
	});

	it('/ ranks the attention list reading each first target off one index (migration 0028)', async () => {
		const statements = await statementsOf(loadOverviewPage, '/');
		const ranking = statements.filter((s) => /from targets indexed by/.test(s.sql));
		expect(ranking.length).toBeGreaterThan(0);
		for (const { sql, plan } of ranking) {
			expect(plan, sql).toContain('SEARCH targets USING COVERING INDEX targets_first_ratio (task_id=? AND position=?)');
			expect(plan.filter((step) => /sqlite_autoindex_targets/.test(step))).toEqual([]);
		}
	});

	it('/tasks/TASK looks the current updates of the walk’s tasks up in updates_current (migration 0026)', async () => {
		const statements = await statementsOf(loadTaskDetailPage, '/tasks/TASK');
		const current = statements.filter((s) => /"updates"."superseded_at" is null/.test(s.sql));
		const steps = current.flatMap((s) => s.plan);
		// The place of the task in the whole list: its period's tasks walked by plan, each asked for its update.
		expect(steps).toContain('SEARCH updates USING INDEX updates_current (task_id=? AND period_id=?)');
		// updates_task_period holds superseded updates too, each row read from the table to drop them.
		expect(steps.filter((step) => /updates_task_period/.test(step))).toEqual([]);
	});

	it('/tasks?category=CATEGORY over every organization finds the category’s tasks by its key (migration 0027)', async () => {
		const statements = await statementsOf(loadTaskPage, '/tasks?category=CATEGORY&sort=task');
		const ids = statements.find(
			(s) => /^select "updates"."id" from/.test(s.sql) && /"categories"."name_key" = \?/.test(s.sql)
		);
		const plan = ids?.plan.join('\n');
		// Not every current update of the period read and those of other categories dropped: ≈ 45 ms on a province.
		expect(plan).toMatch(/SEARCH categories USING COVERING INDEX categories_name_key \(name_key=\?\)/);
		expect(plan).toMatch(/SEARCH tasks USING INDEX tasks_category \(category_id=\?\)/);
		expect(plan).not.toMatch(/SEARCH updates USING (COVERING )?INDEX updates_current_period\w* \(period_id=\?/);
	});

	it('/ ranks the whole scope’s attention list off one covering index, and finds the period’s reports by period', async () => {
		const statements = await statementsOf(loadOverviewPage, '/');
		const ranking = statements.find((s) => /as "ranked"/.test(s.sql) && /"updates"."status" in/.test(s.sql));
		// Reading each ranked update's row, or its task, was most of the ranking's time on a province (migration 0023).
		expect(ranking?.plan.join('\n')).toMatch(/SEARCH updates USING COVERING INDEX updates_current_period_status/);
		expect(ranking?.plan.join('\n')).not.toMatch(/\btasks\b/);
		const dataAsOf = statements.find((s) => /max\("sources"."published_on"\)/.test(s.sql));
		expect(dataAsOf?.plan.join('\n')).toMatch(/SEARCH sources USING COVERING INDEX sources_period \(period_id=\?\)/);
	});
});
