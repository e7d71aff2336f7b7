/** Accounts, their grants, their sessions and login attempts: the SQL of src/lib/server/auth (login, accounts). */
import type { Kysely } from 'kysely';
import type { DB } from '../db';
import type { Database } from '../db/schema';
import type { Grant, Role } from '$lib/types/auth';

type Executor = DB | Kysely<Database>;

/** An account as the admin page and the CLI show it. */
export interface AccountRow {
	id: number;
	name: string;
	displayName: string | null;
	disabledAt: string | null;
	createdAt: string;
	grants: (Grant & { organizationName: string })[];
}

/** What a login checks: the stored hash and whether the account is enabled. */
export async function findLoginAccount(db: DB, name: string) {
	return db
		.selectFrom('users')
		.select(['id', 'name', 'password_hash as passwordHash', 'disabled_at as disabledAt'])
		.where('name', '=', name)
		.where('provider', '=', 'local')
		.executeTakeFirst();
}

/** How long attempts are kept: the limit looks back 15 minutes, the rest is for reading after an incident. */
const KEEP_ATTEMPTS_DAYS = 30;

/**
 * Records an attempt and forgets old ones a few at a time: the oldest rows (by id, which is time order)
 * past the keeping period, at most 100 per attempt, so the table stays bounded without a scan.
 */
export async function recordLoginAttempt(
	db: DB,
	attempt: { name: string; address: string; succeeded: boolean; at: string }
): Promise<void> {
	await db
		.insertInto('login_attempts')
		.values({ name: attempt.name, address: attempt.address, succeeded: attempt.succeeded ? 1 : 0, at: attempt.at })
		.execute();
	const cutoff = new Date(Date.parse(attempt.at) - KEEP_ATTEMPTS_DAYS * 86_400_000).toISOString();
	await db
		.deleteFrom('login_attempts')
		.where('id', 'in', (eb) => eb.selectFrom('login_attempts').select('id').orderBy('id').limit(100))
		.where('at', '<', cutoff)
		.execute();
}

/**
 * When the failed attempts since `since` happened, newest first: by account name (counted only after its
 * last success, so a person who finally types it right starts afresh) or by address.
 */
export async function listRecentFailures(
	db: DB,
	by: 'name' | 'address',
	value: string,
	since: string
): Promise<string[]> {
	const rows = await db
		.selectFrom('login_attempts')
		.select('at')
		.where(by, '=', value)
		.where('at', '>', since)
		.where('succeeded', '=', 0)
		.$if(by === 'name', (qb) =>
			qb.where(({ eb, selectFrom }) =>
				eb(
					'at',
					'>',
					selectFrom('login_attempts as ok')
						.select(({ fn }) => fn.coalesce(fn.max('ok.at'), eb.val('')).as('last'))
						.where('ok.name', '=', value)
						.where('ok.succeeded', '=', 1)
				)
			)
		)
		.orderBy('at', 'desc')
		.limit(100)
		.execute();
	return rows.map((r) => r.at);
}

export async function deleteSessionsOfUser(db: Executor, userId: number): Promise<number> {
	const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
	return Number(result.numDeletedRows);
}

/** Accounts with their grants, by name; `ids` limits the list (null: every account). */
export async function listAccounts(db: Executor, ids: number[] | null = null): Promise<AccountRow[]> {
	if (ids !== null && ids.length === 0) return [];
	const users = await db
		.selectFrom('users')
		.select(['id', 'name', 'display_name as displayName', 'disabled_at as disabledAt', 'created_at as createdAt'])
		.$if(ids !== null, (qb) => qb.where('id', 'in', ids!))
		.orderBy('name')
		.execute();
	const grants = await db
		.selectFrom('user_grants')
		.innerJoin('organizations', 'organizations.id', 'user_grants.organization_id')
		.select([
			'user_grants.user_id as userId',
			'user_grants.role',
			'user_grants.organization_id as organizationId',
			'organizations.name as organizationName'
		])
		.$if(ids !== null, (qb) => qb.where('user_grants.user_id', 'in', ids!))
		.orderBy('user_grants.id')
		.execute();
	return users.map((u) => ({
		...u,
		grants: grants
			.filter((g) => g.userId === u.id)
			.map((g) => ({ role: g.role, organizationId: g.organizationId, organizationName: g.organizationName }))
	}));
}

export async function getAccount(db: Executor, id: number): Promise<AccountRow | undefined> {
	return (await listAccounts(db, [id]))[0];
}

export async function getAccountByName(db: Executor, name: string): Promise<AccountRow | undefined> {
	const row = await db.selectFrom('users').select('id').where('name', '=', name).executeTakeFirst();
	return row && getAccount(db, row.id);
}

/** Ids of accounts holding any grant on one of these organizations. */
export async function listAccountIdsWithGrantsIn(db: Executor, organizationIds: number[]): Promise<number[]> {
	if (organizationIds.length === 0) return [];
	const rows = await db
		.selectFrom('user_grants')
		.select('user_id')
		.distinct()
		.where('organization_id', 'in', organizationIds)
		.execute();
	return rows.map((r) => r.user_id);
}

export async function insertAccount(
	db: Executor,
	account: { name: string; displayName: string | null; passwordHash: string }
): Promise<number> {
	const row = await db
		.insertInto('users')
		.values({ name: account.name, display_name: account.displayName, password_hash: account.passwordHash })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** Makes one grant the account's only one (a re-scope replaces, it does not add). */
export async function replaceGrants(db: Executor, userId: number, role: Role, organizationId: number): Promise<void> {
	await db.deleteFrom('user_grants').where('user_id', '=', userId).execute();
	await db.insertInto('user_grants').values({ user_id: userId, role, organization_id: organizationId }).execute();
}

export async function setDisabled(db: Executor, userId: number, disabledAt: string | null): Promise<void> {
	await db.updateTable('users').set({ disabled_at: disabledAt }).where('id', '=', userId).execute();
}

export async function setPasswordHash(db: Executor, userId: number, passwordHash: string): Promise<void> {
	await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

/** Organizations by exact name, each with its path from the top (for a CLI that takes a name). */
export async function findOrganizationsByName(db: Executor, name: string) {
	const rows = await db
		.withRecursive('chain(start_id, id, parent_id, name, depth)', (qb) =>
			qb
				.selectFrom('organizations')
				.select(['id as start_id', 'id', 'parent_id', 'name', (eb) => eb.val(0).as('depth')])
				.where('name', '=', name)
				.unionAll((qb2) =>
					qb2
						.selectFrom('organizations as o')
						.innerJoin('chain', 'chain.parent_id', 'o.id')
						.select(['chain.start_id', 'o.id', 'o.parent_id', 'o.name', (eb) => eb('chain.depth', '+', 1).as('depth')])
				)
		)
		.selectFrom('chain')
		.select(['start_id as startId', 'name', 'depth'])
		.orderBy('start_id')
		.orderBy('depth', 'desc')
		.execute();
	const byStart = new Map<number, string[]>();
	for (const row of rows) byStart.set(row.startId, [...(byStart.get(row.startId) ?? []), row.name]);
	return [...byStart].map(([id, path]) => ({ id, path }));
}

export async function getOrganizationName(db: Executor, id: number): Promise<string | undefined> {
	return (await db.selectFrom('organizations').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

/** The organization of an account's first grant (where its login is filed in the trail), or null. */
export async function firstGrantOrganization(db: Executor, userId: number): Promise<number | null> {
	const row = await db
		.selectFrom('user_grants')
		.select('organization_id')
		.where('user_id', '=', userId)
		.orderBy('id')
		.executeTakeFirst();
	return row?.organization_id ?? null;
}

/** The organizations an admin may grant on, as a tree in depth-first order with each one's depth below the top of the list. */
export async function listOrganizationOptions(db: Executor, ids: number[]) {
	if (ids.length === 0) return [];
	const rows = await db
		.selectFrom('organizations')
		.select(['id', 'name', 'parent_id as parentId'])
		.where('id', 'in', ids)
		.orderBy('name')
		.execute();
	const present = new Set(rows.map((r) => r.id));
	const children = new Map<number | null, typeof rows>();
	for (const row of rows) {
		const parent = row.parentId !== null && present.has(row.parentId) ? row.parentId : null;
		children.set(parent, [...(children.get(parent) ?? []), row]);
	}
	const out: { id: number; name: string; depth: number }[] = [];
	const visit = (parent: number | null, depth: number) => {
		for (const row of children.get(parent) ?? []) {
			out.push({ id: row.id, name: row.name, depth });
			visit(row.id, depth + 1);
		}
	};
	visit(null, 0);
	return out;
}

/** Organizations whose name contains the text, with their paths: the candidates a CLI lists for a name it cannot place. */
export async function searchOrganizations(db: Executor, text: string, limit = 10) {
	const rows = await db
		.selectFrom('organizations')
		.select('name')
		.distinct()
		.where((eb) => eb(eb.fn('instr', ['name', eb.val(text)]), '>', 0))
		.orderBy('name')
		.limit(limit)
		.execute();
	return rows.map((r) => r.name);
}
