import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort, soak, soakFailures, startServer } from '../scripts/soak-run';

// The short form of `npm run soak`: its own server and database, so the other tests' data is untouched.
test('under keep-alive load over distinct pages, concurrent imports: no failed request, each import visible at once, integrity ok', async () => {
	test.setTimeout(90_000);
	const workDir = path.resolve('test-results/soak');
	rmSync(workDir, { recursive: true, force: true });
	mkdirSync(workDir, { recursive: true });
	const database = path.join(workDir, 'soak.db');
	const port = await freePort();
	const server = await startServer(port, database);
	try {
		const result = await soak({
			base: `http://127.0.0.1:${port}`,
			database,
			workDir,
			duration: 10,
			urls: 60,
			imports: 2,
			connections: 32
		});
		expect(soakFailures(result)).toEqual([]);
		expect(result.importsVisible).toBe(2);
		expect(result.requests).toBeGreaterThan(100);
	} finally {
		server.kill();
	}
});
