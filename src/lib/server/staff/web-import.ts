/**
 * `/import`: upload → preview → confirm, through the CLI's own pipeline (previewDocument,
 * importDocument). The bytes wait in pending_imports between preview and confirm; nothing is
 * written to the plan before confirm, and the role is checked again there.
 */
import { createHash } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import type { DB } from '../db';
import { ImportError, importDocument, previewDocument, type Preview } from '../import';
import { ImportRefusal } from '../import/refusal';
import { checkUpload } from '../import/upload-limits';
import { findConfirmedConflicts } from '../queries/import-conflicts';
import {
	deletePendingImport,
	listPendingImports,
	savePendingImports,
	type PendingFile
} from '../queries/pending-imports';
import { listOrganizationsUnder, type OrganizationChoice } from '../queries/staff-organizations';
import { actorOf, grantRoots, mayWriteChain, requireEditor } from './access';
import type { SessionUser } from '$lib/types/auth';
import type { FilePreview } from '$lib/types/staff';

interface Event {
	request: Request;
	locals: App.Locals;
	url: URL;
}

/** The upload form's action: checks the limits, keeps the files, goes to their preview. */
export async function uploadFiles(db: DB, { request, locals, url }: Event) {
	const user = requireEditor(locals, url);
	const form = await request.formData();
	const files = form.getAll('files').filter((f): f is File => f instanceof File && (f.size > 0 || f.name !== ''));
	const issues = checkUpload(files.map((f) => ({ name: f.name, size: f.size })));
	if (issues.length > 0) return fail(400, { issues });
	const batch = await savePendingImports(
		db,
		user.id,
		await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })))
	);
	redirect(303, `/import/${batch}`);
}

/** The organizations the picker offers: those the account may edit. */
async function editableOrganizations(db: DB, user: SessionUser) {
	return listOrganizationsUnder(db, grantRoots(user, 'editor'));
}

/** The preview page: every waiting file of the batch, read as the CLI reads it. */
export async function loadPreviews(db: DB, { locals, url }: Omit<Event, 'request'>, batch: string) {
	const user = requireEditor(locals, url);
	const organizations = await editableOrganizations(db, user);
	const picked = organizations.find((o) => String(o.id) === url.searchParams.get('org')) ?? null;
	const files = await listPendingImports(db, batch, user.id);
	const previews = await Promise.all(files.map((file) => previewFile(db, user, file, picked)));
	return { batch, organizations, pickedId: picked?.id ?? null, previews };
}

/** Reads one file; the picked organization applies only when the page names none. */
async function readPending(file: PendingFile, picked: OrganizationChoice | null) {
	const preview = await previewDocument(file.bytes, { fileName: file.fileName });
	if (preview.organization.length > 0 || !picked) return { preview, picked: false };
	return {
		preview: await previewDocument(file.bytes, { fileName: file.fileName, organization: picked.chain }),
		picked: true
	};
}

async function previewFile(
	db: DB,
	user: SessionUser,
	file: PendingFile,
	chosen: OrganizationChoice | null
): Promise<FilePreview> {
	const empty = { organization: [], picked: false, period: null, categories: [], warnings: [], conflicts: [] };
	const base = { id: file.id, fileName: file.fileName, format: null, title: null, mayWrite: false };
	try {
		const { preview, picked } = await readPending(file, chosen);
		const { draft, organization } = preview;
		const conflicts = await findConfirmedConflicts(db, draft, documentOf(file, preview), organization);
		return {
			...base,
			format: preview.format,
			title: draft.source.title,
			organization,
			picked,
			period: { year: draft.period.year, label: draft.period.label },
			categories: draft.categories.map((c) => ({
				name: c.name,
				tasks: c.tasks.map(({ name, status, statusSource, evidence, statusText }) => ({
					name,
					status,
					statusSource,
					evidence,
					statusText
				}))
			})),
			warnings: draft.warnings,
			conflicts: conflicts.map(({ reading: { status, statusSource }, ...c }) => ({
				...c,
				reading: { status, statusSource }
			})),
			failure: null,
			mayWrite: await mayWriteChain(db, user, organization)
		};
	} catch (caught) {
		return { ...base, ...empty, failure: failureOf(file.fileName, caught) };
	}
}

/** The document as the write would keep it, for planning its conflicts. */
function documentOf(file: PendingFile, preview: Preview) {
	const sha256 = createHash('sha256').update(file.bytes).digest('hex');
	return { bytes: file.bytes, text: '', sha256, fileName: file.fileName, format: preview.format };
}

/** The CLI's line for a file it cannot import (scripts/import.ts), so the page and the shell say the same. */
function failureOf(fileName: string, caught: unknown): FilePreview['failure'] {
	if (caught instanceof ImportRefusal)
		return { kind: caught.kind, message: `${fileName}:${caught.line}: refused (${caught.kind}): ${caught.reason}` };
	if (caught instanceof ImportError) {
		const where = caught.line ? `${caught.line}:` : '';
		return { kind: null, message: `${fileName}:${where} error: ${caught.message}` };
	}
	throw caught;
}

/** The confirm action: the role again, then the CLI's write with the editor's choices and the audit row. */
export async function confirmImport(db: DB, { request, locals, url }: Event, batch: string) {
	const user = requireEditor(locals, url);
	const form = await request.formData();
	const file = (await listPendingImports(db, batch, user.id)).find((f) => f.id === form.get('file'));
	if (!file) error(404, 'no such upload waiting (it was confirmed, discarded or has expired)');
	const organizations = await editableOrganizations(db, user);
	const chosen = organizations.find((o) => String(o.id) === form.get('org')) ?? null;
	// Each conflict is a pair of radios, conflict-<task id> = keep | take.
	const replace = [...form.entries()]
		.filter(([name, value]) => name.startsWith('conflict-') && value === 'take')
		.map(([name]) => Number(name.slice('conflict-'.length)))
		.filter(Number.isInteger);
	try {
		const { preview, picked } = await readPending(file, chosen);
		if (preview.organization.length === 0) {
			const message = `${file.fileName}: error: the page names no organization: pick one of yours`;
			return fail(400, { failure: { kind: null, message } });
		}
		if (!(await mayWriteChain(db, user, preview.organization))) error(403, 'Forbidden: no editor role there');
		const { result } = await importDocument(db, file.bytes, {
			fileName: file.fileName,
			organization: picked ? chosen!.chain : undefined,
			actor: actorOf(user),
			replaceConfirmed: replace
		});
		await deletePendingImport(db, file.id, user.id);
		const { outcome, taskCount, keptConfirmedCount, replacedCount } = result;
		return { imported: { fileName: file.fileName, outcome, taskCount, keptConfirmedCount, replacedCount } };
	} catch (caught) {
		if (caught instanceof ImportError) return fail(400, { failure: failureOf(file.fileName, caught) });
		throw caught;
	}
}

/** Drops a waiting file without writing it. */
export async function discardImport(db: DB, { request, locals, url }: Event) {
	const user = requireEditor(locals, url);
	const id = (await request.formData()).get('file');
	if (typeof id === 'string') await deletePendingImport(db, id, user.id);
	return { discarded: true };
}
