import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { originProblem, withLocalOrigin } from './server-env.js';

describe('ORIGIN at start', () => {
	it('is required in production', () => {
		expect(originProblem({ NODE_ENV: 'production' })).toMatch(/^ORIGIN is not set: in production set it/);
		expect(originProblem({ NODE_ENV: 'production', ORIGIN: 'https://jindu.example' })).toBeNull();
		expect(originProblem({})).toBeNull();
	});
	it('defaults to this machine outside production, and says so', () => {
		expect(withLocalOrigin({}, '3000')).toEqual({
			env: { ORIGIN: 'http://localhost:3000' },
			note: expect.stringContaining('http://localhost:3000 only')
		});
		expect(withLocalOrigin({ ORIGIN: 'https://x' }, '3000')).toEqual({ env: { ORIGIN: 'https://x' }, note: null });
	});
	it.each(['scripts/start.js', 'scripts/serve.js'])('%s stops with the message and exit code 1', async (script) => {
		const result = await new Promise<{ code: number | null; stderr: string }>((resolve) =>
			execFile(
				process.execPath,
				[script],
				{ env: { ...process.env, NODE_ENV: 'production', ORIGIN: '' }, encoding: 'utf8' },
				(error, _stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stderr })
			)
		);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/^\[jindu\] cannot start: ORIGIN is not set/);
	});
});
