/**
 * The operator's commands as run from a shell: a database that cannot be opened is one clear
 * line and exit code 1 (no stack trace), backup and restore round-trip, and every import leaves
 * one structured log line.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'jindu-ops-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a CLI script; resolves with its exit code and output whether it failed or not. */
async function script(name: string, ...args: string[]) {
	try {
		const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`, ...args], {
			encoding: 'utf8',
			env: { ...process.env, LOG_FORMAT: 'json' }
		});
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
	}
}

const REPORT = 'data/reports/xinjie-2024-q2.txt';

describe('a database that cannot be opened', () => {
	it.each([
		[
			'in a directory that does not exist',
			() => path.join(dir, 'missing', 'x.db'),
			/^error: .*x\.db: the directory .*missing does not exist$/
		],
		[
			'that is not a database',
			() => {
				const file = path.join(dir, 'notes.db');
				writeFileSync(file, 'not a database '.repeat(400));
				return file;
			},
			/^error: .*notes\.db: not a jindu database, or damaged \(SQLITE_NOTADB\)/
		]
	])('import: %s is one line, exit code 1', async (_, make, message) => {
		const { code, stderr } = await script('import', '--db', make(), REPORT);
		expect(code).toBe(1);
		expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
	});
});

describe('backup and restore from the shell', () => {
	it('imports with a log line, backs up, refuses to overwrite, restores', async () => {
		const live = path.join(dir, 'live.db');
		const imported = await script('import', '--db', live, REPORT);
		expect(imported.code).toBe(0);
		const line = JSON.parse(imported.stderr.trim());
		expect(line).toMatchObject({
			msg: 'import',
			file: REPORT,
			outcome: 'imported',
			tasks: 12,
			period: '2024 第二季度'
		});
		expect(line.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(line.organization).toBe('杭州市/萧山区/新街街道');

		const copy = path.join(dir, 'copy.db');
		expect(await script('backup', '--db', live, copy)).toMatchObject({
			code: 0,
			stdout: expect.stringContaining('1 documents')
		});
		expect(await script('backup', '--db', live, copy)).toMatchObject({
			code: 1,
			stderr: expect.stringContaining('give --force')
		});
		const restored = await script('restore', '--db', path.join(dir, 'other.db'), copy);
		expect(restored).toMatchObject({ code: 0, stdout: expect.stringContaining('restored 1 documents') });
		expect(await script('restore', '--db', live, path.join(dir, 'none.db'))).toMatchObject({
			code: 1,
			stderr: expect.stringContaining('none.db: no such file')
		});
	});
});
