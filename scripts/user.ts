/**
 * npm run user -- add NAME --role admin --org 萧山区 [--password-stdin] | list | disable NAME | enable NAME | passwd NAME
 *
 * Accounts from the shell: the first admin, and what an operator needs when nobody can sign in. Every
 * change is an audit row naming the shell user. The commands are src/lib/server/auth/user-command.ts.
 */
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { explainDatabaseError, openDatabase } from '../src/lib/server/db';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { USER_USAGE, parseUserArgs, runUserCommand, UsageError } from '../src/lib/server/auth/user-command';

let values: ReturnType<typeof parseUserArgs>['values'];
try {
	values = parseUserArgs(process.argv.slice(2)).values;
} catch (error) {
	console.error(`${(error as UsageError).message}\n${USER_USAGE}`);
	process.exit(2);
}
if (values.help) {
	console.log(USER_USAGE);
	process.exit(0);
}

/** Everything on standard input, less the line break a `echo … |` adds. */
async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks)
		.toString('utf8')
		.replace(/\r?\n$/, '');
}

/** One line typed on the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
	return new Promise((resolve) => {
		const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
		const output = rl as unknown as { _writeToOutput: (s: string) => void };
		process.stderr.write(question);
		output._writeToOutput = () => undefined;
		rl.question('', (answer) => {
			rl.close();
			process.stderr.write('\n');
			resolve(answer);
		});
	});
}

async function readPassword(): Promise<string> {
	if (values['password-stdin']) return readStdin();
	if (!process.stdin.isTTY) throw new UsageError('no terminal to ask the password on: pipe it with --password-stdin');
	const first = await askHidden('password (at least 10 characters): ');
	const second = await askHidden('again: ');
	if (first !== second) throw new UsageError('the two passwords differ');
	return first;
}

const file = values.db || process.env.DATABASE_PATH || 'data/jindu.db';
let db;
try {
	db = openDatabase(file);
	await migrateToLatest(db);
} catch (error) {
	console.error(explainDatabaseError(error, file) ?? (error instanceof Error ? error.message : String(error)));
	process.exit(1);
}
const shellUser = { name: userInfo().username, userId: null, grants: null };
const code = await runUserCommand(db, process.argv.slice(2), shellUser, {
	out: (line) => console.log(line),
	err: (line) => console.error(line),
	readPassword
});
await db.destroy();
process.exit(code);
