/** The audit trail: one append-only row per write (migrations/0018 refuses UPDATE and DELETE). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { AuditKind } from '$lib/types/auth';

export interface AuditEntry {
	/** The account's name, or the shell user for the CLI. */
	actor: string;
	actorUserId: number | null;
	kind: AuditKind;
	organizationId: number | null;
	subject: string;
	/** Stored as JSON; null when there was nothing before (or after). */
	before?: unknown;
	after?: unknown;
	reason?: string | null;
}

/** Records one write; call it inside the write's transaction so the row and the change land together. */
export async function recordAudit(db: Kysely<Database> | Transaction<Database>, entry: AuditEntry): Promise<number> {
	const row = await db
		.insertInto('audit_events')
		.values({
			actor: entry.actor,
			actor_user_id: entry.actorUserId,
			kind: entry.kind,
			organization_id: entry.organizationId,
			subject: entry.subject,
			before: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
			after: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
			reason: entry.reason ?? null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}
