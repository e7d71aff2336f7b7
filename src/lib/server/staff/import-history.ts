/**
 * `/imports`: who imported what, when, for which organization and period, with the file's hash;
 * withdrawing one (its importer, still an editor there, or an admin of the organization) with a reason.
 */
import { error, fail } from '@sveltejs/kit';
import type { DB } from '../db';
import { mayAct, requireUser } from '../auth/guard';
import { listOrganizationsUnder } from '../queries/staff-organizations';
import { descendantIds } from '../queries/scope';
import { getImport, listImports, listWithdrawals, withdrawImport, type ImportRecord } from '../queries/withdrawals';
import { actorOf, grantRoots } from './access';
import type { SessionUser } from '$lib/types/auth';
import type { ImportEntry } from '$lib/types/staff';

/** Longest reason kept: a sentence or two, not a document. */
export const MAX_REASON_CHARS = 500;

interface Event {
	request: Request;
	locals: App.Locals;
	url: URL;
}

async function mayWithdraw(db: DB, user: SessionUser, record: ImportRecord): Promise<boolean> {
	if (await mayAct(db, user, 'admin', record.organizationId)) return true;
	return record.importedByUserId === user.id && mayAct(db, user, 'editor', record.organizationId);
}

/**
 * mayWithdraw for a whole list at once: the organizations the account administers and edits, each read once,
 * rather than two ancestor queries per row of the history.
 */
async function withdrawalRule(db: DB, user: SessionUser): Promise<(record: ImportRecord) => boolean> {
	const [admin, editor] = await Promise.all(
		(['admin', 'editor'] as const).map(async (role) => {
			const roots = grantRoots(user, role);
			return new Set(roots.length > 0 ? await descendantIds(db, roots) : []);
		})
	);
	return (record) =>
		admin.has(record.organizationId) || (record.importedByUserId === user.id && editor.has(record.organizationId));
}

/** The history of the organizations the account holds any role on. */
export async function loadImportHistory(db: DB, { locals, url }: Omit<Event, 'request'>) {
	const user = requireUser(locals, url);
	const organizationIds = (await listOrganizationsUnder(db, grantRoots(user, 'viewer'))).map((o) => o.id);
	const records = await listImports(db, organizationIds);
	const may = await withdrawalRule(db, user);
	const imports: ImportEntry[] = records.map(
		({ organizationId: _o, importedByUserId: _u, format: _f, ...record }, i) => ({
			...record,
			mayWithdraw: may(records[i])
		})
	);
	return { imports, withdrawals: await listWithdrawals(db, organizationIds) };
}

/** The reason a form gives, trimmed; null when missing or too long. */
export function reasonOf(form: FormData): string | null {
	const value = form.get('reason');
	const reason = typeof value === 'string' ? value.trim() : '';
	return reason.length === 0 || reason.length > MAX_REASON_CHARS ? null : reason;
}

/** The withdraw action. */
export async function withdrawAction(db: DB, { request, locals, url }: Event) {
	const user = requireUser(locals, url);
	const form = await request.formData();
	const sourceId = Number(form.get('source'));
	const record = Number.isInteger(sourceId) ? await getImport(db, sourceId) : undefined;
	if (!record) error(404, 'no such import');
	if (!(await mayWithdraw(db, user, record)))
		error(403, 'Forbidden: only its importer or an admin withdraws an import');
	const reason = reasonOf(form);
	if (reason === null) return fail(400, { sourceId, issue: 'reason' as const });
	const result = await withdrawImport(db, sourceId, actorOf(user), reason);
	return { withdrawn: { sourceId, fileName: record.fileName, ...result } };
}
