/**
 * What may be done to accounts, by whom, and the audit row each change leaves: one module for the admin
 * pages and the `npm run user` CLI, so both follow the same rules. An admin manages the accounts whose
 * every grant lies inside their own admin subtrees, may grant only inside them, and never changes their
 * own account (nobody lifts themselves). The shell (the CLI) may do anything: whoever runs it can read
 * the database file anyway.
 */
import type { DB } from '../db';
import * as accounts from '../queries/accounts';
import { recordAudit } from '../queries/audit';
import { descendantIds } from '../queries/scope';
import { writeTransaction } from '../queries/write-transaction';
import { hashPassword, passwordProblem } from './password';
import { mayAct } from './guard';
import { ROLES, type Grant, type Role, type SessionUser } from '$lib/types/auth';
import type { AccountErrorKind } from '$lib/account-labels';

/** Who changes an account: a signed-in admin, or the shell user (grants null: no limit). */
export interface Actor {
	name: string;
	userId: number | null;
	grants: Grant[] | null;
}

/** A refused account change; `kind` is worded in the UI language, `message` (English) for the CLI and logs. */
export class AccountError extends Error {
	constructor(
		readonly kind: AccountErrorKind,
		message: string
	) {
		super(message);
		this.name = 'AccountError';
	}
}

export function actorOf(user: SessionUser): Actor {
	return { name: user.name, userId: user.id, grants: user.grants };
}

/** 1–64 characters, no spaces or control characters: it is typed at every login and shown in the trail. */
const NAME = /^[^\s\p{Cc}]{1,64}$/u;

export function checkName(name: string): void {
	if (!NAME.test(name)) throw new AccountError('badName', `name “${name}”: 1 to 64 characters, no spaces`);
}

export function checkPassword(password: string): void {
	const problem = passwordProblem(password);
	if (problem === 'tooShort') throw new AccountError('passwordTooShort', 'password: at least 10 characters');
	if (problem === 'tooLong') throw new AccountError('passwordTooLong', 'password: at most 1024 characters');
}

function checkRole(role: string): asserts role is Role {
	if (!(ROLES as readonly string[]).includes(role))
		throw new AccountError('badRole', `role “${role}”: one of ${ROLES.join(', ')}`);
}

function asSessionUser(actor: Actor): SessionUser {
	return { id: actor.userId ?? 0, name: actor.name, displayName: null, grants: actor.grants ?? [] };
}

/** Whether the actor may grant (or manage a grant) on this organization. */
async function mayAdminister(db: DB, actor: Actor, organizationId: number): Promise<boolean> {
	return actor.grants === null || mayAct(db, asSessionUser(actor), 'admin', organizationId);
}

/** The organizations an admin manages: every subtree they hold admin on; null for the shell. */
export async function administeredIds(db: DB, actor: Actor): Promise<number[] | null> {
	if (actor.grants === null) return null;
	const roots = actor.grants.filter((g) => g.role === 'admin').map((g) => g.organizationId);
	return roots.length === 0 ? [] : descendantIds(db, roots);
}

/** Whether the actor may change this account: not their own, and every grant of it inside their subtrees. */
export async function mayManage(db: DB, actor: Actor, account: accounts.AccountRow): Promise<boolean> {
	if (actor.grants === null) return true;
	if (account.id === actor.userId || account.grants.length === 0) return false;
	for (const grant of account.grants) if (!(await mayAdminister(db, actor, grant.organizationId))) return false;
	return true;
}

/** The accounts the actor may manage, by name. */
export async function listManagedAccounts(db: DB, actor: Actor): Promise<accounts.AccountRow[]> {
	const ids = await administeredIds(db, actor);
	const candidates = await accounts.listAccounts(db, ids && (await accounts.listAccountIdsWithGrantsIn(db, ids)));
	const managed: accounts.AccountRow[] = [];
	for (const account of candidates) if (await mayManage(db, actor, account)) managed.push(account);
	return managed;
}

async function requireGrantable(db: DB, actor: Actor, role: string, organizationId: number): Promise<Role> {
	checkRole(role);
	const name = await accounts.getOrganizationName(db, organizationId);
	if (name === undefined) throw new AccountError('notFound', `organization ${organizationId}: no such organization`);
	if (!(await mayAdminister(db, actor, organizationId)))
		throw new AccountError('outsideScope', `organization ${name}: outside what ${actor.name} administers`);
	return role;
}

async function requireManaged(db: DB, actor: Actor, userId: number): Promise<accounts.AccountRow> {
	const account = await accounts.getAccount(db, userId);
	if (!account) throw new AccountError('notFound', `account ${userId}: no such account`);
	if (account.id === actor.userId) throw new AccountError('self', 'an admin cannot change their own account');
	if (!(await mayManage(db, actor, account)))
		throw new AccountError('outsideScope', `account ${account.name}: outside what ${actor.name} administers`);
	return account;
}

/** What the trail keeps of an account: never its password hash. */
function snapshot(account: accounts.AccountRow) {
	return {
		name: account.name,
		displayName: account.displayName,
		disabled: account.disabledAt !== null,
		grants: account.grants.map((g) => ({ role: g.role, organization: g.organizationName }))
	};
}

export interface NewAccount {
	name: string;
	displayName: string | null;
	password: string;
	role: string;
	organizationId: number;
}

/** Adds an account with one grant; the audit row is written in the same transaction. */
export async function addAccount(db: DB, actor: Actor, input: NewAccount): Promise<accounts.AccountRow> {
	checkName(input.name);
	checkPassword(input.password);
	const role = await requireGrantable(db, actor, input.role, input.organizationId);
	if (await accounts.getAccountByName(db, input.name))
		throw new AccountError('nameTaken', `name “${input.name}”: an account of that name exists`);
	const passwordHash = await hashPassword(input.password);
	return writeTransaction(db, async (trx) => {
		const displayName = input.displayName?.trim() || null;
		const id = await accounts.insertAccount(trx, { name: input.name, displayName, passwordHash });
		await accounts.replaceGrants(trx, id, role, input.organizationId);
		const account = (await accounts.getAccount(trx, id))!;
		await recordAudit(trx, {
			actor: actor.name,
			actorUserId: actor.userId,
			kind: 'account_add',
			organizationId: input.organizationId,
			subject: account.name,
			after: snapshot(account)
		});
		return account;
	});
}

/** Re-scopes an account to one role on one organization; its sessions end, so the change holds at once. */
export async function changeAccountRole(
	db: DB,
	actor: Actor,
	userId: number,
	role: string,
	organizationId: number
): Promise<accounts.AccountRow> {
	const before = await requireManaged(db, actor, userId);
	const granted = await requireGrantable(db, actor, role, organizationId);
	return writeTransaction(db, async (trx) => {
		await accounts.replaceGrants(trx, userId, granted, organizationId);
		await accounts.deleteSessionsOfUser(trx, userId);
		const after = (await accounts.getAccount(trx, userId))!;
		await recordAudit(trx, {
			actor: actor.name,
			actorUserId: actor.userId,
			kind: 'account_change',
			organizationId,
			subject: after.name,
			before: snapshot(before),
			after: snapshot(after)
		});
		return after;
	});
}

/**
 * Disables an account (its sessions end at once) or enables it again. Disabling is `account_disable`;
 * enabling is an `account_change`, so the trail's kind says which way it went.
 */
export async function setAccountDisabled(
	db: DB,
	actor: Actor,
	userId: number,
	disabled: boolean,
	now = new Date()
): Promise<accounts.AccountRow> {
	const before = await requireManaged(db, actor, userId);
	return writeTransaction(db, async (trx) => {
		await accounts.setDisabled(trx, userId, disabled ? (before.disabledAt ?? now.toISOString()) : null);
		if (disabled) await accounts.deleteSessionsOfUser(trx, userId);
		const after = (await accounts.getAccount(trx, userId))!;
		await recordAudit(trx, {
			actor: actor.name,
			actorUserId: actor.userId,
			kind: disabled ? 'account_disable' : 'account_change',
			organizationId: before.grants[0]?.organizationId ?? null,
			subject: after.name,
			before: snapshot(before),
			after: snapshot(after)
		});
		return after;
	});
}

/** Sets a new password (the CLI's passwd); the account's sessions end. The trail says it changed, never to what. */
export async function setAccountPassword(db: DB, actor: Actor, userId: number, password: string): Promise<void> {
	checkPassword(password);
	const account = await requireManaged(db, actor, userId);
	const passwordHash = await hashPassword(password);
	await writeTransaction(db, async (trx) => {
		await accounts.setPasswordHash(trx, userId, passwordHash);
		await accounts.deleteSessionsOfUser(trx, userId);
		await recordAudit(trx, {
			actor: actor.name,
			actorUserId: actor.userId,
			kind: 'account_change',
			organizationId: account.grants[0]?.organizationId ?? null,
			subject: account.name,
			before: { password: 'old' },
			after: { password: 'new' }
		});
	});
}
