/**
 * npm run restore -- FILE [--db PATH]
 *
 * Replaces the database with the backup FILE. The backup is checked first (integrity_check, a
 * jindu database, not written by a newer version); the database it replaces is saved beside it
 * as PATH.before-restore-<time>. Safe while the server serves: it reads the restored data on its
 * next request, no restart. An import running in another process is waited for: the backup API
 * takes the write lock between imports, never inside one. Exit code 0 when restored, 1 on failure
 * (a refused backup replaces nothing), 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import { restoreDatabase } from '../src/lib/server/db/backup';
import { DatabaseError } from '../src/lib/server/db';

const USAGE = `usage: npm run restore -- FILE [--db PATH]
  --db   database to replace (default: $DATABASE_PATH or data/jindu.db)`;

let parsed: { values: { db?: string; help?: boolean }; positionals: string[] };
try {
	parsed = parseArgs({
		allowPositionals: true,
		options: { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } }
	});
} catch (error) {
	console.error(`${(error as Error).message}\n${USAGE}`);
	process.exit(2);
}
if (parsed.values.help) {
	console.log(USAGE);
	process.exit(0);
}
if (parsed.positionals.length !== 1) {
	console.error(`give one backup file\n${USAGE}`);
	process.exit(2);
}

const target = parsed.values.db || process.env.DATABASE_PATH || 'data/jindu.db';
const [backup] = parsed.positionals;
try {
	const { restored, previous, savedAs } = await restoreDatabase(backup, target);
	if (previous && savedAs)
		console.log(
			`${target}: the database it held (${previous.sources} documents, data version ${previous.dataVersion}) is saved as ${savedAs}`
		);
	console.log(
		`${backup} → ${target}: restored ${restored.sources} documents, migration ${restored.migration}, integrity ok; ` +
			`data version now ${restored.dataVersion}`
	);
} catch (error) {
	console.error(`error: ${error instanceof DatabaseError ? error.message : String(error)}`);
	process.exit(1);
}
