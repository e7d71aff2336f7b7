/**
 * What the tests of staff writes (confirmations, withdrawals, conflicts) share: the bundled report
 * imported, its current updates by plain SQL, and the rollups checked against a plain GROUP BY.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { DB } from '../db';
import { readRollups } from './rollups';

export const SEED = readFileSync('data/reports/xinjie-2024-q2.txt', 'utf8');
/** The seed published later for the same period, one status text changed. */
export const SEED_LATER = SEED.replace('发布日期:2024-07-08', '发布日期:2024-07-20').replace(
	'稳步推进平安村社创建',
	'平安村社创建进度滞后'
);

/** Every current update as plain SQL reads it, one line each, sorted: what a restore must give back. */
export async function currentUpdates(db: DB): Promise<string[]> {
	const { rows } = await sql<{ line: string }>`
		select task_id || '|' || period_id || '|' || status || '|' || status_source || '|' || ifnull(source_id, '-') as line
		from updates where superseded_at is null`.execute(db);
	return rows.map((r) => r.line).sort();
}

/**
 * Each organization's status rollup rows against a plain recursive GROUP BY over current updates:
 * [rollups, plain], both as sorted lines.
 */
export async function rollupsAndPlainCounts(db: DB): Promise<[string[], string[]]> {
	const organizations = await db.selectFrom('organizations').select('id').execute();
	const periods = (await db.selectFrom('periods').select('id').execute()).map((p) => p.id);
	const rolled: string[] = [];
	for (const { id } of organizations) {
		for (const r of await readRollups(db, [id], periods, 'status'))
			rolled.push(`${id}|${r.periodId}|${r.status}|${r.statusSource}|${Number(r.taskCount)}`);
	}
	const { rows } = await sql<{ line: string }>`
		with recursive tree(root, id) as (
			select id, id from organizations
			union all select tree.root, o.id from organizations o join tree on o.parent_id = tree.id)
		select tree.root || '|' || u.period_id || '|' || u.status || '|' || u.status_source || '|' || count(*) as line
		from tree join plans p on p.organization_id = tree.id join tasks t on t.plan_id = p.id
		join updates u on u.task_id = t.id and u.superseded_at is null
		group by tree.root, u.period_id, u.status, u.status_source`.execute(db);
	return [rolled.sort(), rows.map((r) => r.line).sort()];
}
