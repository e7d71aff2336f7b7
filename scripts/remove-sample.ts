/**
 * npm run sample:remove [-- --db PATH]
 *
 * Removes the sample organization (示例数据) that `npm start` adds to a new database, with
 * everything under it, in one transaction. Real reports are not touched. Exit code 0 when done
 * (also when there was nothing to remove), 1 on failure, 2 on bad usage.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/lib/server/db';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { removeSampleData } from '../src/lib/server/queries/sample';

const USAGE = `usage: npm run sample:remove [-- --db PATH]
  --db   database file (default: $DATABASE_PATH or data/jindu.db)`;

let values: { db?: string; help?: boolean };
try {
	values = parseArgs({ options: { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values;
} catch (error) {
	console.error(`${(error as Error).message}\n${USAGE}`);
	process.exit(2);
}
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}

const file = values.db || process.env.DATABASE_PATH || 'data/jindu.db';
if (!existsSync(file)) {
	console.error(`${file}: no such database`);
	process.exit(1);
}
const db = openDatabase(file);
try {
	await migrateToLatest(db);
	const removed = await removeSampleData(db);
	if (removed.organizations.length === 0) console.log(`${file}: no sample data; nothing removed`);
	else {
		console.log(
			`${file}: removed sample organizations ${removed.organizations.join(', ')} with ${removed.plans} plans, ` +
				`${removed.sources} source documents, ${removed.tasks} tasks, ${removed.updates} updates, ` +
				`${removed.flags} quality flags and ${removed.periods} periods no other report uses`
		);
	}
} catch (error) {
	console.error(`${file}: error: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
} finally {
	await db.destroy();
}
