/**
 * Migration 0017 on a database built with the migrations before it: rows written as the 0016 schema held
 * them (published category names only, themes without English names), rollups built by 0010 and 0015.
 */
import { describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type DB } from './index';
import { migrateToLatest, migrator } from './migrate';
import { readRollups } from '../queries/rollups';
import { groupUpdates } from '../queries/measures';
import { NO_TASK_FILTERS, scopedUpdates } from '../queries/scope';

async function migrateTo(db: DB, name: string) {
	const { error } = await migrator(db).migrateTo(name);
	if (error) throw error;
}

/** A city, a district and a street; two plans whose offices typed one category three ways. */
async function writeRowsOf0009(db: Kysely<any>) {
	const insert = (table: string, rows: Record<string, unknown>[]) => db.insertInto(table).values(rows).execute();
	await insert('organizations', [
		{ id: 1, name: '测试市', parent_id: null },
		{ id: 2, name: '东区', parent_id: 1 },
		{ id: 3, name: '西街道', parent_id: 1 }
	]);
	await insert('plans', [
		{ id: 1, organization_id: 2, year: 2024, title: null },
		{ id: 2, organization_id: 3, year: 2024, title: null }
	]);
	await insert('periods', [{ id: 1, year: 2024, month_end: 6, month_start: null, quarter: 2, label: '二季度' }]);
	await insert('categories', [
		{ id: 1, plan_id: 1, name: '坚持以人为本,办好民生实事', position: 1 },
		{ id: 2, plan_id: 1, name: '产业 发展', position: 2 },
		{ id: 3, plan_id: 1, name: '坚持以人为本，办好民生实事', position: 3 },
		{ id: 4, plan_id: 2, name: '坚持以人为本， 办好民生实事', position: 1 },
		{ id: 5, plan_id: 2, name: null, position: 2 }
	]);
	const tasks = [
		[1, 1, 1, '建设社区食堂', 'completed'],
		[2, 1, 2, '培育专精特新企业', 'behind'],
		[3, 1, 3, '改造老旧小区', 'on_track'],
		[4, 1, 3, '新增托育机位', 'behind'],
		[5, 2, 4, '建设口袋公园', 'not_started'],
		[6, 2, 5, '开展平安巡查', 'completed']
	] as const;
	await insert(
		'tasks',
		tasks.map(([id, plan, category, name]) => ({ id, plan_id: plan, category_id: category, position: id, name }))
	);
	await insert(
		'updates',
		tasks.map(([id, , , , status]) => ({ task_id: id, period_id: 1, status, status_source: 'reported' }))
	);
	await insert('themes', [
		{ id: 1, name: '民生', name_en: null },
		{ id: 2, name: '自拟主题', name_en: null }
	]);
	await insert('task_themes', [
		{ task_id: 1, theme_id: 1 },
		{ task_id: 3, theme_id: 1 },
		{ task_id: 2, theme_id: 2 }
	]);
}

async function databaseAt0016(): Promise<DB> {
	const db = openDatabase(':memory:');
	await migrateTo(db, '0009_sample_organizations');
	await writeRowsOf0009(db as unknown as Kysely<any>);
	await migrateTo(db, '0016_planner_statistics');
	return db;
}

const canonical = (rows: { key: string; status: string; taskCount: number; order: number }[]) =>
	rows.map((r) => `${r.key}|${r.status}|${Number(r.taskCount)}`).sort();

describe('migration 0017: category keys', () => {
	it('merges one plan’s categories that differ in commas or spaces, keeping the first as published', async () => {
		const db = await databaseAt0016();
		const version = await sql<{ version: number }>`select version from data_version`.execute(db);
		await migrateToLatest(db);
		const categories = await db
			.selectFrom('categories')
			.select(['id', 'plan_id', 'name', 'name_key'])
			.orderBy('id')
			.execute();
		expect(categories).toEqual([
			{ id: 1, plan_id: 1, name: '坚持以人为本,办好民生实事', name_key: '坚持以人为本，办好民生实事' },
			{ id: 2, plan_id: 1, name: '产业 发展', name_key: '产业发展' },
			{ id: 4, plan_id: 2, name: '坚持以人为本， 办好民生实事', name_key: '坚持以人为本，办好民生实事' },
			{ id: 5, plan_id: 2, name: null, name_key: '' }
		]);
		const moved = await db.selectFrom('tasks').select(['id', 'category_id']).where('id', 'in', [3, 4]).execute();
		expect(moved.map((t) => t.category_id)).toEqual([1, 1]);
		const after = await sql<{ version: number }>`select version from data_version`.execute(db);
		expect(after.rows[0].version).toBe(version.rows[0].version + 1);
	});

	it('rebuilds the category rollups under the keys, equal to the plain count, for every organization', async () => {
		const db = await databaseAt0016();
		await migrateToLatest(db);
		for (const organizationId of [1, 2, 3]) {
			const ids = organizationId === 1 ? [1, 2, 3] : [organizationId];
			for (const dimension of ['status', 'category', 'theme'] as const) {
				const rolled = await readRollups(db, [organizationId], [1], dimension);
				const plain = await groupUpdates(scopedUpdates(db, { organizationIds: ids }, null, NO_TASK_FILTERS), dimension);
				expect(canonical(rolled as never), `${organizationId} ${dimension}`).toEqual(canonical(plain as never));
			}
		}
		const city = await readRollups(db, [1], [1], 'category');
		const livelihood = city.filter((r) => r.key === '坚持以人为本，办好民生实事');
		expect(livelihood.reduce((n, r) => n + Number(r.taskCount), 0)).toBe(4);
		expect(new Set(city.map((r) => r.key))).toEqual(new Set(['坚持以人为本，办好民生实事', '产业发展', '']));
	});

	it('changes nothing when it fails half-way, so a restart can run it again', async () => {
		const db = await databaseAt0016();
		// An index of the name the migration creates after merging: its last steps fail.
		await sql`create index categories_plan_key on tasks (plan_id)`.execute(db);
		await expect(migrateToLatest(db)).rejects.toThrow(/0017_category_keys/);
		const columns = await sql<{ name: string }>`select name from pragma_table_info('categories')`.execute(db);
		expect(columns.rows.map((c) => c.name)).not.toContain('name_key');
		expect(await db.selectFrom('categories').select('id').execute()).toHaveLength(5);
		const themes = await sql<{ n: number }>`select count(*) as n from themes where name_en is not null`.execute(db);
		expect(themes.rows[0].n).toBe(0);
		await sql`drop index categories_plan_key`.execute(db);
		await migrateToLatest(db);
		expect(await db.selectFrom('categories').select('id').execute()).toHaveLength(4);
	});

	it('names the bundled themes in English and leaves others alone; search still finds moved tasks', async () => {
		const db = await databaseAt0016();
		await migrateToLatest(db);
		const themes = await db.selectFrom('themes').select(['name', 'name_en']).orderBy('id').execute();
		expect(themes).toEqual([
			{ name: '民生', name_en: 'Livelihood' },
			{ name: '自拟主题', name_en: null }
		]);
		const found = await sql<{
			rowid: number;
		}>`select rowid from task_search where task_search match '新增托育'`.execute(db);
		expect(found.rows.map((r) => r.rowid)).toEqual([4]);
	});
});
