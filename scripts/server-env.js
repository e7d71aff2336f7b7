// adapter-node's server settings that jindu chooses, for npm start and the test server alike.
// @ts-check

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
