/** Sessions and the account behind one: the SQL of src/lib/server/auth/session.ts. */
import type { DB } from '../db';
import type { Role, SessionUser } from '$lib/types/auth';

export async function insertSession(db: DB, tokenHash: string, userId: number, expiresAt: string): Promise<void> {
	await db.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt }).execute();
}

export async function deleteSession(db: DB, tokenHash: string): Promise<void> {
	await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** The enabled account of an unexpired session, with its grants; null for anything else. */
export async function sessionUser(db: DB, tokenHash: string, now: string): Promise<SessionUser | null> {
	const user = await db
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.user_id')
		.select(['users.id', 'users.name', 'users.display_name'])
		.where('sessions.token_hash', '=', tokenHash)
		.where('sessions.expires_at', '>', now)
		.where('users.disabled_at', 'is', null)
		.executeTakeFirst();
	if (!user) return null;
	const grants = await db
		.selectFrom('user_grants')
		.select(['role', 'organization_id'])
		.where('user_id', '=', user.id)
		.orderBy('id')
		.execute();
	return {
		id: user.id,
		name: user.name,
		displayName: user.display_name,
		grants: grants.map((g) => ({ role: g.role as Role, organizationId: g.organization_id }))
	};
}
