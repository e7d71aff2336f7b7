/**
 * The Chromium jindu drives — the browser tests, the benchmark's first-chart timing and the handout's PDF —
 * and the flags all three launch it with: headless, no sandbox in a container, nothing fetched. No imports,
 * so playwright.config.ts can read it too.
 */

/** Where Debian, Ubuntu and Chrome packages put the browser (the PDF printer's CHROMIUM_PATH names another). */
export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage'
];
