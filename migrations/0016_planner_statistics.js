// Fixed statistics for SQLite's query planner (sqlite_stat1), as for a city of 200 organizations over
// five years. Without any, the planner guesses that every index narrows alike, and a page scoped to
// one organization walked every update of the period (its index comes first) and dropped the rows of
// other organizations: 3.6 ms for a 街道 of a city, 30× that of reading its plans, tasks and updates by
// key, and growing with the province. Fixed rather than measured (ANALYZE): the plans are the same
// on a new database, in the tests and at any scale, and no statistics go stale as reports arrive.
// The figures are ANALYZE's on the generated city (npm run generate), frozen here.
// @ts-check
import { sql } from 'kysely';

/** [table, index, stat]: rows, then rows per distinct value of each leading column prefix. */
const STATISTICS = [
	['organizations', 'organizations_parent', '200 17'],
	['organizations', 'organizations_parent_name', '200 17 1'],
	['periods', 'sqlite_autoindex_periods_1', '20 4 1'],
	['plans', 'plans_year', '1000 200'],
	['plans', 'sqlite_autoindex_plans_1', '1000 5 1'],
	['sources', 'sources_plan_period', '4000 4 1'],
	['sources', 'sqlite_autoindex_sources_1', '4000 1'],
	['categories', 'categories_plan_name', '5042 6 1'],
	['categories', 'sqlite_autoindex_categories_1', '5042 6 1'],
	['tasks', 'sqlite_autoindex_tasks_1', '25604 26 1'],
	['tasks', 'tasks_category', '25604 6 1'],
	['targets', 'sqlite_autoindex_targets_1', '21891 1 1'],
	['themes', 'sqlite_autoindex_themes_1', '12 1'],
	['task_themes', 'sqlite_autoindex_task_themes_1', '33644 2 1'],
	['task_themes', 'task_themes_theme', '33644 2804 1'],
	['updates', 'updates_current', '102416 4 1'],
	['updates', 'updates_current_period', '102416 5121 1 1 1'],
	['updates', 'updates_current_period_status', '102416 5121 854 1'],
	['updates', 'updates_source', '102416 26'],
	['updates', 'updates_task_period', '102416 4 1'],
	['quality_flags', 'quality_flags_update', '18679 1 1'],
	['status_rollups', 'status_rollups', '233581 1168 59 20 3 1 1']
];

/** @param {import('kysely').Kysely<any>} db */
export async function up(db) {
	// ANALYZE of one small table creates sqlite_stat1 when the database has none.
	await sql`analyze periods`.execute(db);
	for (const [table, index, stat] of STATISTICS) {
		await sql`delete from sqlite_stat1 where tbl = ${table} and idx = ${index}`.execute(db);
		await sql`insert into sqlite_stat1 (tbl, idx, stat) values (${table}, ${index}, ${stat})`.execute(db);
	}
	// The planner reads the statistics when it loads the schema: make this connection read them now.
	await sql`analyze sqlite_schema`.execute(db);
}
