/** Every staff write against every kind of caller: anonymous → login, viewer → 403, editor elsewhere → 403, the right editor → done. */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { importDocument } from '../import';
import { savePendingImports } from '../queries/pending-imports';
import { confirmImport, discardImport, loadPreviews, uploadFiles } from './web-import';
import { loadImportHistory, withdrawAction } from './import-history';
import { confirmStatuses } from '../queries/confirmations';
import { confirmSelected, confirmTaskStatus } from './confirm-status';
import { formPost, outcome, staffAccounts, type Who } from './testing';
import { loadTaskSource } from '../pages/task-source';
import type { SessionUser } from '$lib/types/auth';

const HTML = readFileSync('src/lib/server/import/fixtures/xinjie-2024-q2.html');
const SEED = readFileSync('data/reports/xinjie-2024-q2.txt');

let db: DB;
let accounts: Record<Who, SessionUser | undefined>;
const locals = (who: Who): App.Locals => ({ lang: 'zh', user: accounts[who] });
const LOGIN = { status: 303, location: expect.stringMatching(/^\/login\?next=/) };

beforeEach(async () => {
	db = await openTestDatabase();
	accounts = await staffAccounts(db);
});

async function inferredUpdates() {
	return db
		.selectFrom('updates')
		.select(['id', 'task_id as taskId'])
		.where('status_source', '=', 'inferred')
		.where('superseded_at', 'is', null)
		.orderBy('id')
		.execute();
}
const auditKinds = async () => (await db.selectFrom('audit_events').select('kind').execute()).map((r) => r.kind);

describe('uploading to /import', () => {
	const upload = (who: Who) =>
		outcome(() =>
			uploadFiles(db, { ...formPost('/import', [['files', new Blob([HTML]), '新街.html']]), locals: locals(who) })
		);
	it.each([
		['anonymous', LOGIN],
		['viewer', { status: 403 }],
		// Any editor may upload: the document's organization is known only from its preview; confirm checks it.
		['otherEditor', { status: 303, location: expect.stringMatching(/^\/import\/[\w-]{20,}$/) }],
		['editor', { status: 303, location: expect.stringMatching(/^\/import\/[\w-]{20,}$/) }]
	] as const)('%s', async (who, expected) => {
		expect(await upload(who)).toEqual(expected);
		expect(await db.selectFrom('sources').select('id').execute()).toEqual([]);
	});
	it('refuses a type the CLI does not read, naming the file, and keeps nothing', async () => {
		const post = formPost('/import', [['files', new Blob(['<svg/>']), 'x.svg']]);
		const answer = await uploadFiles(db, { ...post, locals: locals('editor') });
		expect(answer).toMatchObject({ status: 400, data: { issues: [{ kind: 'type', file: 'x.svg' }] } });
		expect(await db.selectFrom('pending_imports').select('id').execute()).toEqual([]);
	});
});

describe('confirming an upload', () => {
	async function pending(who: Who) {
		const batch = await savePendingImports(db, accounts[who]!.id, [{ name: '新街.html', bytes: HTML }]);
		const { id } = await db
			.selectFrom('pending_imports')
			.select('id')
			.where('batch', '=', batch)
			.executeTakeFirstOrThrow();
		return { batch, id };
	}
	const confirm = async (who: Who, owner: Who) => {
		const { batch, id } = await pending(owner);
		return outcome(() =>
			confirmImport(db, { ...formPost(`/import/${batch}`, [['file', id]]), locals: locals(who) }, batch)
		);
	};
	it.each([
		['anonymous', 'editor', LOGIN],
		['viewer', 'editor', { status: 403 }],
		// Its own upload of another street's report: the role is checked against the document's organization.
		['otherEditor', 'otherEditor', { status: 403 }],
		// Someone else's upload is not there for them at all.
		['otherEditor', 'editor', { status: 404 }],
		['editor', 'editor', 'done']
	] as const)('%s confirming the upload of %s', async (who, owner, expected) => {
		expect(await confirm(who, owner)).toEqual(expected);
		expect(await auditKinds()).toEqual(expected === 'done' ? ['import'] : []);
		expect((await db.selectFrom('sources').select('imported_by').execute()).map((s) => s.imported_by)).toEqual(
			expected === 'done' ? ['editor'] : []
		);
	});
	it('previews without writing, with every task, and the same line as the CLI for a file it refuses', async () => {
		const { batch } = await pending('editor');
		const page = await loadPreviews(
			db,
			{ url: new URL(`http://localhost/import/${batch}`), locals: locals('editor') },
			batch
		);
		expect(page.previews).toHaveLength(1);
		const [preview] = page.previews;
		expect(preview).toMatchObject({
			organization: ['杭州市', '萧山区', '新街街道'],
			period: { year: 2024 },
			mayWrite: true,
			failure: null
		});
		expect(preview.categories.flatMap((c) => c.tasks)).toHaveLength(12);
		expect(await db.selectFrom('sources').select('id').execute()).toEqual([]);
	});
	it('serves the uploaded HTML back only as plain text, and keeps its name out of any path', async () => {
		const batch = await savePendingImports(db, accounts.editor!.id, [{ name: '../../etc/新街.html', bytes: HTML }]);
		const { id } = await db
			.selectFrom('pending_imports')
			.select('id')
			.where('batch', '=', batch)
			.executeTakeFirstOrThrow();
		expect(id).not.toContain('新街');
		await confirmImport(db, { ...formPost(`/import/${batch}`, [['file', id]]), locals: locals('editor') }, batch);
		const source = await db.selectFrom('sources').select(['id', 'file_name']).executeTakeFirstOrThrow();
		expect(source.file_name).toBe('../../etc/新街.html');
		const task = await db.selectFrom('tasks').select('id').executeTakeFirstOrThrow();
		const response = await loadTaskSource(
			db,
			new URL(`http://localhost/tasks/${task.id}/source/${source.id}`),
			locals('viewer')
		);
		expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
	});
	it('offers the editor’s organizations where the page names none, and writes under the one picked', async () => {
		const page = readFileSync('src/lib/server/import/fixtures/real/xianning-city-2021-h1-key-work.txt');
		const batch = await savePendingImports(db, accounts.editor!.id, [{ name: 'xianning.txt', bytes: page }]);
		const at = (query: string) => ({
			url: new URL(`http://localhost/import/${batch}${query}`),
			locals: locals('editor')
		});
		const unnamed = await loadPreviews(db, at(''), batch);
		expect(unnamed.organizations.map((o) => o.chain.join('/'))).toEqual(['杭州市/萧山区/新街街道']);
		expect(unnamed.previews[0]).toMatchObject({ organization: [], picked: false, mayWrite: false });
		const street = unnamed.organizations[0].id;
		const picked = await loadPreviews(db, at(`?org=${street}`), batch);
		expect(picked.previews[0]).toMatchObject({
			organization: ['杭州市', '萧山区', '新街街道'],
			picked: true,
			mayWrite: true
		});
		// An organization the editor may not edit is not offered, and not taken from a forged form either.
		const other = (
			await db.selectFrom('organizations').select('id').where('name', '=', '城厢街道').executeTakeFirstOrThrow()
		).id;
		expect((await loadPreviews(db, at(`?org=${other}`), batch)).previews[0].organization).toEqual([]);
		const id = unnamed.previews[0].id;
		const forged = await confirmImport(
			db,
			{
				...formPost(`/import/${batch}`, [
					['file', id],
					['org', String(other)]
				]),
				locals: locals('editor')
			},
			batch
		);
		expect(forged).toMatchObject({ status: 400 });
		const done = await confirmImport(
			db,
			{
				...formPost(`/import/${batch}`, [
					['file', id],
					['org', String(street)]
				]),
				locals: locals('editor')
			},
			batch
		);
		expect(done).toMatchObject({ imported: { taskCount: 12 } });
		const plan = await db.selectFrom('plans').select('organization_id').executeTakeFirstOrThrow();
		expect(plan.organization_id).toBe(street);
	});
	it('drops a discarded upload', async () => {
		const { batch, id } = await pending('editor');
		await discardImport(db, { ...formPost(`/import/${batch}`, [['file', id]]), locals: locals('editor') });
		expect(await db.selectFrom('pending_imports').select('id').execute()).toEqual([]);
	});
});

describe('a re-import meeting a confirmed status, in the browser', () => {
	it.each([
		['keep', 'confirmed'],
		['take', 'inferred']
	] as const)('the editor chooses to %s: the current status is then %s', async (choice, source) => {
		await importDocument(db, SEED);
		const [update] = await inferredUpdates();
		await confirmStatuses(db, [{ updateId: update.id, status: 'behind', reason: '核实' }], {
			name: 'editor',
			userId: 1
		});
		const later = Buffer.from(SEED.toString().replace('发布日期:2024-07-08', '发布日期:2024-07-20'));
		const batch = await savePendingImports(db, accounts.editor!.id, [{ name: 'later.txt', bytes: later }]);
		const url = new URL(`http://localhost/import/${batch}`);
		const [preview] = (await loadPreviews(db, { url, locals: locals('editor') }, batch)).previews;
		expect(preview.conflicts).toEqual([
			expect.objectContaining({
				taskId: update.taskId,
				confirmed: expect.objectContaining({ status: 'behind', by: 'editor' })
			})
		]);
		const post = formPost(`/import/${batch}`, [
			['file', preview.id],
			[`conflict-${update.taskId}`, choice]
		]);
		const answer = await confirmImport(db, { ...post, locals: locals('editor') }, batch);
		expect(answer).toMatchObject({ imported: { keptConfirmedCount: choice === 'keep' ? 1 : 0 } });
		const current = await db
			.selectFrom('updates')
			.select('status_source')
			.where('task_id', '=', update.taskId)
			.where('superseded_at', 'is', null)
			.executeTakeFirstOrThrow();
		expect(current.status_source).toBe(source);
	});
});

describe('the import history', () => {
	it('lists the imports of the caller’s organizations, with withdraw offered to the importer and the admin only', async () => {
		await importDocument(db, SEED, { actor: { name: 'editor', userId: accounts.editor!.id } });
		const url = new URL('http://localhost/imports');
		const seen = async (who: Who) =>
			(await loadImportHistory(db, { url, locals: locals(who) })).imports.map((i) => [i.importedBy, i.mayWithdraw]);
		expect(await seen('editor')).toEqual([['editor', true]]);
		expect(await seen('admin')).toEqual([['editor', true]]);
		expect(await seen('viewer')).toEqual([['editor', false]]);
		expect(await seen('otherEditor')).toEqual([]);
		await expect(loadImportHistory(db, { url, locals: locals('anonymous') })).rejects.toMatchObject(LOGIN);
	});
});

describe('withdrawing an import', () => {
	it.each([
		['anonymous', LOGIN],
		['viewer', { status: 403 }],
		['otherEditor', { status: 403 }],
		['editor', 'done'],
		['admin', 'done']
	] as const)('%s', async (who, expected) => {
		const editor = accounts.editor!;
		const { result } = await importDocument(db, SEED, { actor: { name: editor.name, userId: editor.id } });
		const post = formPost('/imports', [
			['source', String(result.sourceId)],
			['reason', '误传']
		]);
		expect(await outcome(() => withdrawAction(db, { ...post, locals: locals(who) }))).toEqual(expected);
		expect(await auditKinds()).toEqual(expected === 'done' ? ['import', 'withdraw'] : ['import']);
	});
	it('needs a reason', async () => {
		const { result } = await importDocument(db, SEED, { actor: { name: 'editor', userId: accounts.editor!.id } });
		const post = formPost('/imports', [['source', String(result.sourceId)]]);
		expect(await outcome(() => withdrawAction(db, { ...post, locals: locals('editor') }))).toEqual({ status: 400 });
	});
});

describe('confirming a status on the task page', () => {
	it.each([
		['anonymous', LOGIN],
		['viewer', { status: 403 }],
		['otherEditor', { status: 403 }],
		['editor', 'done'],
		['admin', 'done']
	] as const)('%s', async (who, expected) => {
		await importDocument(db, SEED);
		const [update] = await inferredUpdates();
		const post = formPost(`/tasks/${update.taskId}`, [
			['update', String(update.id)],
			['status', 'behind'],
			['reason', '现场核实']
		]);
		expect(await outcome(() => confirmTaskStatus(db, { ...post, locals: locals(who) }, update.taskId))).toEqual(
			expected
		);
		expect(await auditKinds()).toEqual(expected === 'done' ? ['status_correct'] : []);
	});
	it('asks a correction for its reason, and refuses a stale form', async () => {
		await importDocument(db, SEED);
		const [update] = await inferredUpdates();
		const send = (status: string, reason: string) =>
			confirmTaskStatus(
				db,
				{
					...formPost(`/tasks/${update.taskId}`, [
						['update', String(update.id)],
						['status', status],
						['reason', reason]
					]),
					locals: locals('editor')
				},
				update.taskId
			);
		expect(await send('behind', ' ')).toMatchObject({ status: 400, data: { issue: 'reason' } });
		expect(await send('nonsense', 'x')).toMatchObject({ status: 400, data: { issue: 'status' } });
		expect(await send('behind', '核实')).toEqual({ confirmed: 'correct' });
		expect(await send('on_track', '核实')).toMatchObject({ status: 409 });
	});
});

describe('confirming selected rows on /tasks', () => {
	it.each([
		['anonymous', LOGIN],
		['viewer', { status: 403 }],
		['otherEditor', { status: 403 }],
		['editor', 'done']
	] as const)('%s', async (who, expected) => {
		await importDocument(db, SEED);
		const updates = await inferredUpdates();
		const post = formPost(
			'/tasks',
			updates.map((u) => ['update', String(u.id)] as [string, string])
		);
		expect(await outcome(() => confirmSelected(db, { ...post, locals: locals(who) }))).toEqual(expected);
		expect((await inferredUpdates()).length).toBe(expected === 'done' ? 0 : updates.length);
	});
	it('confirms only the rows the editor may edit and reports the count', async () => {
		await importDocument(db, SEED);
		await importDocument(db, Buffer.from(SEED.toString().replaceAll('新街', '城厢')));
		const updates = await inferredUpdates();
		const post = formPost(
			'/tasks',
			updates.map((u) => ['update', String(u.id)] as [string, string])
		);
		const answer = await confirmSelected(db, { ...post, locals: locals('editor') });
		expect(answer).toEqual({ bulk: { confirmed: updates.length / 2, skipped: updates.length / 2 } });
		expect(await auditKinds()).toEqual(Array(updates.length / 2).fill('status_confirm'));
	});
});
