/**
 * `npm run user -- add|list|disable|enable|passwd …`: the accounts from the shell, for the first admin and
 * for operators. The rules are the admin pages' (src/lib/server/auth/accounts.ts); the actor is the shell
 * user, with no limit (whoever runs this can read the database file anyway), and every change is an
 * audit row naming them with actor_user_id null. scripts/user.ts opens the database and reads the
 * password; this module is the rest, so tests run it in-process.
 */
import { parseArgs } from 'node:util';
import type { DB } from '../db';
import * as accounts from '../queries/accounts';
import { AccountError, addAccount, setAccountDisabled, setAccountPassword, type Actor } from './accounts';
import { ROLES } from '$lib/types/auth';

export const USER_USAGE = `usage: npm run user -- add NAME --role viewer|editor|admin --org ORGANIZATION [--display-name N] [--password-stdin]
       npm run user -- list
       npm run user -- disable NAME | enable NAME
       npm run user -- passwd NAME [--password-stdin]
  --org             the organization by name; 市/区/街道 when the name alone is ambiguous
  --password-stdin  read the password from standard input (otherwise it is asked twice on a terminal)
  --db              database file (default: $DATABASE_PATH or data/jindu.db)`;

export interface CommandIo {
	out: (line: string) => void;
	err: (line: string) => void;
	/** The new password: from standard input, or asked twice on a terminal. */
	readPassword: () => Promise<string>;
}

/** A mistake in how the command was called: exit code 2 with the usage. */
export class UsageError extends Error {}

export function parseUserArgs(argv: string[]) {
	try {
		const { values, positionals } = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				role: { type: 'string' },
				org: { type: 'string' },
				'display-name': { type: 'string' },
				'password-stdin': { type: 'boolean', default: false },
				db: { type: 'string' },
				help: { type: 'boolean', short: 'h', default: false }
			}
		});
		return { values, positionals };
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
}

/** One organization by name, or by a chain 市/区/街道; none or several is an error listing the candidates. */
export async function findOrganization(db: DB, text: string): Promise<number> {
	const chain = text
		.split('/')
		.map((s) => s.trim())
		.filter(Boolean);
	const name = chain.at(-1) ?? '';
	const matches = (await accounts.findOrganizationsByName(db, name)).filter((o) =>
		chain.every((part, i) => o.path.at(i - chain.length) === part)
	);
	if (matches.length === 1) return matches[0].id;
	if (matches.length > 1)
		throw new AccountError(
			'notFound',
			`--org ${text}: ${matches.length} organizations have that name; name one by its chain: ${matches.map((m) => m.path.join('/')).join(', ')}`
		);
	const similar = await accounts.searchOrganizations(db, name);
	throw new AccountError(
		'notFound',
		`--org ${text}: no such organization${similar.length > 0 ? `; did you mean: ${similar.join(', ')}` : ''}`
	);
}

async function namedAccount(db: DB, name: string | undefined) {
	if (!name) throw new UsageError('name the account');
	const account = await accounts.getAccountByName(db, name);
	if (!account) throw new AccountError('notFound', `no account “${name}”`);
	return account;
}

function describe(account: accounts.AccountRow): string {
	const grants = account.grants.map((g) => `${g.role}@${g.organizationName}`).join(' ') || '(no grant)';
	const shown = account.displayName ? ` (${account.displayName})` : '';
	return `${account.name}${shown}\t${grants}${account.disabledAt ? '\tdisabled' : ''}`;
}

/** Runs one command; the exit code: 0 done, 1 refused (the reason on standard error), 2 bad usage. */
export async function runUserCommand(db: DB, argv: string[], actor: Actor, io: CommandIo): Promise<number> {
	try {
		const { values, positionals } = parseUserArgs(argv);
		const [command, name, ...extra] = positionals;
		if (extra.length > 0) throw new UsageError(`unexpected: ${extra.join(' ')}`);
		if (command === 'list') {
			for (const account of await accounts.listAccounts(db)) io.out(describe(account));
		} else if (command === 'add') {
			if (!name) throw new UsageError('add: name the account');
			if (!values.role || !(ROLES as readonly string[]).includes(values.role))
				throw new UsageError(`add: --role ${ROLES.join('|')} is required`);
			if (!values.org) throw new UsageError('add: --org is required');
			const organizationId = await findOrganization(db, values.org);
			const password = await io.readPassword();
			const displayName = values['display-name'] ?? null;
			const input = { name, displayName, password, role: values.role, organizationId };
			io.out(`added ${describe(await addAccount(db, actor, input))}`);
		} else if (command === 'disable' || command === 'enable') {
			const account = await namedAccount(db, name);
			io.out(`${command}d ${describe(await setAccountDisabled(db, actor, account.id, command === 'disable'))}`);
		} else if (command === 'passwd') {
			const account = await namedAccount(db, name);
			await setAccountPassword(db, actor, account.id, await io.readPassword());
			io.out(`password changed for ${account.name}; its sessions have ended`);
		} else {
			throw new UsageError(command ? `unknown command “${command}”` : 'no command given');
		}
		return 0;
	} catch (error) {
		if (error instanceof UsageError) {
			io.err(`${error.message}\n${USER_USAGE}`);
			return 2;
		}
		if (error instanceof AccountError) {
			io.err(error.message);
			return 1;
		}
		throw error;
	}
}
