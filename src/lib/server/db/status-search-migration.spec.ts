/**
 * Migration 0024 on a database written under 0023: the status-text index rebuilt from the updates already there,
 * re-keyed by task and period, finds what the plain query finds.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from './index';
import { migrateToLatest, migrator } from './migrate';
import { generateData } from '../generate';
import { resolveScope } from '../queries/scope';
import { countTasks } from '../queries/tasks';
import { parseFilters } from '../../filters';

describe('migration 0024: the status-text index keyed by task and period', () => {
	it('indexes every current update written before it, and the search finds what a plain LIKE finds', async () => {
		const db = openDatabase(':memory:');
		const { error } = await migrator(db).migrateTo('0023_period_read_indexes');
		if (error) throw error;
		await generateData(db, { seed: 'migration', organizations: 6, years: 1, tasksPerPlan: 15 });
		// One text of history: superseded, it must not be found.
		const old = await db.selectFrom('updates').selectAll().orderBy('id').limit(1).executeTakeFirstOrThrow();
		await db.updateTable('updates').set({ superseded_at: '2024-12-01T00:00:00Z' }).where('id', '=', old.id).execute();
		const { id: _id, ...columns } = old;
		await db
			.insertInto('updates')
			.values({ ...columns, status_text: '替换后的新说明', evidence: '[]' })
			.execute();
		await db.updateTable('updates').set({ status_text: '被替换的旧说明' }).where('id', '=', old.id).execute();

		await migrateToLatest(db);

		const count = async (table: string, where = sql`1`) =>
			Number(
				(await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(db)).rows[0].n
			);
		expect(await count('update_search')).toBe(await count('updates', sql`superseded_at is null`));
		const words = await sql<{ word: string }>`select distinct substr(status_text, 5, 4) as word from updates
			where length(status_text) >= 10 order by word limit 6`.execute(db);
		const found: number[] = [];
		for (const term of ['替换后的新说明', '被替换的旧说明', ...words.rows.map((r) => r.word)]) {
			const filters = parseFilters(new URLSearchParams({ q: term }));
			const scope = await resolveScope(db, filters);
			const pattern = `%${term}%`;
			const plain = await count(
				'updates',
				sql`superseded_at is null and period_id = ${scope.period!.id} and exists (select 1 from tasks t where t.id = updates.task_id
					and (t.name like ${pattern} or t.content like ${pattern} or exists (select 1 from updates u
						where u.task_id = t.id and u.superseded_at is null and u.status_text like ${pattern})))`
			);
			expect(await countTasks(db, scope, scope.period!.id, filters), term).toBe(plain);
			found.push(plain);
		}
		// The new text is found (its task has one row in the period), the replaced one is not, and so are some words.
		expect(found.slice(0, 2)).toEqual([1, 0]);
		expect(found.slice(2).some((n) => n > 0)).toBe(true);
		await db.destroy();
	});
});
