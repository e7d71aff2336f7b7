import { beforeEach, describe, expect, it } from 'vitest';
import { openAuthWorld, type AuthWorld } from './testing';
import { runUserCommand } from './user-command';
import type { Actor } from './accounts';

let world: AuthWorld;
const shell: Actor = { name: 'operator', userId: null, grants: null };

beforeEach(async () => {
	world = await openAuthWorld();
});

async function run(argv: string, password = 'a long enough password') {
	const out: string[] = [];
	const err: string[] = [];
	const code = await runUserCommand(world.db, argv.split(' '), shell, {
		out: (l) => out.push(l),
		err: (l) => err.push(l),
		readPassword: async () => password
	});
	return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run user', () => {
	it('adds the first admin, lists, disables, enables and changes the password, each an audit row by the shell user', async () => {
		expect(await run('add boss --role admin --org 萧山区 --display-name 王五')).toEqual({
			code: 0,
			out: 'added boss (王五)\tadmin@萧山区',
			err: ''
		});
		expect((await run('disable boss')).out).toBe('disabled boss (王五)\tadmin@萧山区\tdisabled');
		expect((await run('enable boss')).code).toBe(0);
		expect((await run('passwd boss', 'another long password')).code).toBe(0);
		expect((await run('list')).out).toBe('boss (王五)\tadmin@萧山区');
		const rows = await world.db.selectFrom('audit_events').select(['kind', 'actor', 'actor_user_id']).execute();
		expect(rows.map((r) => `${r.kind} ${r.actor} ${r.actor_user_id}`)).toEqual([
			'account_add operator null',
			'account_disable operator null',
			'account_change operator null',
			'account_change operator null'
		]);
	});
	it('names an organization by its chain when its name is ambiguous, and lists the candidates', async () => {
		await world.db
			.insertInto('organizations')
			.values({ name: '新街街道', parent_id: world.org.otherDistrict })
			.execute();
		const ambiguous = await run('add li --role editor --org 新街街道');
		expect(ambiguous.code).toBe(1);
		expect(ambiguous.err).toBe(
			'--org 新街街道: 2 organizations have that name; name one by its chain: 萧山区/新街街道, 滨江区/新街街道'
		);
		expect((await run('add li --role editor --org 滨江区/新街街道')).out).toBe('added li\teditor@新街街道');
	});
	it.each([
		['add li --role editor --org 新街', 1, '--org 新街: no such organization; did you mean: 新街街道'],
		['add li --role editor --org 上城区', 1, '--org 上城区: no such organization'],
		['add li --role owner --org 萧山区', 2, 'add: --role viewer|editor|admin is required'],
		['add li --role editor', 2, 'add: --org is required'],
		['disable nobody', 1, 'no account “nobody”'],
		['frob', 2, 'unknown command “frob”'],
		['add li --role editor --org 萧山区 --colour red', 2, "Unknown option '--colour'"]
	])('%s → exit %i: %s', async (argv, code, message) => {
		const result = await run(argv);
		expect(result.code).toBe(code);
		expect(result.err.split('\n')[0]).toContain(message);
	});
	it('refuses a short password and writes nothing', async () => {
		const result = await run('add li --role editor --org 萧山区', 'short');
		expect(result).toMatchObject({ code: 1, err: 'password: at least 10 characters' });
		expect(await world.db.selectFrom('users').selectAll().execute()).toEqual([]);
	});
});
