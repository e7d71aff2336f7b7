// Themes (主题): cross-cutting topics shared by all plans, assigned to tasks by keyword rules or by a person.
// @ts-check
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.createTable('themes')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('name', 'text', (c) => c.notNull().unique())
		.addColumn('name_en', 'text')
		.execute();

	await db.schema
		.createTable('task_themes')
		.addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
		.addColumn('theme_id', 'integer', (c) => c.notNull().references('themes.id').onDelete('cascade'))
		.addColumn('assigned_by', 'text', (c) =>
			c
				.notNull()
				.defaultTo('rule')
				.check(sql`assigned_by in ('rule', 'person')`)
		)
		.addPrimaryKeyConstraint('task_themes_pk', ['task_id', 'theme_id'])
		.execute();
	await db.schema.createIndex('task_themes_theme').on('task_themes').columns(['theme_id', 'task_id']).execute();
}
