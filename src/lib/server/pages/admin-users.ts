/**
 * `/admin/users`: the accounts an admin manages, and the form actions that add, re-scope, disable and
 * enable them. Each action checks the role with requireRole on the organization it touches, then the
 * account rules (src/lib/server/auth/accounts.ts) check the rest and write the audit row.
 */
import { error, fail } from '@sveltejs/kit';
import type { DB } from '../db';
import { requireRole, requireUser } from '../auth/guard';
import {
	AccountError,
	actorOf,
	addAccount,
	administeredIds,
	changeAccountRole,
	listManagedAccounts,
	setAccountDisabled
} from '../auth/accounts';
import * as accounts from '../queries/accounts';
import { ROLES } from '$lib/types/auth';

export async function loadAdminUsersPage(db: DB, url: URL, locals: App.Locals) {
	const user = requireUser(locals, url);
	const actor = actorOf(user);
	const administered = (await administeredIds(db, actor)) ?? [];
	if (administered.length === 0) error(403, 'Forbidden: this account administers no organization');
	const [managed, organizations] = await Promise.all([
		listManagedAccounts(db, actor),
		accounts.listOrganizationOptions(db, administered)
	]);
	return { accounts: managed, organizations, roles: ROLES };
}

/** What an action needs of a request. */
export interface AdminEvent {
	request: Request;
	url: URL;
	locals: App.Locals;
}

/** A whole number from a form field, or null. */
function formId(form: FormData, field: string): number | null {
	const value = String(form.get(field) ?? '');
	return /^\d{1,15}$/.test(value) ? Number(value) : null;
}

/** A refusal the page shows beside the form; a change outside the admin's subtrees is a 403 like any other. */
function refused(e: unknown, values: Record<string, string>) {
	if (!(e instanceof AccountError)) throw e;
	if (e.kind === 'outsideScope' || e.kind === 'self') error(403, `Forbidden: ${e.message}`);
	return fail(400, { ...values, problem: e.kind });
}

export async function addAccountAction(db: DB, { request, url, locals }: AdminEvent) {
	const form = await request.formData();
	const organizationId = formId(form, 'organization');
	const values = {
		action: 'add',
		name: String(form.get('name') ?? '').trim(),
		displayName: String(form.get('displayName') ?? '').trim(),
		role: String(form.get('role') ?? ''),
		organization: String(organizationId ?? '')
	};
	if (organizationId === null) return fail(400, { ...values, problem: 'notFound' as const });
	const user = await requireRole(db, locals, url, 'admin', organizationId);
	try {
		const password = String(form.get('password') ?? '');
		const account = await addAccount(db, actorOf(user), { ...values, password, organizationId });
		return { action: 'add', done: account.name };
	} catch (e) {
		return refused(e, values);
	}
}

/** The account a form names, after requireRole on its first grant (the account rules then check every grant). */
async function managedTarget(db: DB, form: FormData, { url, locals }: AdminEvent) {
	// Signed in first: an anonymous request learns nothing, not even whether the account exists.
	requireUser(locals, url);
	const userId = formId(form, 'user');
	const target = userId === null ? undefined : await accounts.getAccount(db, userId);
	if (!target) error(404, `no account ${String(form.get('user'))}`);
	const first = target.grants[0]?.organizationId;
	if (first === undefined) error(403, 'Forbidden: an account without grants is managed from the shell');
	return { target, user: await requireRole(db, locals, url, 'admin', first) };
}

export async function changeAccountAction(db: DB, event: AdminEvent) {
	const form = await event.request.formData();
	const organizationId = formId(form, 'organization');
	const role = String(form.get('role') ?? '');
	const { target, user } = await managedTarget(db, form, event);
	const values = { action: 'change', user: String(target.id), role, organization: String(organizationId ?? '') };
	if (organizationId === null) return fail(400, { ...values, problem: 'notFound' as const });
	await requireRole(db, event.locals, event.url, 'admin', organizationId);
	try {
		const account = await changeAccountRole(db, actorOf(user), target.id, role, organizationId);
		return { action: 'change', done: account.name };
	} catch (e) {
		return refused(e, values);
	}
}

export async function setDisabledAction(db: DB, event: AdminEvent, disabled: boolean) {
	const form = await event.request.formData();
	const { target, user } = await managedTarget(db, form, event);
	try {
		const account = await setAccountDisabled(db, actorOf(user), target.id, disabled);
		return { action: disabled ? 'disable' : 'enable', done: account.name };
	} catch (e) {
		return refused(e, { action: disabled ? 'disable' : 'enable', user: String(target.id) });
	}
}
