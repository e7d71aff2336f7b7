/**
 * A notice's stated counts are written with its import and read back as the period's summary;
 * migration 0012 (the summary table, and the flags table rebuilt for summary_mismatch) keeps every
 * row of a database that already holds imports.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../db';
import { migrateToLatest, migrator } from '../db/migrate';
import { openTestDatabase } from '../db/testing';
import { importDocument } from '../import';
import { getPeriodSummary, getSourceSummary } from './summaries';

const XUANCHENG = readFileSync('src/lib/server/import/fixtures/real/xuancheng-city-2020-jan-nov-targets.txt');
const SEED = readFileSync('data/reports/xinjie-2024-q2.txt');

describe('period summaries', () => {
	it('writes a notice’s counts with its import and reads them back as the period’s summary', async () => {
		const db = await openTestDatabase();
		const { draft, result } = await importDocument(db, XUANCHENG, {
			fileName: 'xuancheng-city-2020-jan-nov-targets.txt',
			organization: ['宣城市']
		});
		expect(result).toMatchObject({ outcome: 'imported', taskCount: 9 });
		expect(draft.summary).toBeDefined();
		expect(await getSourceSummary(db, result.sourceId)).toEqual(draft.summary);
		expect(await getPeriodSummary(db, result.planId, result.periodId)).toEqual(draft.summary);
		const flagged = await db
			.selectFrom('quality_flags')
			.innerJoin('updates', 'updates.id', 'quality_flags.update_id')
			.innerJoin('tasks', 'tasks.id', 'updates.task_id')
			.select('tasks.name')
			.where('quality_flags.kind', '=', 'summary_mismatch')
			.orderBy('tasks.position')
			.execute();
		expect(flagged.map((f) => f.name)).toEqual(draft.flags.find((f) => f.detail.includes('11项'))!.tasks);
		await db.destroy();
	});

	it('gives a report without counts an empty summary, and importing the notice again writes nothing twice', async () => {
		const db = await openTestDatabase();
		const seed = await importDocument(db, SEED, { fileName: 'xinjie-2024-q2.txt' });
		expect(await getSourceSummary(db, seed.result.sourceId)).toEqual([]);
		expect(await getPeriodSummary(db, seed.result.planId, seed.result.periodId)).toEqual([]);
		const options = { fileName: 'xuancheng.txt', organization: ['宣城市'] };
		await importDocument(db, XUANCHENG, options);
		const again = await importDocument(db, XUANCHENG, options);
		expect(again.result.outcome).toBe('unchanged');
		const { count } = await db
			.selectFrom('period_summaries')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.executeTakeFirstOrThrow();
		expect(count).toBe(3);
		await db.destroy();
	});
});

describe('migration 0012', () => {
	/** Columns a later migration computes from the rows (0021), rather than starting empty. */
	const DERIVED = ['earlier_period_id', 'earlier_status', 'behind_run'];
	const TABLES = ['organizations', 'plans', 'periods', 'sources', 'tasks', 'updates', 'quality_flags'];

	async function rows(db: DB): Promise<Record<string, unknown[]>> {
		const out: Record<string, unknown[]> = {};
		for (const table of TABLES) out[table] = (await sql`select * from ${sql.table(table)} order by 1`.execute(db)).rows;
		return out;
	}

	it('keeps every row of a database imported before it, flags included, and then takes the new flag kind', async () => {
		const db = openDatabase(':memory:');
		const { error } = await migrator(db).migrateTo('0011_attention_index');
		expect(error).toBeUndefined();
		// Today's write path also sets the category key of 0017: the column lives only while it writes.
		// Likewise each update's earlier period, status and run, and the change counts, of 0021.
		await sql`alter table categories add column name_key text not null default ''`.execute(db);
		for (const column of DERIVED) await sql`alter table updates add column ${sql.ref(column)} integer`.execute(db);
		await sql`create table change_rollups (organization_id, period_id, dimension, dimension_key, dimension_order,
			earlier_period_id, earlier_status, status, behind_run, task_count, primary key (organization_id, period_id,
			dimension, dimension_key, earlier_period_id, earlier_status, status, behind_run))`.execute(db);
		await importDocument(db, SEED, { fileName: 'xinjie-2024-q2.txt' });
		await sql`alter table categories drop column name_key`.execute(db);
		for (const column of DERIVED) await sql`alter table updates drop column ${sql.ref(column)}`.execute(db);
		await sql`drop table change_rollups`.execute(db);
		const before = await rows(db);
		expect(before.quality_flags.length).toBeGreaterThan(0);

		await migrateToLatest(db);
		// Later migrations add columns (0020: who imported, who confirmed): they start empty, the rest is kept.
		const kept: Record<string, unknown[]> = {};
		const added: unknown[] = [];
		for (const [name, table] of Object.entries(await rows(db))) {
			kept[name] = table.map((row, i) => {
				const old = before[name][i] as Record<string, unknown>;
				const entries = Object.entries(row as Record<string, unknown>);
				added.push(...entries.filter(([key]) => !(key in old) && !DERIVED.includes(key)).map(([, value]) => value));
				return Object.fromEntries(entries.filter(([key]) => key in old));
			});
		}
		expect(added.length).toBeGreaterThan(0);
		expect(added.every((value) => value === null)).toBe(true);
		expect(kept).toEqual(before);
		const index = await sql<{
			name: string;
		}>`select name from sqlite_master where type = 'index' and tbl_name = 'quality_flags'`.execute(db);
		expect(index.rows.map((r) => r.name)).toContain('quality_flags_update');

		const update = (before.updates[0] as { id: number }).id;
		await db
			.insertInto('quality_flags')
			.values({ update_id: update, kind: 'summary_mismatch', related_task_id: null, detail: 'x' })
			.execute();
		await expect(
			sql`insert into quality_flags (update_id, kind, detail) values (${update}, 'no_such_kind', 'x')`.execute(db)
		).rejects.toThrow(/CHECK constraint/);
		await db.destroy();
	});
});
