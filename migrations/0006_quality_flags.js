// Quality flags: findings about one update's text (copied, unchanged, silent on a target, empty).
// @ts-check
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.createTable('quality_flags')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('update_id', 'integer', (c) => c.notNull().references('updates.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) =>
			c.notNull().check(sql`kind in ('duplicate_text', 'same_as_previous', 'target_not_reported', 'empty_status')`)
		)
		// The other task a duplicate_text flag points at.
		.addColumn('related_task_id', 'integer', (c) => c.references('tasks.id').onDelete('set null'))
		.addColumn('detail', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('quality_flags_update').on('quality_flags').columns(['update_id', 'kind']).execute();
}
