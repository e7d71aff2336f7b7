import { defineConfig } from '@playwright/test';

// E2E_PORT lets two runs on one machine (two work trees, or a run beside a dev server) avoid each other.
const PORT = Number(process.env.E2E_PORT || 4173);
/** The fresh database the test server runs on; tests that import into it read this variable. */
process.env.E2E_DATABASE_PATH = `test-results/e2e-${PORT}.db`;

export default defineConfig({
	testDir: 'e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list']],
	timeout: 30_000,
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		launchOptions: {
			// Debian's chromium: Playwright's own browser download cannot reach its host here.
			executablePath: '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-dev-shm-usage'
			]
		}
	},
	webServer: {
		command: 'node --max-http-header-size=131072 scripts/serve-fresh.js',
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: { PORT: String(PORT), HOST: '127.0.0.1', DATABASE_PATH: process.env.E2E_DATABASE_PATH }
	}
});
