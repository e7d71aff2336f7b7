// adapter-node's server settings that jindu chooses, for npm start and the test server alike.
// @ts-check

/**
 * Node's flags for the built server, wherever it is started (npm start, the benchmark, the soak test,
 * the browser tests' server); a cluster's workers inherit them.
 * - A search of 10 000 Chinese characters is a 90 KB URL; Node's default 16 KB header limit would refuse it.
 * - A young generation of 32 MB a semi-space (Node 20's default is 16 MB): under 32 users each worker holds
 *   about 16 requests at once, so a good part of what a page allocates is still alive when the young
 *   generation fills, and each scavenge copied ≈ 3 MB (6–9 ms, every ≈ 70 ms; 9% of the workers' time).
 *   With a larger one the scavenges are fewer and copy less in all (64 MB: 289 against 1 022 over the same
 *   load, 5.7 against 8.0 s in all). The city's mixed load, runs taking turns with Node's default: 64 MB ahead
 *   in all five pairs, 32 MB in both of its two, for half the memory (bench/README.md, the twenty-fourth round).
 */
export const SERVER_NODE_FLAGS = ['--max-http-header-size=131072', '--max-semi-space-size=32'];

/**
 * The environment to start the built server with: `env` plus keep-alive settings unless set.
 * Node's 5 s keep-alive is shorter than any proxy's (nginx keeps upstream connections 60 s, cloud
 * load balancers 60–350 s): a proxy reusing a connection the server has just closed gets a reset.
 * The server must outlast the proxy, so 75 s; and headers may take no longer than that plus one.
 * @param {NodeJS.ProcessEnv} env
 * @returns {NodeJS.ProcessEnv}
 */
export function serverEnvironment(env) {
	// A request body may hold one /import upload: MAX_UPLOAD_TOTAL_BYTES (16 MiB, src/lib/server/import/upload-limits.ts)
	// plus the form's own bytes. adapter-node's default, 512 KB, would refuse a single larger workbook.
	return { KEEP_ALIVE_TIMEOUT: '75', HEADERS_TIMEOUT: '76', BODY_SIZE_LIMIT: '17M', ...env };
}

/**
 * Why the server cannot start as configured, or null. Sign-in is a form POST, and SvelteKit refuses a
 * POST whose Origin header differs from the origin adapter-node assumes — https://host unless ORIGIN
 * (or PROTOCOL_HEADER / HOST_HEADER) says otherwise. A production server without ORIGIN would refuse
 * every login behind plain HTTP, or trust a forged Host header behind a proxy: stop at start instead.
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | null}
 */
export function originProblem(env) {
	if (env.NODE_ENV !== 'production' || env.ORIGIN) return null;
	return 'ORIGIN is not set: in production set it to the address people open, e.g. ORIGIN=https://jindu.example.gov.cn (see README, “Behind https”)';
}

/**
 * `npm start` on a fresh machine, outside production: ORIGIN defaults to http://localhost:PORT, so the
 * login form works in a browser on this machine at once. Returns the environment and what to tell the operator.
 * @param {NodeJS.ProcessEnv} env
 * @param {string} port
 * @returns {{ env: NodeJS.ProcessEnv, note: string | null }}
 */
export function withLocalOrigin(env, port) {
	if (env.ORIGIN || env.NODE_ENV === 'production') return { env, note: null };
	const origin = `http://localhost:${port}`;
	return {
		env: { ...env, ORIGIN: origin },
		note: `ORIGIN not set: forms (sign-in) are accepted from ${origin} only; set ORIGIN to the address others open`
	};
}
