// Reporting periods (报告期) shared by all plans, and imported documents kept verbatim (来源文件).
// @ts-check
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	// A period is the point in the year a report speaks of; 上半年 and 第二季度 both end in June and are
	// one period, because progress reports are cumulative from January.
	await db.schema
		.createTable('periods')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 1949 and 2200`))
		.addColumn('month_end', 'integer', (c) => c.notNull().check(sql`month_end between 1 and 12`))
		.addColumn('month_start', 'integer', (c) => c.check(sql`month_start between 1 and month_end`))
		.addColumn('quarter', 'integer', (c) => c.check(sql`quarter between 1 and 4 and quarter * 3 = month_end`))
		.addColumn('label', 'text', (c) => c.notNull())
		.addUniqueConstraint('periods_year_month_end', ['year', 'month_end'])
		.execute();

	await db.schema
		.createTable('sources')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('sha256', 'text', (c) =>
			c
				.notNull()
				.unique()
				.check(sql`length(sha256) = 64`)
		)
		.addColumn('file_name', 'text')
		.addColumn('format', 'text', (c) => c.notNull())
		.addColumn('body', 'blob', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('title', 'text')
		.addColumn('index_no', 'text')
		.addColumn('publisher', 'text')
		.addColumn('written_on', 'text')
		.addColumn('published_on', 'text')
		.addColumn('subject', 'text')
		.addColumn('url', 'text')
		.addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
		.addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id'))
		.addColumn('warnings', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('imported_at', 'text', (c) => c.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`))
		.execute();
	await db.schema.createIndex('sources_plan_period').on('sources').columns(['plan_id', 'period_id']).execute();
}
