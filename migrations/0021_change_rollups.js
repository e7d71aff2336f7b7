// What changed since the last meeting, pre-computed: each current update's earlier status and run behind (kept by
// triggers), and change counts per organization (and each ancestor) kept by the write path, like status_rollups.
// @ts-check
import { sql } from 'kysely';

/** The domain's ATTENTION_STATUSES (src/lib/domain/measures.ts) as this migration found them. */
const ATTENTION = sql`('behind', 'not_started')`;

/**
 * Each current update's task, in the update's year, up to and including the update's period: the
 * rows a trigger reads to recompute `earlier_*` and `behind_run` of one update (a task has at most
 * one current update per period, so a dozen rows a year).
 */
const sameYear = (/** @type {string} */ alias) =>
	sql`${sql.ref(alias)}.task_id = updates.task_id and ${sql.ref(alias)}.superseded_at is null
		and ${sql.ref(`${alias}p`)}.year = (select year from periods where id = updates.period_id)`;
const monthEnd = sql`(select month_end from periods where id = updates.period_id)`;

/**
 * The SET of the recompute: the current update of the task's previous reported period of the year
 * (its period and status), and how many of its reported periods in a row up to this one were behind
 * or not started (domain/changes.ts behindStreak).
 */
const RECOMPUTE = sql`(earlier_period_id, earlier_status) = (select e.period_id, e.status from updates e
			join periods ep on ep.id = e.period_id
			where ${sameYear('e')} and ep.month_end < ${monthEnd} order by ep.month_end desc limit 1),
		behind_run = case when updates.status in ${ATTENTION} then (select count(*) from updates b
			join periods bp on bp.id = b.period_id
			where ${sameYear('b')} and b.status in ${ATTENTION} and bp.month_end <= ${monthEnd}
				and bp.month_end > ifnull((select max(gp.month_end) from updates g join periods gp on gp.id = g.period_id
					where ${sameYear('g')} and g.status not in ${ATTENTION} and gp.month_end <= ${monthEnd}), 0)) else 0 end`;

/**
 * Recomputes the current updates of one task (`row`: new or old) in the year of that row's period, from that
 * period on: an update only ever changes the earlier status and run of its own period and the later ones.
 */
export const recomputeFrom = (/** @type {'new' | 'old'} */ row) =>
	sql`update updates set ${RECOMPUTE}
		where task_id = ${sql.raw(row)}.task_id and superseded_at is null
			and period_id in (select p.id from periods p join periods w on w.id = ${sql.raw(row)}.period_id
				where p.year = w.year and p.month_end >= w.month_end);`;

/**
 * A meeting's panel compared each task of a period with its earlier status, and counted each task's run
 * behind, row by row: 400 ms on a province. Instead every current update carries its previous reported
 * period of the year, its status there and its run behind, recomputed by triggers whenever a task's update
 * is written, superseded, restored, changed or deleted (exact whatever the write path); and change_rollups
 * counts current updates per organization and ancestor × period × ('all' | category name key) × earlier
 * period (0: none) × earlier status ('': none) × status × run behind (2 % more rows than without it, and
 * the panel counts the long runs without touching a task), kept by the write path with status_rollups
 * (src/lib/server/queries/change-rollups.ts). Exactness is tested against the row-by-row queries.
 *
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
	await sql`alter table updates add column earlier_period_id integer`.execute(db);
	await sql`alter table updates add column earlier_status text`.execute(db);
	await sql`alter table updates add column behind_run integer not null default 0`.execute(db);

	// Backfill in one pass: the previous row of the task's year (lag) and the run since its last row that was
	// neither behind nor not started (rows grouped by how many such rows precede them).
	await sql`with ordered as (
			select u.id, u.task_id, p.year, p.month_end,
				lag(u.period_id) over w as earlier_period_id, lag(u.status) over w as earlier_status,
				u.status in ${ATTENTION} as behind,
				sum(u.status not in ${ATTENTION}) over (w rows unbounded preceding) as since_good
			from updates u join periods p on p.id = u.period_id
			where u.superseded_at is null
			window w as (partition by u.task_id, p.year order by p.month_end)
		),
		runs as (
			select id, earlier_period_id, earlier_status,
				case when behind then row_number() over (partition by task_id, year, since_good order by month_end)
					- (since_good > 0) else 0 end as behind_run
			from ordered
		)
		update updates set earlier_period_id = runs.earlier_period_id, earlier_status = runs.earlier_status,
			behind_run = runs.behind_run
		from runs where runs.id = updates.id`.execute(db);

	// A history row written already superseded changes nothing; a row moved to another task or period also
	// changes the ones it left.
	await sql`create trigger updates_changes_insert after insert on updates when new.superseded_at is null begin
		${recomputeFrom('new')} end`.execute(db);
	await sql`create trigger updates_changes_update after update of task_id, period_id, status, superseded_at on updates begin
		${recomputeFrom('new')} end`.execute(db);
	await sql`create trigger updates_changes_move after update of task_id, period_id on updates
		when old.task_id is not new.task_id or old.period_id is not new.period_id begin ${recomputeFrom('old')} end`.execute(
		db
	);
	await sql`create trigger updates_changes_delete after delete on updates begin ${recomputeFrom('old')} end`.execute(
		db
	);

	// The panel and ?streak= read the long runs of one period, the longest first.
	await sql`create index updates_current_behind_run on updates (period_id, behind_run desc, task_id) where superseded_at is null`.execute(
		db
	);

	// Statistics as 0016's, from ANALYZE of the generated city: without them a new database's planner takes
	// this index for any query of one period and walks the period's updates where it should start from plans.
	for (const [table, index, stat] of [
		['updates', 'updates_current_behind_run', '102416 5121 1464 1'],
		['change_rollups', 'change_rollups', '184565 923 47 24 5 5 2 1 1']
	]) {
		await sql`delete from sqlite_stat1 where tbl = ${table} and idx = ${index}`.execute(db);
		await sql`insert into sqlite_stat1 (tbl, idx, stat) values (${table}, ${index}, ${stat})`.execute(db);
	}

	await sql`create table change_rollups (
		organization_id integer not null references organizations (id) on delete cascade,
		period_id integer not null references periods (id),
		dimension text not null check (dimension in ('all', 'category')),
		dimension_key text not null,
		dimension_order integer not null default 0,
		earlier_period_id integer not null,
		earlier_status text not null,
		status text not null,
		behind_run integer not null,
		task_count integer not null,
		primary key (organization_id, period_id, dimension, dimension_key, earlier_period_id, earlier_status, status, behind_run)
	) without rowid`.execute(db);

	await sql`insert into change_rollups
		with recursive ancestors (organization_id, ancestor_id) as (
			select id, id from organizations
			union all
			select a.organization_id, o.parent_id from ancestors a join organizations o on o.id = a.ancestor_id where o.parent_id is not null
		),
		facts as (
			select p.organization_id, u.period_id, ifnull(u.earlier_period_id, 0) as earlier_period_id,
				ifnull(u.earlier_status, '') as earlier_status, u.status, u.behind_run, c.name_key, c.position
			from updates u
			join tasks t on t.id = u.task_id
			join categories c on c.id = t.category_id
			join plans p on p.id = t.plan_id
			where u.superseded_at is null
		),
		keyed as (
			select organization_id, period_id, 'all' as dimension, '' as dimension_key, 0 as dimension_order,
				earlier_period_id, earlier_status, status, behind_run from facts
			union all
			select organization_id, period_id, 'category', ifnull(name_key, ''), position, earlier_period_id, earlier_status,
				status, behind_run
			from facts
		)
		select a.ancestor_id, k.period_id, k.dimension, k.dimension_key, min(k.dimension_order), k.earlier_period_id,
			k.earlier_status, k.status, k.behind_run, count(*)
		from keyed k join ancestors a on a.organization_id = k.organization_id
		group by a.ancestor_id, k.period_id, k.dimension, k.dimension_key, k.earlier_period_id, k.earlier_status, k.status,
			k.behind_run`.execute(db);
	// The planner reads the statistics when it loads the schema: make this connection read them now.
	await sql`analyze sqlite_schema`.execute(db);
}
