/**
 * The compiled CLIs: every scripts/NAME.ts but tests is bundled, runs without a TypeScript compiler,
 * and is rebuilt by the launcher when a file it was made from changes.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCli, bundlePath, cliNames, isStale } from './cli-build.js';

const run = promisify(execFile);
const root = mkdtempSync(path.join(tmpdir(), 'jindu-cli-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A tiny project: scripts/hello.ts imports a TypeScript module from src/ and a test beside it. */
function writeProject(greeting: string) {
	mkdirSync(path.join(root, 'scripts'), { recursive: true });
	mkdirSync(path.join(root, 'src'), { recursive: true });
	writeFileSync(
		path.join(root, 'scripts/hello.ts'),
		"import { greet } from '../src/greet';\nconsole.log(greet(process.argv.slice(2).join(' ')));\n"
	);
	writeFileSync(path.join(root, 'scripts/hello.spec.ts'), 'export {};\n');
	writeFileSync(
		path.join(root, 'src/greet.ts'),
		`export const greet = (who: string): string => '${greeting} ' + who;\n`
	);
}

describe('compiled CLIs', () => {
	it('lists every script but tests, and reports a missing bundle as stale', () => {
		writeProject('你好');
		expect(cliNames(root)).toEqual(['hello']);
		expect(isStale(root, 'hello')).toBe(true);
	});

	it('bundles a script with the modules it imports into plain JavaScript that node runs', async () => {
		await buildCli(root);
		expect(isStale(root, 'hello')).toBe(false);
		const { stdout } = await run(process.execPath, [bundlePath(root, 'hello'), '世界'], { encoding: 'utf8' });
		expect(stdout).toBe('你好 世界\n');
	});

	it('is stale once a module it was made from is newer, and fresh again after a rebuild', async () => {
		writeProject('再见');
		const later = new Date(Date.now() + 60_000);
		utimesSync(path.join(root, 'src/greet.ts'), later, later);
		expect(isStale(root, 'hello')).toBe(true);
		await buildCli(root, ['hello']);
		utimesSync(bundlePath(root, 'hello'), later, later);
		expect(isStale(root, 'hello')).toBe(false);
		const { stdout } = await run(process.execPath, [bundlePath(root, 'hello'), '世界'], { encoding: 'utf8' });
		expect(stdout).toBe('再见 世界\n');
	});
});

describe('scripts/cli.js', () => {
	it('refuses an unknown command with the list of commands', async () => {
		await expect(run(process.execPath, ['scripts/cli.js', 'nonesuch'], { encoding: 'utf8' })).rejects.toMatchObject({
			code: 2,
			stderr: expect.stringContaining('import')
		});
	});
});
