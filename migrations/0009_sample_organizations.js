// Sample organizations: a flag on organizations that hold sample data (示例数据), so pages can label them and one command can remove them.
// @ts-check
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	// 1 for the sample organization added to an empty database at start (示例街道 and its invented parents).
	await db.schema
		.alterTable('organizations')
		.addColumn('is_sample', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(0)
				.check(sql`is_sample in (0, 1)`)
		)
		.execute();
}
