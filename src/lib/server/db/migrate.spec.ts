import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrations } from '../../../../migrations/index.js';
import { openTestDatabase } from './testing';

describe('migrations', () => {
	it('lists every migration file in order, so none is silently skipped', () => {
		const files = readdirSync('migrations')
			.filter((f) => /^\d{4}_.+\.js$/.test(f))
			.map((f) => f.replace(/\.js$/, ''))
			.sort();
		expect(Object.keys(migrations)).toEqual(files);
	});

	it('migrates an empty database with foreign keys on', async () => {
		const db = await openTestDatabase();
		const { rows } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
		expect(rows[0].foreign_keys).toBe(1);
		await expect(
			db.insertInto('plans').values({ organization_id: 999, year: 2024, title: null }).execute()
		).rejects.toThrow(/FOREIGN KEY/);
	});

	it('keeps one current update per task and period', async () => {
		const db = await openTestDatabase();
		const org = await db
			.insertInto('organizations')
			.values({ name: '测试街道', parent_id: null })
			.returning('id')
			.executeTakeFirstOrThrow();
		const plan = await db
			.insertInto('plans')
			.values({ organization_id: org.id, year: 2024, title: null })
			.returning('id')
			.executeTakeFirstOrThrow();
		const category = await db
			.insertInto('categories')
			.values({ plan_id: plan.id, name: null, name_key: '', position: 1 })
			.returning('id')
			.executeTakeFirstOrThrow();
		const task = await db
			.insertInto('tasks')
			.values({
				plan_id: plan.id,
				category_id: category.id,
				position: 1,
				seq_no: null,
				name: '任务',
				content: null,
				owner: null,
				leader: null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const period = await db
			.insertInto('periods')
			.values({ year: 2024, month_end: 6, month_start: null, quarter: 2, label: '二季度' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const update = {
			task_id: task.id,
			period_id: period.id,
			source_id: null,
			status_text: null,
			status: 'unknown' as const,
			status_source: 'inferred' as const,
			percent: null,
			actual_value: null,
			period_target: null,
			notes: null,
			superseded_at: null
		};
		await db.insertInto('updates').values(update).execute();
		await expect(db.insertInto('updates').values(update).execute()).rejects.toThrow(/UNIQUE/);
		await db
			.insertInto('updates')
			.values({ ...update, superseded_at: '2024-07-01T00:00:00Z' })
			.execute();
		await expect(
			db
				.insertInto('updates')
				.values({ ...update, status: 'late' as never })
				.execute()
		).rejects.toThrow(/CHECK/);
	});
});
