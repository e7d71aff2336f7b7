import { execFile, execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS, originProblem, withLocalOrigin } from './server-env.js';

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

describe("the server's Node flags", () => {
	/** The young generation's size (MB) once a process started with `flags` has allocated a while, keeping some. */
	const youngGeneration = (flags: string[]) =>
		Number(
			execFileSync(process.execPath, [
				...flags,
				'-e',
				`let kept = [];
				for (let i = 0; i < 3e6; i++) { kept.push({ i }); if (kept.length > 4e5) kept = []; }
				const young = require('v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
				process.stdout.write(String(young.space_size / 2 ** 20));`
			]).toString()
		);
	it('give the young generation room to grow past Node’s default', () => {
		// Two semi-spaces: 2 × 32 MB with the flag; Node's default (2 × 16 MB here) depends on the machine's memory.
		expect(youngGeneration([])).toBeLessThan(64);
		expect(youngGeneration(SERVER_NODE_FLAGS)).toBe(64);
	});
});
