// An index on categories.name_key: the `category` filter over many organizations finds its categories by key.
// @ts-check
import { sql } from 'kysely';

/**
 * The `category` filter names a key (0017), and the same key is a category of every plan that has it: a city's
 * 5 042 categories hold 210 keys. Nothing looked categories up by key alone (categories_plan_key leads with the
 * plan), so a list or a count under a category over a whole province read every current update of the period,
 * 50 845, and dropped those of other categories: ≈ 45 ms each, the same for a category of 40 tasks as for one of
 * 1 000. By key, it reads the key's categories, their tasks (tasks_category) and each task's update of the period
 * (updates_current): 0.1–8 ms. One organization's scope still starts from its plans (scope-plan.spec.ts).
 *
 * Statistics as 0016 gives them, at the same city scale (24 categories a key).
 *
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
	await db.transaction().execute(async (trx) => {
		await sql`create index categories_name_key on categories (name_key)`.execute(trx);
		await sql`delete from sqlite_stat1 where idx = 'categories_name_key'`.execute(trx);
		await sql`insert into sqlite_stat1 (tbl, idx, stat) values ('categories', 'categories_name_key', '5042 24')`.execute(
			trx
		);
	});
	// The planner reads the statistics when it loads the schema: make this connection read them now.
	await sql`analyze sqlite_schema`.execute(db);
}
