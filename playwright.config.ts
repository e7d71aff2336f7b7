import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './src/lib/server/chromium';
import { SERVER_NODE_FLAGS } from './scripts/server-env.js';

// E2E_PORT lets two runs on one machine (two work trees, or a run beside a dev server) avoid each other.
const PORT = Number(process.env.E2E_PORT || 4173);
/** The server on the generated city database; e2e/city.ts gives its address to the tests. */
const CITY_PORT = PORT + 2;
process.env.E2E_CITY_URL = `http://127.0.0.1:${CITY_PORT}`;
/** The fresh database the test server runs on; tests that import into it read this variable. */
process.env.E2E_DATABASE_PATH = `test-results/e2e-${PORT}.db`;
/** A second fresh server with JINDU_READ=login (e2e/accounts.spec.ts), on its own database. */
const READ_LOGIN_PORT = PORT + 3;
process.env.E2E_READ_LOGIN_URL = `http://127.0.0.1:${READ_LOGIN_PORT}`;
process.env.E2E_READ_LOGIN_DATABASE_PATH = `test-results/e2e-read-login-${PORT}.db`;

export default defineConfig({
	testDir: 'e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list']],
	timeout: 30_000,
	use: {
		// Charts drawn at once, as for a reader who asks for less motion (EChart.svelte). The suite's time is
		// Chromium's (≈ 85% of the CPU it uses); four overview files, run after each other without and with this,
		// took 336 → 295 s of Chromium's CPU and 220 → 195 s. The whole suite's time varies more than that from one
		// run to the next (10.4 and 10.9 min). e2e/overview.spec.ts checks that charts still animate unasked.
		reducedMotion: 'reduce',
		baseURL: `http://127.0.0.1:${PORT}`,
		// A picture of the page where a test failed, in test-results/.
		screenshot: 'only-on-failure',
		launchOptions: {
			// Debian's chromium: Playwright's own browser download cannot reach its host here.
			executablePath: '/usr/bin/chromium',
			args: CHROMIUM_ARGS
		}
	},
	webServer: [
		{
			command: `node ${SERVER_NODE_FLAGS.join(' ')} scripts/serve-fresh.js`,
			url: `http://127.0.0.1:${PORT}/`,
			reuseExistingServer: false,
			timeout: 60_000,
			// ORIGIN: the address the browser opens, so SvelteKit's origin check accepts the login form's POST.
			env: {
				PORT: String(PORT),
				HOST: '127.0.0.1',
				DATABASE_PATH: process.env.E2E_DATABASE_PATH,
				ORIGIN: `http://127.0.0.1:${PORT}`
			}
		},
		{
			// Reading needs an account: the bundled reports only (no sample), one process.
			command: 'node scripts/serve-fresh.js',
			url: `http://127.0.0.1:${READ_LOGIN_PORT}/healthz`,
			reuseExistingServer: false,
			timeout: 60_000,
			env: {
				PORT: String(READ_LOGIN_PORT),
				HOST: '127.0.0.1',
				DATABASE_PATH: process.env.E2E_READ_LOGIN_DATABASE_PATH,
				ORIGIN: process.env.E2E_READ_LOGIN_URL,
				JINDU_READ: 'login',
				JINDU_SAMPLE: '0'
			}
		},
		{
			// The generated city database, read-only (e2e/city.ts): generated on the first run, ~30 s.
			command: 'node scripts/serve-city.js',
			url: `http://127.0.0.1:${CITY_PORT}/healthz`,
			reuseExistingServer: false,
			timeout: 240_000,
			env: { PORT: String(CITY_PORT), HOST: '127.0.0.1' }
		}
	]
});
