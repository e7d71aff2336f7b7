import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Kit's CSP hashes use its JavaScript SHA-256 (runtime/server/page/crypto.js), 2% of the server's time under
 * load; on the server its import resolves to src/lib/server/csp-hash.ts, Node's native hash, same digest
 * (csp-hash.spec.ts compares them). Should Kit move that file, nothing matches and Kit's own hash is used.
 */
function nativeCspHash(): Plugin {
	const kitPage = /@sveltejs[\\/]kit[\\/]src[\\/]runtime[\\/]server[\\/]page[\\/]csp\.js$/;
	return {
		name: 'jindu:native-csp-hash',
		enforce: 'pre',
		resolveId(source, importer, options) {
			if (options?.ssr && source === './crypto.js' && importer && kitPage.test(importer))
				return fileURLToPath(new URL('./src/lib/server/csp-hash.ts', import.meta.url));
		}
	};
}

/**
 * ECharts and zrender ask `process.env.NODE_ENV` at run time for their checks and warnings; the browser's
 * build has it replaced, but the server's kept the question and `npm start` does not set NODE_ENV, so the
 * server drew its SVG charts in ECharts' development mode. Answered here, in the server's build only: the rest
 * of the server still reads NODE_ENV as set (scripts/server-env.js's ORIGIN rule).
 */
function echartsProductionOnServer(): Plugin {
	const library = /node_modules[\\/](echarts|zrender)[\\/]/;
	return {
		name: 'jindu:echarts-production-on-server',
		apply: 'build',
		transform(code, id, options) {
			if (!options?.ssr || !library.test(id) || !code.includes('process.env.NODE_ENV')) return;
			return { code: code.replaceAll('process.env.NODE_ENV', '"production"'), map: null };
		}
	};
}

/**
 * Kit gives every page an ETag: a hash of its HTML in JavaScript, character by character (0.31 ms for a whole
 * city's 151 KB overview, 0.16 ms for a unit's 77 KB one, timed alone). hooks.server.ts
 * replaces it with the data version's ETag on every page it caches, and says so in `locals.etag` before the page
 * renders: Kit's hash is skipped for those. The pages the hook leaves out (sign-in, administration) keep Kit's,
 * which answers their 304s. Should Kit reword that line, the build stops here instead of hashing again unseen.
 */
function kitEtagUnlessGiven(): Plugin {
	const render = /@sveltejs[\\/]kit[\\/]src[\\/]runtime[\\/]server[\\/]page[\\/]render\.js$/;
	const line = 'headers.set(\'etag\', `"${hash(transformed)}"`);';
	return {
		name: 'jindu:kit-etag-unless-given',
		transform(code, id, options) {
			if (!options?.ssr || !render.test(id)) return;
			if (!code.includes(line))
				this.error(`${id} no longer sets the ETag as kitEtagUnlessGiven (vite.config.ts) expects`);
			return { code: code.replace(line, `if (!event.locals.etag) ${line}`), map: null };
		}
	};
}

const SPECS = ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'];

/**
 * Spec files that replace a module (vi.mock), stub the environment or set process.env: they need modules of
 * their own, loaded afresh for the file. Found by reading the files, so a new one is never shared by mistake.
 */
function specsWithOwnModules(): string[] {
	const own =
		/\bvi\.(mock|doMock|stubEnv|stubGlobal|resetModules)\(|process\.env(\.\w+|\[[^\]]+\])\s*=[^=]|delete process\.env/;
	return ['src', 'scripts'].flatMap((dir) =>
		readdirSync(dir, { recursive: true, encoding: 'utf8' })
			.filter((file) => file.endsWith('.spec.ts'))
			.map((file) => path.posix.join(dir, file.split(path.sep).join('/')))
			.filter((file) => own.test(readFileSync(file, 'utf8')))
	);
}
const OWN_MODULES = specsWithOwnModules();

export default defineConfig({
	plugins: [nativeCspHash(), kitEtagUnlessGiven(), echartsProductionOnServer(), sveltekit()],
	build: {
		rolldownOptions: {
			output: {
				// ECharts as one chunk: left to itself, the bundler splits it in two around the modules the tooltip
				// (loaded after the first chart) shares, and two chunks gzip 4 KB worse than one. What loads on
				// demand (the tooltip, the heatmap) and the server's SVG renderer stay out of it.
				codeSplitting: {
					groups: [
						{
							name: 'echarts',
							test: /node_modules[\\/](zrender|echarts)[\\/](?!.*(component[\\/]tooltip|chart[\\/]heatmap|svg))/
						}
					]
				}
			}
		}
	},
	server: { fs: { allow: ['migrations', 'data'] } },
	// ECharts is bundled by Vite (not left to adapter-node's bundler) so echartsProductionOnServer sees it.
	ssr: { external: ['better-sqlite3'], noExternal: ['echarts', 'zrender'] },
	test: {
		// One file more than the cores: some files wait on the processes they start (the CLI tests) or on a
		// lock's timeout, and the spare worker fills that time. On 2 cores the suite took 242 s with 2
		// workers, 170 and 187 s with 3, 215 s with 4.
		maxWorkers: availableParallelism() + 1,
		environment: 'node',
		testTimeout: 60_000,
		projects: [
			{
				// A worker keeps the modules it has loaded from one file to the next: loading them again for each of
				// 144 files took two thirds of the suite's time (import 134 s of 199 s on 2 cores; 45 s of 121 s shared).
				extends: true,
				test: { name: 'shared', include: SPECS, exclude: OWN_MODULES, isolate: false }
			},
			{ extends: true, test: { name: 'isolated', include: OWN_MODULES } }
		]
	}
});
