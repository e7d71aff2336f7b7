// A covering index on targets for the completion ratio's lookup of a task's first target.
// @ts-check
import { sql } from 'kysely';

/**
 * The attention list ranks every behind and not-started update of its scope and period, and an update that
 * states no percent takes its ratio from its task's first target (COMPLETION_RATIO_LOOKED_UP in
 * src/lib/server/queries/measures.ts): a whole province's period is 13 000 updates, a third of them looked up.
 * The unique index on (task_id, position) finds the target's row, and SQLite then reads the row from the table
 * for its comparator and value: two B-tree searches a lookup. This index holds both, so one search answers it:
 * the province's ranking took 11.4 ms instead of 13.9 (p50 of 15, the same statement alternately).
 *
 * The planner keeps taking the unique index for an equality on both its columns (it reads one row, whatever
 * the statistics say), so the lookup names this index (`indexed by`): a database without it fails the
 * statement instead of silently reading the slow way.
 *
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
	await sql`create index targets_first_ratio on targets (task_id, position, comparator, value)`.execute(db);
}
