/**
 * npm run soak [-- --duration 30 --urls 1000 --imports 6 --connections 32]
 *
 * Builds the app, starts it on a new database (bundled reports and the sample organization), and
 * runs the load-while-writing check of scripts/soak-run.ts: 32 keep-alive connections over many
 * distinct URLs while the import CLI imports reports in other processes. Prints the figures;
 * exit code 1 when any request failed, an import failed or was not visible at once, or
 * integrity_check is not ok.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, soak, soakFailures, startServer } from './soak-run';

const { values } = parseArgs({
	options: {
		duration: { type: 'string', default: '30' },
		urls: { type: 'string', default: '1000' },
		imports: { type: 'string', default: '6' },
		connections: { type: 'string', default: '32' }
	}
});
const workDir = mkdtempSync(path.join(tmpdir(), 'jindu-soak-'));
const database = path.join(workDir, 'soak.db');
const port = await freePort();
const server = await startServer(port, database);
try {
	const result = await soak({
		base: `http://127.0.0.1:${port}`,
		database,
		workDir,
		duration: Number(values.duration),
		urls: Number(values.urls),
		imports: Number(values.imports),
		connections: Number(values.connections)
	});
	console.log(JSON.stringify(result, null, 2));
	const failures = soakFailures(result);
	for (const failure of failures) console.error(`FAIL ${failure}`);
	if (failures.length === 0) console.log('soak passed');
	process.exitCode = failures.length > 0 ? 1 : 0;
} finally {
	server.kill();
	rmSync(workDir, { recursive: true, force: true });
}
