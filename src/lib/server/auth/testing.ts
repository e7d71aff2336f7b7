/** A small organization tree and accounts on it, for the tests of accounts, login and the pages that check roles. */
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { hashPassword } from './password';
import { createSession, userOfToken } from './session';
import type { Role, SessionUser } from '$lib/types/auth';

export interface AuthWorld {
	db: DB;
	/** 萧山区 › 新街街道, 城厢街道; 滨江区 › 西兴街道. */
	org: Record<'district' | 'street' | 'otherStreet' | 'otherDistrict' | 'otherDistrictStreet', number>;
}

export const TEST_PASSWORD = 'correct horse battery';

export async function openAuthWorld(): Promise<AuthWorld> {
	const db = await openTestDatabase();
	const add = async (name: string, parent: number | null) =>
		(await db.insertInto('organizations').values({ name, parent_id: parent }).returning('id').executeTakeFirstOrThrow())
			.id;
	const district = await add('萧山区', null);
	const street = await add('新街街道', district);
	const otherStreet = await add('城厢街道', district);
	const otherDistrict = await add('滨江区', null);
	const otherDistrictStreet = await add('西兴街道', otherDistrict);
	return { db, org: { district, street, otherStreet, otherDistrict, otherDistrictStreet } };
}

let passwordHash: Promise<string> | undefined;

/** An account with one grant (or none) and the test password; hashed once per test file, since scrypt is slow on purpose. */
export async function addUser(db: DB, name: string, role: Role | null, organizationId?: number): Promise<number> {
	passwordHash ??= hashPassword(TEST_PASSWORD);
	const user = await db
		.insertInto('users')
		.values({ name, password_hash: await passwordHash })
		.returning('id')
		.executeTakeFirstOrThrow();
	if (role && organizationId !== undefined)
		await db.insertInto('user_grants').values({ user_id: user.id, role, organization_id: organizationId }).execute();
	return user.id;
}

/** The account as a request with its session sees it. */
export async function sessionOf(db: DB, userId: number): Promise<{ token: string; user: SessionUser }> {
	const { token } = await createSession(db, userId);
	return { token, user: (await userOfToken(db, token))! };
}
