// Categories (任务类别) and tasks (具体任务) of a plan in report order, and the targets read from task content.
// @ts-check
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.createTable('categories')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
		// null where the report has no category column; such a plan has one unnamed category.
		.addColumn('name', 'text')
		.addColumn('position', 'integer', (c) => c.notNull())
		.addUniqueConstraint('categories_plan_position', ['plan_id', 'position'])
		.execute();
	await sql`create unique index categories_plan_name on categories (plan_id, ifnull(name, ''))`.execute(db);

	// The period target (一季度目标) changes each quarter, so it lives on updates, not here.
	await db.schema
		.createTable('tasks')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
		.addColumn('category_id', 'integer', (c) => c.notNull().references('categories.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('seq_no', 'text')
		.addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
		.addColumn('content', 'text')
		.addColumn('owner', 'text')
		.addColumn('leader', 'text')
		.addUniqueConstraint('tasks_plan_position', ['plan_id', 'position'])
		.execute();
	await db.schema.createIndex('tasks_category').on('tasks').columns(['category_id', 'position']).execute();

	await db.schema
		.createTable('targets')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('value', 'real', (c) => c.notNull())
		.addColumn('unit', 'text', (c) => c.notNull())
		.addColumn('comparator', 'text', (c) => c.notNull().check(sql`comparator in ('>=', '<=', '=', '~')`))
		.addColumn('text', 'text', (c) => c.notNull())
		.addUniqueConstraint('targets_task_position', ['task_id', 'position'])
		.execute();
}
