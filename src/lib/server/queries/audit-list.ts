/** Reading the audit trail for /audit and its CSV export: newest first, filtered, in pages. */
import type { DB } from '../db';
import type { AuditKind } from '$lib/types/auth';

export interface AuditFilter {
	/** Rows filed under these organizations only (what the reader administers, or a chosen subtree). */
	organizationIds: number[];
	actor: string | null;
	kind: AuditKind | null;
	/** UTC instants, `from` inclusive and `to` exclusive. */
	from: string | null;
	to: string | null;
}

export interface AuditRow {
	id: number;
	at: string;
	actor: string;
	kind: AuditKind;
	organization: string | null;
	subject: string;
	before: string | null;
	after: string | null;
	reason: string | null;
}

function filtered(db: DB, filter: AuditFilter) {
	return db
		.selectFrom('audit_events')
		.where('audit_events.organization_id', 'in', filter.organizationIds.length > 0 ? filter.organizationIds : [-1])
		.$if(filter.actor !== null, (qb) => qb.where('audit_events.actor', '=', filter.actor!))
		.$if(filter.kind !== null, (qb) => qb.where('audit_events.kind', '=', filter.kind!))
		.$if(filter.from !== null, (qb) => qb.where('audit_events.at', '>=', filter.from!))
		.$if(filter.to !== null, (qb) => qb.where('audit_events.at', '<', filter.to!));
}

export async function countAuditEvents(db: DB, filter: AuditFilter): Promise<number> {
	const { n } = await filtered(db, filter)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(n);
}

/**
 * One page of rows, newest first. Rows are only ever appended, so the id orders them as `at` does, and
 * `beforeId` pages an export through the whole trail without OFFSET's growing cost.
 */
export async function listAuditEvents(
	db: DB,
	filter: AuditFilter,
	page: { limit: number; offset?: number; beforeId?: number }
): Promise<AuditRow[]> {
	return filtered(db, filter)
		.leftJoin('organizations', 'organizations.id', 'audit_events.organization_id')
		.select([
			'audit_events.id',
			'audit_events.at',
			'audit_events.actor',
			'audit_events.kind',
			'organizations.name as organization',
			'audit_events.subject',
			'audit_events.before',
			'audit_events.after',
			'audit_events.reason'
		])
		.$if(page.beforeId !== undefined, (qb) => qb.where('audit_events.id', '<', page.beforeId!))
		.orderBy('audit_events.id', 'desc')
		.limit(page.limit)
		.$if(page.offset !== undefined, (qb) => qb.offset(page.offset!))
		.execute();
}

/** The people named in the trail of these organizations, for the person filter's choices. */
export async function listAuditActors(db: DB, organizationIds: number[]): Promise<string[]> {
	const rows = await db
		.selectFrom('audit_events')
		.select('actor')
		.distinct()
		.where('organization_id', 'in', organizationIds.length > 0 ? organizationIds : [-1])
		.orderBy('actor')
		.limit(500)
		.execute();
	return rows.map((r) => r.actor);
}
