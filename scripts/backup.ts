/**
 * npm run backup -- FILE [--db PATH] [--force]
 *
 * Writes a consistent copy of the database to FILE with SQLite's online backup API: safe while
 * the server serves and imports run. The copy is one self-contained file (no -wal beside it),
 * checked with integrity_check before it takes FILE's name. Exit code 0 when written, 1 on
 * failure, 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import { backupDatabase } from '../src/lib/server/db/backup';
import { DatabaseError } from '../src/lib/server/db';

const USAGE = `usage: npm run backup -- FILE [--db PATH] [--force]
  --db      database to back up (default: $DATABASE_PATH or data/jindu.db)
  --force   replace FILE when it exists`;

let parsed: { values: { db?: string; force?: boolean; help?: boolean }; positionals: string[] };
try {
	parsed = parseArgs({
		allowPositionals: true,
		options: { db: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }
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

const source = parsed.values.db || process.env.DATABASE_PATH || 'data/jindu.db';
const [target] = parsed.positionals;
const started = performance.now();
try {
	const copy = await backupDatabase(source, target, { force: parsed.values.force });
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(
		`${source} → ${target}: ${copy.sources} documents, data version ${copy.dataVersion}, migration ${copy.migration}, ` +
			`${(copy.bytes / 1024 / 1024).toFixed(1)} MiB, integrity ok (${seconds} s)`
	);
} catch (error) {
	console.error(`error: ${error instanceof DatabaseError ? error.message : String(error)}`);
	process.exit(1);
}
