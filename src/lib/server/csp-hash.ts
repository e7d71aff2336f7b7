/**
 * The SHA-256 behind the Content-Security-Policy's script hashes (svelte.config.js, mode 'hash'), for SvelteKit.
 * Kit hashes every page's inline start script, page data included, with a SHA-256 written in JavaScript
 * (runtime/server/page/crypto.js) so that it runs on any runtime; under the mixed load that was 2% of the
 * server's busy time. On Node the native hash gives the same base64 digest for a fraction of it:
 * vite.config.ts resolves Kit's import of its crypto.js to this module in the server build.
 */
import { createHash } from 'node:crypto';

/** The SHA-256 of `data`'s UTF-8 bytes, base64: what a CSP `sha256-…` source names. */
export function sha256(data: string): string {
	return createHash('sha256').update(data, 'utf8').digest('base64');
}
