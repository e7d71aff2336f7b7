import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type DB } from '../db';
import { migrateToLatest } from '../db/migrate';
import { insertRows } from './insert-rows';

/** A migrated in-memory database whose INSERT statements (text and parameters) are recorded. */
async function recorded(): Promise<{ db: DB; inserts: { sql: string; parameters: readonly unknown[] }[] }> {
	const inserts: { sql: string; parameters: readonly unknown[] }[] = [];
	const db = openDatabase(':memory:', {
		log: (event) => {
			if (event.level === 'query' && /^insert/i.test(event.query.sql)) inserts.push(event.query);
		}
	});
	await migrateToLatest(db);
	inserts.length = 0;
	return { db, inserts };
}

const themes = (rows: { name: string; name_en: string | null }[], db: DB) => db.insertInto('themes').values(rows);

describe('insertRows', () => {
	it('runs the text kysely compiled for a shape again, with each chunk’s own values', async () => {
		const { db, inserts } = await recorded();
		const rows = ['交通', '教育', '医疗', '文化', '生态'].map((name, i) => ({ name, name_en: i % 2 ? null : `t${i}` }));
		await insertRows(db, 'themes:spec', rows, 2, (chunk) => themes(chunk, db));

		expect(await db.selectFrom('themes').select(['name', 'name_en']).orderBy('id').execute()).toEqual(rows);
		// Chunks of 2, 2 and 1: each statement is what kysely itself compiles for that chunk.
		expect(inserts).toHaveLength(3);
		for (const [i, chunk] of [rows.slice(0, 2), rows.slice(2, 4), rows.slice(4)].entries()) {
			const own = themes(chunk, db).compile();
			expect(inserts[i].sql).toBe(own.sql);
			expect(inserts[i].parameters).toEqual(own.parameters);
		}
		await db.destroy();
	});

	it('keeps an ON CONFLICT clause in the text it runs again', async () => {
		const { db, inserts } = await recorded();
		const upsert = (rows: { name: string; name_en: string }[]) =>
			db
				.insertInto('themes')
				.values(rows)
				.onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ name_en: eb.ref('excluded.name_en') })));
		await insertRows(
			db,
			'themes:rename',
			[
				{ name: '交通', name_en: 'a' },
				{ name: '教育', name_en: 'b' }
			],
			1,
			upsert
		);
		await insertRows(db, 'themes:rename', [{ name: '交通', name_en: 'Transport' }], 1, upsert);

		expect(await db.selectFrom('themes').select(['name', 'name_en']).orderBy('id').execute()).toEqual([
			{ name: '交通', name_en: 'Transport' },
			{ name: '教育', name_en: 'b' }
		]);
		expect(new Set(inserts.map((i) => i.sql)).size).toBe(1);
		expect(inserts[0].sql).toMatch(/on conflict/i);
		await db.destroy();
	});

	it('leaves to kysely a chunk it would compile differently: a missing column, an undefined, an expression', async () => {
		const { db, inserts } = await recorded();
		const build = (chunk: Record<string, unknown>[]) => db.insertInto('themes').values(chunk as never);
		await insertRows(db, 'themes:odd', [{ name: '甲', name_en: 'x' }], 1, build);
		// The same column names, but kysely leaves out an undefined column and writes an expression into the text.
		await insertRows(db, 'themes:odd', [{ name: '乙', name_en: undefined }], 1, build);
		await insertRows(db, 'themes:odd', [{ name: '丙', name_en: sql`upper('y')` }], 1, build);
		await insertRows(db, 'themes:odd', [{ name: '丁' }], 1, build);

		expect(await db.selectFrom('themes').select(['name', 'name_en']).orderBy('id').execute()).toEqual([
			{ name: '甲', name_en: 'x' },
			{ name: '乙', name_en: null },
			{ name: '丙', name_en: 'Y' },
			{ name: '丁', name_en: null }
		]);
		expect(inserts[1].sql).not.toContain('name_en');
		expect(inserts[2].sql).toContain("upper('y')");
		await db.destroy();
	});

	it('never keeps a shape whose compiled parameters do not follow the rows', async () => {
		const { db, inserts } = await recorded();
		// A value written into the text as a literal: the chunk's parameters are not its row values.
		const build = (chunk: { name: string; name_en: string }[]) =>
			db.insertInto('themes').values(chunk.map((r) => ({ ...r, name_en: sql.lit(r.name_en) })));
		await insertRows(db, 'themes:literal', [{ name: '甲', name_en: 'A' }], 1, build);
		await insertRows(db, 'themes:literal', [{ name: '乙', name_en: 'B' }], 1, build);

		expect(await db.selectFrom('themes').select(['name', 'name_en']).orderBy('id').execute()).toEqual([
			{ name: '甲', name_en: 'A' },
			{ name: '乙', name_en: 'B' }
		]);
		expect(inserts.map((i) => i.sql.includes("'B'"))).toEqual([false, true]);
		await db.destroy();
	});
});
