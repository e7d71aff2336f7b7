import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { importDocument } from '../import';
import { confirmStatuses, currentUpdateIds, getConfirmTargets, StaleUpdateError } from './confirmations';
import { getDataVersion } from './rollups';
import { rollupsAndPlainCounts, SEED } from './staff-testing';

const editor = { name: 'li', userId: 7 };
let db: DB;
let periodId: number;
let inferred: number[];

beforeEach(async () => {
	db = await openTestDatabase();
	const { result } = await importDocument(db, Buffer.from(SEED), { fileName: 'xinjie.txt' });
	periodId = result.periodId;
	const rows = await db
		.selectFrom('updates')
		.select('id')
		.where('status_source', '=', 'inferred')
		.where('superseded_at', 'is', null)
		.orderBy('id')
		.execute();
	inferred = rows.map((r) => r.id);
});

describe('confirmStatuses', () => {
	it('makes the person the source, keeps the reading as history and counts it under confirmed', async () => {
		const [first, second] = inferred;
		const [reading] = await getConfirmTargets(db, [first]);
		const version = await getDataVersion(db);
		const other = reading.status === 'behind' ? 'on_track' : 'behind';
		await confirmStatuses(
			db,
			[
				{ updateId: first, status: reading.status, reason: null },
				{ updateId: second, status: other, reason: '现场核实' }
			],
			editor
		);
		const [now] = await currentUpdateIds(db, [reading.taskId], periodId);
		const row = await db.selectFrom('updates').selectAll().where('id', '=', now).executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			status_source: 'confirmed',
			status: reading.status,
			confirmed_by: 'li',
			confirmed_by_user_id: 7
		});
		const old = await db.selectFrom('updates').selectAll().where('id', '=', first).executeTakeFirstOrThrow();
		expect(old.status_source).toBe('inferred');
		expect(old.superseded_at).toBe(row.created_at);
		const [rolled, plain] = await rollupsAndPlainCounts(db);
		expect(rolled).toEqual(plain);
		expect(plain.some((line) => line.includes('|confirmed|'))).toBe(true);
		expect(await getDataVersion(db)).toBeGreaterThan(version);
		const audit = await db.selectFrom('audit_events').selectAll().orderBy('id').execute();
		expect(audit.map((a) => [a.kind, a.actor, a.reason])).toEqual([
			['status_confirm', 'li', null],
			['status_correct', 'li', '现场核实']
		]);
		expect(JSON.parse(audit[1].after!)).toMatchObject({ status: other, statusSource: 'confirmed' });
	});

	it('writes nothing when one of the updates is no longer current', async () => {
		const [first, second] = inferred;
		await confirmStatuses(db, [{ updateId: first, status: 'on_track', reason: null }], editor);
		const before = await db.selectFrom('updates').select('id').execute();
		await expect(
			confirmStatuses(
				db,
				[
					{ updateId: second, status: 'on_track', reason: null },
					{ updateId: first, status: 'behind', reason: null }
				],
				editor
			)
		).rejects.toBeInstanceOf(StaleUpdateError);
		expect(await db.selectFrom('updates').select('id').execute()).toEqual(before);
		expect(await db.selectFrom('audit_events').select('id').execute()).toHaveLength(1);
	});
});
