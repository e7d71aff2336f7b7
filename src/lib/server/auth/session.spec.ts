import { beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import type { DB } from '../db';
import { createSession, endSession, hashToken, userOfToken } from './session';

let db: DB;
let userId: number;

beforeEach(async () => {
	db = await openTestDatabase();
	const org = await db
		.insertInto('organizations')
		.values({ name: '新街街道', parent_id: null })
		.returning('id')
		.executeTakeFirstOrThrow();
	userId = (await db.insertInto('users').values({ name: 'li' }).returning('id').executeTakeFirstOrThrow()).id;
	await db.insertInto('user_grants').values({ user_id: userId, role: 'editor', organization_id: org.id }).execute();
});

describe('sessions', () => {
	it('stores only the hash of the token and finds the account with its grants', async () => {
		const { token } = await createSession(db, userId);
		const stored = await db.selectFrom('sessions').select('token_hash').execute();
		expect(stored).toEqual([{ token_hash: hashToken(token) }]);
		expect(stored[0].token_hash).not.toContain(token);
		expect(await userOfToken(db, token)).toMatchObject({ id: userId, name: 'li', grants: [{ role: 'editor' }] });
	});
	it('knows nobody for an unknown, expired or ended session, or a disabled account', async () => {
		const { token, expires } = await createSession(db, userId);
		expect(await userOfToken(db, 'nonsense')).toBeNull();
		expect(await userOfToken(db, undefined)).toBeNull();
		expect(await userOfToken(db, token, new Date(expires.getTime() + 1))).toBeNull();
		await db.updateTable('users').set({ disabled_at: '2026-01-01' }).execute();
		expect(await userOfToken(db, token)).toBeNull();
		await db.updateTable('users').set({ disabled_at: null }).execute();
		await endSession(db, token);
		expect(await userOfToken(db, token)).toBeNull();
	});
});
