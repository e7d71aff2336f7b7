// Updates (完成情况): one task's progress in one period; superseded rows stay as history.
// @ts-check
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.createTable('updates')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
		.addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id'))
		// null for a person's confirmation or correction, which has no document behind it.
		.addColumn('source_id', 'integer', (c) => c.references('sources.id').onDelete('cascade'))
		.addColumn('status_text', 'text')
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('completed', 'ahead', 'on_track', 'behind', 'not_started', 'unknown')`)
		)
		.addColumn('status_source', 'text', (c) =>
			c.notNull().check(sql`status_source in ('reported', 'inferred', 'confirmed')`)
		)
		.addColumn('evidence', 'text', (c) =>
			c
				.notNull()
				.defaultTo('[]')
				.check(sql`json_valid(evidence)`)
		)
		.addColumn('percent', 'real')
		.addColumn('actual_value', 'real')
		.addColumn('period_target', 'text')
		.addColumn('notes', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`))
		// Set when a newer report or a person replaced this update; null marks the current one.
		.addColumn('superseded_at', 'text')
		.execute();
	await sql`create unique index updates_current on updates (task_id, period_id) where superseded_at is null`.execute(
		db
	);
	// Status counts per period (by category or theme through the task) read only current rows.
	await sql`create index updates_current_period on updates (period_id, task_id, status, status_source) where superseded_at is null`.execute(
		db
	);
	await db.schema.createIndex('updates_task_period').on('updates').columns(['task_id', 'period_id']).execute();
	await db.schema.createIndex('updates_source').on('updates').column('source_id').execute();
}
