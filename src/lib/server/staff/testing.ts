/**
 * The accounts the staff route tests sign in as: anonymous, a viewer of 新街街道, an editor of
 * another street (城厢街道), the editor of 新街街道 and an admin of 萧山区 — each through a real
 * user, grant and session, as hooks.server.ts would find them.
 */
import type { DB } from '../db';
import { createSession, userOfToken } from '../auth/session';
import type { Role, SessionUser } from '$lib/types/auth';

export type Who = 'anonymous' | 'viewer' | 'otherEditor' | 'editor' | 'admin';

/** An organization by its chain of names, created where missing; its id. */
export async function organizationId(db: DB, chain: string[]): Promise<number> {
	let parent: number | null = null;
	for (const name of chain) {
		const found: { id: number } | undefined = await db
			.selectFrom('organizations')
			.select('id')
			.where('name', '=', name)
			.where((eb) => (parent === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', parent)))
			.executeTakeFirst();
		parent =
			found?.id ??
			(
				await db
					.insertInto('organizations')
					.values({ name, parent_id: parent })
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
	}
	return parent!;
}

async function signIn(db: DB, name: string, role: Role, chain: string[]): Promise<SessionUser> {
	const userId = (await db.insertInto('users').values({ name }).returning('id').executeTakeFirstOrThrow()).id;
	const organization = await organizationId(db, chain);
	await db.insertInto('user_grants').values({ user_id: userId, role, organization_id: organization }).execute();
	const { token } = await createSession(db, userId);
	return (await userOfToken(db, token))!;
}

/** The five kinds of caller, signed in (the anonymous one has no account). */
export async function staffAccounts(db: DB): Promise<Record<Who, SessionUser | undefined>> {
	const xinjie = ['杭州市', '萧山区', '新街街道'];
	return {
		anonymous: undefined,
		viewer: await signIn(db, 'viewer', 'viewer', xinjie),
		otherEditor: await signIn(db, 'other', 'editor', ['杭州市', '萧山区', '城厢街道']),
		editor: await signIn(db, 'editor', 'editor', xinjie),
		admin: await signIn(db, 'admin', 'admin', ['杭州市', '萧山区'])
	};
}

/** A POST of form fields (repeated names for lists) as a form action receives it. */
export function formPost(path: string, fields: [string, string | Blob, string?][]): { request: Request; url: URL } {
	const body = new FormData();
	for (const [name, value, fileName] of fields) {
		if (typeof value === 'string') body.append(name, value);
		else body.append(name, value, fileName);
	}
	const url = new URL(`http://localhost${path}`);
	return { request: new Request(url, { method: 'POST', body }), url };
}

/** What a guard threw, or the action's answer, as one comparable shape. */
export async function outcome(run: () => Promise<unknown>): Promise<{ status: number; location?: string } | 'done'> {
	try {
		const answer = await run();
		if (answer && typeof answer === 'object' && 'status' in answer && typeof answer.status === 'number')
			return { status: answer.status };
		return 'done';
	} catch (thrown) {
		const { status, location } = thrown as { status?: number; location?: string };
		if (typeof status !== 'number') throw thrown;
		return location === undefined ? { status } : { status, location };
	}
}
