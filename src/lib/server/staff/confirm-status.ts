/**
 * Confirming statuses: on a task page one current update, confirmed or corrected with a reason;
 * on `/tasks` the inferred ones among the selected rows, in one go. Each write checks the role on
 * the task's organization.
 */
import { error, fail } from '@sveltejs/kit';
import type { DB } from '../db';
import { mayAct, requireRole, requireUser } from '../auth/guard';
import {
	confirmStatuses,
	getConfirmTargets,
	getPlanOrganizationId,
	plansOwnedBy,
	StaleUpdateError
} from '../queries/confirmations';
import { listOrganizationsUnder } from '../queries/staff-organizations';
import { isStatus } from '$lib/domain/status';
import { actorOf, grantRoots } from './access';
import { reasonOf } from './import-history';
import type { SessionUser } from '$lib/types/auth';

interface Event {
	request: Request;
	locals: App.Locals;
	url: URL;
}

/** Whether the account may confirm statuses of this plan's tasks (the task page shows the form then). */
export async function mayConfirmPlan(db: DB, user: SessionUser | undefined, planId: number): Promise<boolean> {
	if (!user) return false;
	const organizationId = await getPlanOrganizationId(db, planId);
	return organizationId !== undefined && mayAct(db, user, 'editor', organizationId);
}

/** Of the plans a page lists, those whose tasks the account may confirm (their rows get a checkbox). */
export async function confirmablePlans(db: DB, user: SessionUser | undefined, planIds: number[]): Promise<number[]> {
	const roots = user ? grantRoots(user, 'editor') : [];
	if (roots.length === 0) return [];
	const organizations = await listOrganizationsUnder(db, roots);
	return plansOwnedBy(
		db,
		[...new Set(planIds)],
		organizations.map((o) => o.id)
	);
}

/** The task page's action: the current update of `taskId`, with a status and (for a correction) a reason. */
export async function confirmTaskStatus(db: DB, { request, locals, url }: Event, taskId: number) {
	requireUser(locals, url);
	const form = await request.formData();
	const updateId = Number(form.get('update'));
	const [target] = Number.isInteger(updateId) ? await getConfirmTargets(db, [updateId]) : [];
	if (!target || target.taskId !== taskId) error(404, 'no such update of this task');
	const user = await requireRole(db, locals, url, 'editor', target.organizationId);
	const status = form.get('status');
	if (!isStatus(status)) return fail(400, { issue: 'status' as const });
	const reason = reasonOf(form);
	if (status !== target.status && reason === null) return fail(400, { issue: 'reason' as const });
	try {
		await confirmStatuses(db, [{ updateId, status, reason }], actorOf(user));
	} catch (caught) {
		if (caught instanceof StaleUpdateError) return fail(409, { issue: 'stale' as const });
		throw caught;
	}
	return { confirmed: status === target.status ? ('confirm' as const) : ('correct' as const) };
}

/**
 * `/tasks`' action: confirms the selected rows' inferred current statuses as they stand. Rows the
 * account may not edit are left (and counted); when it may edit none of them, 403.
 */
export async function confirmSelected(db: DB, { request, locals, url }: Event) {
	const user = requireUser(locals, url);
	if (grantRoots(user, 'editor').length === 0) error(403, 'Forbidden: no editor role');
	const ids = (await request.formData()).getAll('update').map(Number).filter(Number.isInteger);
	if (ids.length === 0) return fail(400, { issue: 'none' as const });
	const targets = (await getConfirmTargets(db, ids)).filter(
		(t) => t.supersededAt === null && t.statusSource === 'inferred'
	);
	const allowed = [];
	for (const target of targets) if (await mayAct(db, user, 'editor', target.organizationId)) allowed.push(target);
	if (targets.length > 0 && allowed.length === 0) error(403, 'Forbidden: no editor role for these tasks');
	const confirmations = allowed.map((t) => ({ updateId: t.updateId, status: t.status, reason: null }));
	try {
		const confirmed = await confirmStatuses(db, confirmations, actorOf(user));
		return { bulk: { confirmed, skipped: ids.length - confirmed } };
	} catch (caught) {
		if (caught instanceof StaleUpdateError) return fail(409, { issue: 'stale' as const });
		throw caught;
	}
}
