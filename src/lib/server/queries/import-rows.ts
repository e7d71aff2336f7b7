/**
 * Writes a WritePlan (import-plan.ts), one function per table, parents before children. Rows
 * go in multi-row INSERTs; nothing here decides anything.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { PeriodUpdates, WritePlan } from './import-plan';
import { insertRows } from './insert-rows';

type Trx = Kysely<Database>;

/** Rows per multi-row INSERT: well under SQLite's limit of 32 766 bound values at 17 columns. */
const CHUNK = 500;

function chunks<T>(rows: T[], size = CHUNK): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
	return out;
}

export async function writePlan(trx: Trx, plan: WritePlan): Promise<void> {
	await writeOrganizations(trx, plan);
	await writePlanRow(trx, plan);
	await writePeriods(trx, plan);
	await trx.insertInto('sources').values(plan.source).execute();
	await writeCategories(trx, plan);
	await writeTasks(trx, plan);
	await writeThemes(trx, plan);
	await writeTargets(trx, plan);
	await writeTaskThemes(trx, plan);
	for (const period of plan.updates) await writeUpdates(trx, period);
	await writeFlags(trx, plan);
}

async function writeOrganizations(trx: Trx, { organizations }: WritePlan) {
	// One by one: each may be the parent of the next.
	for (const row of organizations) await trx.insertInto('organizations').values(row).execute();
}

async function writePlanRow(trx: Trx, { plan, planId, planTitle }: WritePlan) {
	if (plan) await trx.insertInto('plans').values(plan).execute();
	if (planTitle) await trx.updateTable('plans').set({ title: planTitle }).where('id', '=', planId).execute();
}

async function writePeriods(trx: Trx, { periods }: WritePlan) {
	if (periods.length > 0) await trx.insertInto('periods').values(periods).execute();
}

async function writeCategories(trx: Trx, { categories }: WritePlan) {
	await insertRows(trx, 'categories', categories, CHUNK, (rows) => trx.insertInto('categories').values(rows));
}

async function writeTasks(trx: Trx, { tasks, changedTasks }: WritePlan) {
	for (const { id, category_id, seq_no, name, content, owner, leader } of changedTasks) {
		await trx
			.updateTable('tasks')
			.set({ category_id, seq_no, name, content, owner, leader })
			.where('id', '=', id)
			.execute();
	}
	await insertRows(trx, 'tasks', tasks, CHUNK, (rows) => trx.insertInto('tasks').values(rows));
}

async function writeThemes(trx: Trx, { themes }: WritePlan) {
	await insertRows(trx, 'themes', themes, CHUNK, (rows) => trx.insertInto('themes').values(rows));
}

async function writeTargets(trx: Trx, { targets }: WritePlan) {
	for (const ids of chunks(targets.replace)) await trx.deleteFrom('targets').where('task_id', 'in', ids).execute();
	await insertRows(trx, 'targets', targets.rows, CHUNK, (rows) => trx.insertInto('targets').values(rows));
}

async function writeTaskThemes(trx: Trx, { taskThemes }: WritePlan) {
	for (const ids of chunks(taskThemes.replace)) {
		await trx.deleteFrom('task_themes').where('task_id', 'in', ids).where('assigned_by', '=', 'rule').execute();
	}
	await insertRows(trx, 'task_themes:keep', taskThemes.rows, CHUNK, (rows) =>
		trx
			.insertInto('task_themes')
			.values(rows)
			// A theme a person assigned stays theirs.
			.onConflict((oc) => oc.columns(['task_id', 'theme_id']).doNothing())
	);
}

/** Supersede-and-insert, the one way a period's updates are written: the replaced rows become history first. */
async function writeUpdates(trx: Trx, { supersede, supersededAt, rows }: PeriodUpdates) {
	for (const ids of chunks(supersede)) {
		await trx.updateTable('updates').set({ superseded_at: supersededAt }).where('id', 'in', ids).execute();
	}
	await insertRows(trx, 'updates', rows, CHUNK, (chunk) => trx.insertInto('updates').values(chunk));
}

async function writeFlags(trx: Trx, { flags }: WritePlan) {
	await insertRows(trx, 'quality_flags', flags, CHUNK, (rows) => trx.insertInto('quality_flags').values(rows));
}
