/**
 * Who is asking: accounts, their roles and what the audit trail records. Shared by the server (hooks set
 * `locals.user`, src/lib/server/auth checks it) and the browser (the layout shows the name and what it may do).
 */

/** Ordered: each role may do what the ones before it may. */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A role on one organization, covering its whole subtree. */
export interface Grant {
	role: Role;
	organizationId: number;
}

/** The account of a request with a valid session. */
export interface SessionUser {
	id: number;
	name: string;
	displayName: string | null;
	grants: Grant[];
}

export const AUDIT_KINDS = [
	'import',
	'withdraw',
	'status_confirm',
	'status_correct',
	'account_add',
	'account_change',
	'account_disable',
	'login'
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** Whether `held` includes what `needed` may do. */
export function roleCovers(held: Role, needed: Role): boolean {
	return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}
