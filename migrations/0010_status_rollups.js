// Pre-aggregated status counts per organization (and each of its ancestors) and period, kept by the write path, plus a data version for caches.
// @ts-check
import { sql } from 'kysely';

/**
 * An overview of every organization at province scale would group a million updates per
 * request. Instead each import adds its plan's change in counts to the rows of the plan's
 * organization and of every ancestor, so a roll-up reads a few dozen rows. Three dimensions:
 * status alone (dimension_key ''), by category name, by theme id. Exactness is tested against
 * the plain GROUP BY (src/lib/server/queries/rollups.spec.ts).
 *
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
	await sql`create table status_rollups (
		organization_id integer not null references organizations (id) on delete cascade,
		period_id integer not null references periods (id),
		dimension text not null check (dimension in ('status', 'category', 'theme')),
		dimension_key text not null,
		dimension_order integer not null default 0,
		status text not null,
		status_source text not null,
		task_count integer not null,
		flagged_count integer not null,
		ratio_sum real not null,
		ratio_count integer not null,
		primary key (organization_id, period_id, dimension, dimension_key, status, status_source)
	) without rowid`.execute(db);

	// Bumped by every write transaction; cached pages are keyed by it.
	await sql`create table data_version (id integer primary key check (id = 1), version integer not null)`.execute(db);
	await sql`insert into data_version (id, version) values (1, 1)`.execute(db);

	// Backfill from existing data: every current update counts for its organization and all ancestors.
	await sql`insert into status_rollups
		with recursive ancestors (organization_id, ancestor_id) as (
			select id, id from organizations
			union all
			select a.organization_id, o.parent_id from ancestors a join organizations o on o.id = a.ancestor_id where o.parent_id is not null
		),
		facts as (
			select p.organization_id, u.period_id, u.status, u.status_source, u.task_id, c.name as category, c.position,
				exists (select 1 from quality_flags f where f.update_id = u.id) as flagged,
				coalesce(u.actual_value / nullif(tg.value, 0), u.percent / 100.0) as ratio
			from updates u
			join tasks t on t.id = u.task_id
			join categories c on c.id = t.category_id
			join plans p on p.id = t.plan_id
			left join targets tg on tg.task_id = t.id and tg.position = 1
			where u.superseded_at is null
		),
		keyed as (
			select organization_id, period_id, 'status' as dimension, '' as dimension_key, 0 as dimension_order, status, status_source, flagged, ratio from facts
			union all
			select organization_id, period_id, 'category', ifnull(category, ''), position, status, status_source, flagged, ratio from facts
			union all
			select f.organization_id, f.period_id, 'theme', cast(tt.theme_id as text), 0, f.status, f.status_source, f.flagged, f.ratio
			from facts f join task_themes tt on tt.task_id = f.task_id
		)
		select a.ancestor_id, k.period_id, k.dimension, k.dimension_key, min(k.dimension_order), k.status, k.status_source,
			count(*), sum(k.flagged), ifnull(sum(k.ratio), 0), count(k.ratio)
		from keyed k join ancestors a on a.organization_id = k.organization_id
		group by a.ancestor_id, k.period_id, k.dimension, k.dimension_key, k.status, k.status_source`.execute(db);
}
