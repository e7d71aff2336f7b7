// Organizations (单位, with an optional parent for roll-ups) and their yearly plans (年度政府工作报告).
// @ts-check
import { sql } from 'kysely';

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	await db.schema
		.createTable('organizations')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
		.addColumn('parent_id', 'integer', (c) => c.references('organizations.id').onDelete('restrict'))
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`))
		.execute();
	// Two bodies may share a name (新街街道 exists in several districts) but not under one parent.
	await sql`create unique index organizations_parent_name on organizations (ifnull(parent_id, 0), name)`.execute(db);
	await db.schema.createIndex('organizations_parent').on('organizations').column('parent_id').execute();

	await db.schema
		.createTable('plans')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
		.addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 1949 and 2200`))
		.addColumn('title', 'text')
		.addUniqueConstraint('plans_organization_year', ['organization_id', 'year'])
		.execute();
	await db.schema.createIndex('plans_year').on('plans').column('year').execute();
}
