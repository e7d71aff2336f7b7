import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { importDocument } from '../import';
import { confirmStatuses } from './confirmations';
import { findConfirmedConflicts } from './import-conflicts';
import { listImports, withdrawImport } from './withdrawals';
import { currentUpdates, rollupsAndPlainCounts, SEED, SEED_LATER } from './staff-testing';
import { previewDocument } from '../import';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';

const admin = { name: 'wang', userId: 1 };
let db: DB;

beforeEach(async () => {
	db = await openTestDatabase();
});

const searchRows = async () =>
	(await db.selectFrom('updates').select('id').where('superseded_at', 'is', null).execute()).length;

describe('withdrawImport', () => {
	it('gives back exactly the current updates from before the import, with rollups and search', async () => {
		await importDocument(db, Buffer.from(SEED), { fileName: 'q2.txt' });
		const before = await currentUpdates(db);
		const { result } = await importDocument(db, Buffer.from(SEED_LATER), {
			fileName: 'q2-later.txt',
			actor: { name: 'li', userId: 2 }
		});
		expect(result.replacedCount).toBe(12);
		expect(await currentUpdates(db)).not.toEqual(before);

		expect(await withdrawImport(db, result.sourceId, admin, '重复发布')).toEqual({
			removedCount: 12,
			restoredCount: 12
		});
		expect(await currentUpdates(db)).toEqual(before);
		const [rolled, plain] = await rollupsAndPlainCounts(db);
		expect(rolled).toEqual(plain);
		expect(await searchRows()).toBe(12);
		// The withdrawn report's text is out of the search index, the restored one's back in it.
		const hits = async (text: string) =>
			(await sql<{ n: number }>`select count(*) as n from update_search where update_search match ${text}`.execute(db))
				.rows[0].n;
		expect(await hits('平安村社创建进度滞后')).toBe(0);
		expect(await hits('稳步推进平安村社创建')).toBe(1);
		const audit = await db.selectFrom('audit_events').selectAll().orderBy('id').execute();
		expect(audit.map((a) => [a.kind, a.actor])).toEqual([
			['import', 'li'],
			['withdraw', 'wang']
		]);
		expect(audit[1].reason).toBe('重复发布');
		expect(JSON.parse(audit[1].before!)).toMatchObject({ fileName: 'q2-later.txt', importedBy: 'li' });
	});

	it('takes a first import out whole, its plan and tasks with it, and may be imported again', async () => {
		const { result } = await importDocument(db, Buffer.from(SEED), { fileName: 'q2.txt' });
		await withdrawImport(db, result.sourceId, admin, '误传');
		expect(await currentUpdates(db)).toEqual([]);
		expect(await db.selectFrom('tasks').select('id').execute()).toEqual([]);
		expect(await db.selectFrom('plans').select('id').execute()).toEqual([]);
		const [rolled, plain] = await rollupsAndPlainCounts(db);
		expect(rolled).toEqual([]);
		expect(plain).toEqual([]);
		const again = await importDocument(db, Buffer.from(SEED), { fileName: 'q2.txt' });
		expect(again.result.outcome).toBe('imported');
	});

	it('removes the confirmations of its reading and leaves a later report current', async () => {
		const first = await importDocument(db, Buffer.from(SEED), { fileName: 'q2.txt' });
		const [update] = await db
			.selectFrom('updates')
			.select('id')
			.where('source_id', '=', first.result.sourceId)
			.execute();
		await confirmStatuses(db, [{ updateId: update.id, status: 'behind', reason: '核实' }], admin);
		await importDocument(db, Buffer.from(SEED_LATER), { fileName: 'later.txt', replaceConfirmed: true });
		const withLater = await currentUpdates(db);
		await withdrawImport(db, first.result.sourceId, admin, '旧稿');
		expect(await currentUpdates(db)).toEqual(withLater);
		const [rolled, plain] = await rollupsAndPlainCounts(db);
		expect(rolled).toEqual(plain);
	});

	it('answers undefined for an unknown import and lists imports with who brought them', async () => {
		expect(await withdrawImport(db, 99, admin, 'x')).toBeUndefined();
		await importDocument(db, Buffer.from(SEED), { fileName: 'q2.txt', actor: { name: 'li', userId: 2 } });
		const [record] = await listImports(db, null);
		expect(record).toMatchObject({ fileName: 'q2.txt', importedBy: 'li', organization: '新街街道', currentCount: 12 });
		expect(await listImports(db, [record.organizationId + 1000])).toEqual([]);
	});
});

describe('a re-import meeting confirmed statuses', () => {
	async function confirmFirst() {
		await importDocument(db, Buffer.from(SEED), { fileName: 'q2.txt' });
		const [update] = await db
			.selectFrom('updates')
			.innerJoin('tasks', 'tasks.id', 'updates.task_id')
			.select(['updates.id', 'tasks.id as taskId', 'tasks.name'])
			.where('tasks.name', '=', '深化系统治理体系')
			.execute();
		await confirmStatuses(db, [{ updateId: update.id, status: 'behind', reason: '核实' }], admin);
		return update;
	}
	const doc = (text: string) => {
		const bytes = Buffer.from(text);
		return { bytes, text, sha256: createHash('sha256').update(bytes).digest('hex'), fileName: null, format: 'text' };
	};

	it('shows the conflict in the preview, keeps the confirmation by default and says so', async () => {
		const update = await confirmFirst();
		const preview = await previewDocument(Buffer.from(SEED_LATER));
		const conflicts = await findConfirmedConflicts(db, preview.draft, doc(SEED_LATER), preview.organization);
		expect(conflicts).toEqual([
			expect.objectContaining({
				taskId: update.taskId,
				taskName: '深化系统治理体系',
				confirmed: expect.objectContaining({ status: 'behind', by: 'wang', reason: '核实' })
			})
		]);
		const { result } = await importDocument(db, Buffer.from(SEED_LATER));
		expect(result.keptConfirmedCount).toBe(1);
		const current = await db
			.selectFrom('updates')
			.select(['status', 'status_source'])
			.where('task_id', '=', update.taskId)
			.where('superseded_at', 'is', null)
			.execute();
		expect(current).toEqual([{ status: 'behind', status_source: 'confirmed' }]);
		const [rolled, plain] = await rollupsAndPlainCounts(db);
		expect(rolled).toEqual(plain);
	});

	it('takes the new reading for the tasks the editor chose', async () => {
		const update = await confirmFirst();
		const { result } = await importDocument(db, Buffer.from(SEED_LATER), { replaceConfirmed: [update.taskId] });
		expect(result.keptConfirmedCount).toBe(0);
		const current = await db
			.selectFrom('updates')
			.select('status_source')
			.where('task_id', '=', update.taskId)
			.where('superseded_at', 'is', null)
			.executeTakeFirstOrThrow();
		expect(current.status_source).not.toBe('confirmed');
		const [rolled, plain] = await rollupsAndPlainCounts(db);
		expect(rolled).toEqual(plain);
	});
});
