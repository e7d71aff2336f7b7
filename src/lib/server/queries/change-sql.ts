/**
 * The SQL twins of src/lib/domain/changes.ts, as expressions over the current update (`updates`, of `tasks`):
 * the kind of change since an earlier period and the run of periods behind. scopedUpdates filters by them and
 * changes.ts counts by them, so a count and the `/tasks?change=…` rows behind it cannot disagree (change-rollups.ts
 * sums its rollup rows by the kind too); changes.spec.ts proves both agree with the domain task by task and with a
 * plain SQL comparison.
 */
import { sql, type RawBuilder } from 'kysely';
import { STATUSES, type Status } from '../../domain/status';
import { changeKind, type ChangeKind } from '../../domain/changes';

const lit = (s: Status | ChangeKind) => sql.lit(s);

/**
 * The task's current status in period `sinceId`, or null (not reported then, or no earlier period). Where that
 * period is the task's previous reported one, which a current update carries with its status there (migration
 * 0021's triggers), the row answers; else one lookup. The default `since` is the scope's latest earlier period,
 * the previous one of nearly every task: a whole city's panel under a filter looked up 5 000 rows and now few.
 */
export function earlierStatusSql(
	sinceId: number | null,
	row: 'updates' | 'own' = 'updates'
): RawBuilder<Status | null> {
	const since = sql.lit(Math.trunc(sinceId ?? -1));
	// `row`: the alias the update's own columns are read under (a query may join the update again to read them late).
	const [period, status] = [sql.ref(`${row}.earlier_period_id`), sql.ref(`${row}.earlier_status`)];
	return sql<Status | null>`(case when ${period} = ${since} then ${status} else (select e.status from updates e where e.task_id = tasks.id and e.period_id = ${since} and e.superseded_at is null) end)`;
}

/**
 * `changeKind(from, to)` of domain/changes.ts as SQL: a simple CASE on `from`, so the earlier status (a
 * correlated lookup) is read once per row, over a CASE on `to` — the table of every pair, spelled out from the
 * domain's rule. No earlier status (null) falls to the last ELSE: unknown.
 */
export function changeKindSql(from: RawBuilder<Status | null>, to: RawBuilder<Status>): RawBuilder<ChangeKind> {
	const byTo = (before: Status) =>
		sql`case ${to} ${sql.join(
			STATUSES.map((now) => sql`when ${lit(now)} then ${lit(changeKind(before, now))}`),
			sql` `
		)} end`;
	return sql<ChangeKind>`(case ${from} ${sql.join(
		STATUSES.map((before) => sql`when ${lit(before)} then ${byTo(before)}`),
		sql` `
	)} else ${lit('unknown')} end)`;
}

/** The kind of change of the current update since period `sinceId`. */
export function updateChangeSql(sinceId: number | null): RawBuilder<ChangeKind> {
	return changeKindSql(earlierStatusSql(sinceId), sql<Status>`updates.status`);
}

/**
 * `behindStreak` of domain/changes.ts for the current update: how many of the task's reported periods of the
 * update's year, up to the update's own, were behind or not started after its last period that was neither.
 * Kept on the row by migration 0021's triggers whenever any of the task's updates is written, so the panel's
 * list and `?streak=` read one indexed column (changes.spec.ts holds it to the domain task by task).
 */
export const BEHIND_STREAK = sql<number>`updates.behind_run`;
