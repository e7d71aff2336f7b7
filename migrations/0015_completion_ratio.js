// Recomputes the rollups' completion ratios under the one definition: a stated percent first, else actual ÷ a target that is not a ceiling.
// @ts-check
import { sql } from 'kysely';

/**
 * Until now the ratio summed into status_rollups (ratio_sum, ratio_count) was actual ÷ first target before
 * the stated percent, ceilings (lower is better, comparator '<=') included, while the task page read the
 * percent first and left ceilings out. src/lib/domain/measures.ts now defines it once, as the task page did;
 * this rebuilds every rollup row with that ratio (the counts are rebuilt as 0010 built them, unchanged).
 * Frozen here as SQL: later changes to the app's expression need a migration of their own.
 *
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
	await sql`delete from status_rollups`.execute(db);
	await sql`insert into status_rollups
		with recursive ancestors (organization_id, ancestor_id) as (
			select id, id from organizations
			union all
			select a.organization_id, o.parent_id from ancestors a join organizations o on o.id = a.ancestor_id where o.parent_id is not null
		),
		facts as (
			select p.organization_id, u.period_id, u.status, u.status_source, u.task_id, c.name as category, c.position,
				exists (select 1 from quality_flags f where f.update_id = u.id) as flagged,
				coalesce(u.percent / 100.0, case when tg.comparator <> '<=' then u.actual_value / nullif(tg.value, 0) end) as ratio
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
	// Pages cached under the old figures must not be served again.
	await sql`update data_version set version = version + 1 where id = 1`.execute(db);
}
