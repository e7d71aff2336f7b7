// Period summaries: the counts per status that a supervision notice states (达到序时进度44项), and the quality flag for counts that differ from the items named.
// @ts-check
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	// One row per stated count, per source: the source fixes plan and period, and a later notice for the same
	// period keeps its own counts beside the earlier one's, as its updates do.
	await db.schema
		.createTable('period_summaries')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('source_id', 'integer', (c) => c.notNull().references('sources.id').onDelete('cascade'))
		// Parts of one notice (省实事 / 市实事) in page order; a notice that is not divided has one part, 0.
		.addColumn('scope_position', 'integer', (c) => c.notNull())
		.addColumn('scope', 'text')
		.addColumn('scope_total', 'integer', (c) => c.check(sql`scope_total >= 0`))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('completed', 'ahead', 'on_track', 'behind', 'not_started', 'unknown')`)
		)
		.addColumn('phrase', 'text', (c) => c.notNull())
		.addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
		.addColumn('named', 'integer', (c) => c.notNull().check(sql`named >= 0`))
		.addColumn('line', 'integer')
		.addUniqueConstraint('period_summaries_position', ['source_id', 'scope_position', 'position'])
		.execute();

	// SQLite cannot change a CHECK constraint in place: the flags table is rebuilt with the new kind,
	// every row copied with its id, then the index restored.
	await db.schema
		.createTable('quality_flags_next')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('update_id', 'integer', (c) => c.notNull().references('updates.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) =>
			c
				.notNull()
				.check(
					sql`kind in ('duplicate_text', 'same_as_previous', 'target_not_reported', 'empty_status', 'summary_mismatch')`
				)
		)
		.addColumn('related_task_id', 'integer', (c) => c.references('tasks.id').onDelete('set null'))
		.addColumn('detail', 'text', (c) => c.notNull())
		.execute();
	await sql`insert into quality_flags_next (id, update_id, kind, related_task_id, detail)
		select id, update_id, kind, related_task_id, detail from quality_flags`.execute(db);
	await db.schema.dropTable('quality_flags').execute();
	await db.schema.alterTable('quality_flags_next').renameTo('quality_flags').execute();
	await db.schema.createIndex('quality_flags_update').on('quality_flags').columns(['update_id', 'kind']).execute();
}
