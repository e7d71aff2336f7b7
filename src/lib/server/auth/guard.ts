/**
 * The one check every write route and form action makes before it writes: an account, with a role at least
 * `needed` on the organization written to or on one of its ancestors (a grant covers a subtree).
 * Anonymous → 303 to /login (back here afterwards); signed in without the role → 403.
 */
import { error, redirect } from '@sveltejs/kit';
import type { DB } from '../db';
import { ancestorIds } from '../queries/scope';
import { roleCovers, type Role, type SessionUser } from '$lib/types/auth';

/** Whether this account holds `needed` on the organization (through a grant on it or an ancestor). */
export async function mayAct(db: DB, user: SessionUser, needed: Role, organizationId: number): Promise<boolean> {
	const granted = user.grants.filter((g) => roleCovers(g.role, needed));
	if (granted.length === 0) return false;
	const chain = new Set(await ancestorIds(db, [organizationId]));
	return granted.some((g) => chain.has(g.organizationId));
}

/** The signed-in account, or a redirect to the login page that comes back to `url`. */
export function requireUser(locals: App.Locals, url: URL): SessionUser {
	if (locals.user) return locals.user;
	redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
}

/** The signed-in account holding `needed` on the organization; otherwise a redirect or a 403. */
export async function requireRole(
	db: DB,
	locals: App.Locals,
	url: URL,
	needed: Role,
	organizationId: number
): Promise<SessionUser> {
	const user = requireUser(locals, url);
	if (!(await mayAct(db, user, needed, organizationId))) error(403, 'Forbidden: no role for this organization');
	return user;
}
