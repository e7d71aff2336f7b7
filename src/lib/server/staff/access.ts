/** Who may do which staff write, beyond the one role check of auth/guard.ts. */
import { error } from '@sveltejs/kit';
import type { DB } from '../db';
import { mayAct, requireUser } from '../auth/guard';
import { readOrganizationChain } from '../queries/import-state';
import { roleCovers, type Role, type SessionUser } from '$lib/types/auth';
import type { Actor } from '../queries/import-plan';

/** The organizations whose subtrees the account holds `role` on. */
export function grantRoots(user: SessionUser, role: Role): number[] {
	return user.grants.filter((g) => roleCovers(g.role, role)).map((g) => g.organizationId);
}

/** The signed-in account that is an editor somewhere; anonymous → login, otherwise 403. */
export function requireEditor(locals: App.Locals, url: URL): SessionUser {
	const user = requireUser(locals, url);
	if (grantRoots(user, 'editor').length === 0) error(403, 'Forbidden: no editor role');
	return user;
}

/**
 * Whether the account may write a document for this organization chain: an editor of its owner,
 * or — when the owner is new — of the deepest organization of the chain that exists.
 */
export async function mayWriteChain(db: DB, user: SessionUser, chain: string[]): Promise<boolean> {
	if (chain.length === 0) return false;
	const existing = (await readOrganizationChain(db, chain)).filter((id): id is number => id !== null);
	const deepest = existing.at(-1);
	return deepest !== undefined && mayAct(db, user, 'editor', deepest);
}

export const actorOf = (user: SessionUser): Actor => ({ name: user.name, userId: user.id });
