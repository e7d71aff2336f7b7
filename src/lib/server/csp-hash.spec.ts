import { describe, expect, it } from 'vitest';
// Kit's own implementation, which vite.config.ts replaces by csp-hash.ts in the server build.
// @ts-expect-error -- an internal module of Kit's, typed by JSDoc only: no declaration file to check it against
import { sha256 as kitSha256 } from '../../../node_modules/@sveltejs/kit/src/runtime/server/page/crypto.js';
import { sha256 } from './csp-hash';

describe('sha256 for the CSP', () => {
	it.each([
		['empty', ''],
		['ASCII', '__sveltekit_1x2y = { base: new URL(".", location).pathname.slice(0, -1) };'],
		['Chinese and an astral character', '{"name":"新街街道","q":"数字化改造 𠀀"}'],
		['longer than one block, and than 64 KB', 'kit.start(app, element, { data: [' + 'x'.repeat(70_000) + '] });']
	])('gives the digest Kit computes: %s', (_, text) => {
		expect(sha256(text)).toBe(kitSha256(text));
	});

	it('is the standard SHA-256 in base64', () => {
		expect(sha256('abc')).toBe('ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=');
	});
});
