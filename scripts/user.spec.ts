/**
 * `npm run user` as an operator runs it — compiled through scripts/cli.js, the password piped in — against
 * a database file: the first admin, with the audit row naming the shell user.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/lib/server/db';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { verifyPassword } from '../src/lib/server/auth/password';

const dir = mkdtempSync(path.join(tmpdir(), 'jindu-user-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], stdin: string): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		const child = execFile(
			process.execPath,
			['scripts/cli.js', 'user', ...args],
			{ encoding: 'utf8' },
			(error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr })
		);
		child.stdin!.end(stdin);
	});
}

describe('npm run user', () => {
	it('creates the first admin from a piped password, as the shell user', async () => {
		const file = path.join(dir, 'jindu.db');
		const db = openDatabase(file);
		await migrateToLatest(db);
		await db.insertInto('organizations').values({ name: '萧山区', parent_id: null }).execute();
		await db.destroy();

		const added = await cli(
			['--db', file, 'add', 'boss', '--role', 'admin', '--org', '萧山区', '--password-stdin'],
			'a long enough password\n'
		);
		expect(added).toEqual({ code: 0, stdout: 'added boss\tadmin@萧山区\n', stderr: '' });
		const refused = await cli(
			['--db', file, 'add', 'boss', '--role', 'admin', '--org', '萧山区', '--password-stdin'],
			'a long enough password\n'
		);
		expect(refused).toMatchObject({ code: 1, stderr: 'name “boss”: an account of that name exists\n' });

		const check = openDatabase(file);
		const user = await check.selectFrom('users').selectAll().executeTakeFirstOrThrow();
		// The line break `echo` adds is not part of the password.
		expect(await verifyPassword('a long enough password', user.password_hash!)).toBe(true);
		const audit = await check.selectFrom('audit_events').selectAll().execute();
		expect(audit).toMatchObject([{ kind: 'account_add', actor: userInfo().username, actor_user_id: null }]);
		await check.destroy();
	});
});
