// Makes sure the browser tests have Debian's chromium and CJK fonts (without them Chinese renders
// as boxes), and poppler-utils (pdftotext, pdfinfo) to read back the handout's PDF. Installs them with apt
// when running as root on Debian; elsewhere says what to run.
// @ts-check
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y --no-install-recommends chromium fonts-noto-cjk poppler-utils';

function hasCjkFont() {
	try {
		return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).includes('Noto');
	} catch {
		return false;
	}
}

if (existsSync(CHROMIUM) && hasCjkFont() && existsSync('/usr/bin/pdftotext')) process.exit(0);

const isDebian = existsSync('/etc/debian_version');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isDebian || !isRoot) {
	console.error(
		`The browser tests need ${CHROMIUM}, the Noto CJK fonts and poppler-utils. Install them with:\n  sudo sh -c '${INSTALL}'`
	);
	process.exit(1);
}
console.log('[jindu] installing chromium and fonts-noto-cjk for the browser tests…');
execSync(INSTALL, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
