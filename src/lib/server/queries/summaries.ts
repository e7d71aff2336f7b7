/**
 * Period summaries: the counts per status a supervision notice states, kept with the source that
 * stated them (migration 0012). Written inside the import's one transaction; read back per source
 * or for a plan's period (the current source's, i.e. the latest published).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { PeriodSummary } from '../import/notice-summary';

/** Writes a draft's summary for its source; nothing for a draft without one. */
export async function writePeriodSummary(
	trx: Kysely<Database>,
	sourceId: number,
	summary: PeriodSummary | undefined
): Promise<void> {
	const rows = (summary ?? []).flatMap((scope, scopePosition) =>
		scope.counts.map((count, position) => ({
			source_id: sourceId,
			scope_position: scopePosition,
			scope: scope.name,
			scope_total: scope.total,
			position,
			status: count.status,
			phrase: count.phrase,
			count: count.count,
			named: count.named,
			line: count.line
		}))
	);
	if (rows.length > 0) await trx.insertInto('period_summaries').values(rows).execute();
}

/** The summary one source stated, in page order, in the draft's shape; [] when it stated none. */
export async function getSourceSummary(db: Kysely<Database>, sourceId: number): Promise<PeriodSummary> {
	const rows = await db
		.selectFrom('period_summaries')
		.selectAll()
		.where('source_id', '=', sourceId)
		.orderBy('scope_position')
		.orderBy('position')
		.execute();
	const summary: PeriodSummary = [];
	let current = -1;
	for (const row of rows) {
		if (row.scope_position !== current) {
			summary.push({ name: row.scope, total: row.scope_total, counts: [] });
			current = row.scope_position;
		}
		summary[summary.length - 1].counts.push({
			status: row.status,
			phrase: row.phrase,
			count: row.count,
			named: row.named,
			line: row.line ?? 0
		});
	}
	return summary;
}

/**
 * The summary for a plan's period: that of its latest published source that stated one (ties go
 * to the later import); [] when none did.
 */
export async function getPeriodSummary(db: Kysely<Database>, planId: number, periodId: number): Promise<PeriodSummary> {
	const source = await db
		.selectFrom('sources')
		.select('sources.id')
		.where('sources.plan_id', '=', planId)
		.where('sources.period_id', '=', periodId)
		.where((eb) => eb.exists(eb.selectFrom('period_summaries').select('id').whereRef('source_id', '=', 'sources.id')))
		.orderBy('sources.published_on', 'desc')
		.orderBy('sources.id', 'desc')
		.executeTakeFirst();
	return source ? getSourceSummary(db, source.id) : [];
}
