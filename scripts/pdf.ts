/**
 * `npm run pdf -- --out 汇报.pdf '/report?org=…&year=…&quarter=…'`: the handout as a PDF, printed by the
 * same module as the server's "下载 PDF" (src/lib/server/pdf.ts). With `--base URL` it prints from that
 * server; without, it starts the built server (build/, `npm run build` first) on a free local port over
 * DATABASE_PATH (default data/jindu.db), prints, and stops it. Messages are English, as the CLI's are.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { serverEnvironment } from './server-env.js';
import { parsePdfArgs, PdfArgsError, printPdf, ChromiumMissingError, PrintError } from '../src/lib/server/pdf';

/** How long the built server may take to open, migrate and seed its database. */
const START_TIMEOUT_MS = 60_000;

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() =>
				typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))
			);
		});
	});
}

async function startServer(): Promise<{ base: string; server: ChildProcess }> {
	if (!existsSync('build/index.js')) throw new Error('no build/ to serve: run `npm run build` first, or pass --base');
	const port = await freePort();
	const server = spawn(process.execPath, ['build/index.js'], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...serverEnvironment(process.env), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }
	});
	const base = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + START_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`the server stopped while starting (exit code ${server.exitCode})`);
		const ok = await fetch(`${base}/healthz`).then(
			(r) => r.ok,
			() => false
		);
		if (ok) return { base, server };
		await new Promise((r) => setTimeout(r, 250));
	}
	server.kill();
	throw new Error(`the server did not answer on ${base} within ${START_TIMEOUT_MS / 1000} s`);
}

async function main(): Promise<number> {
	const args = parsePdfArgs(process.argv.slice(2));
	const started = args.base ? null : await startServer();
	try {
		const base = args.base ?? started!.base;
		const pdf = await printPdf(`${base}${args.path}`);
		writeFileSync(args.out, pdf);
		console.log(`wrote ${args.out} (${Math.round(pdf.length / 1024)} KB) from ${base}${args.path}`);
		return 0;
	} finally {
		started?.server.kill();
	}
}

main().then(
	(code) => process.exit(code),
	(e: unknown) => {
		// A known failure (bad arguments, no Chromium, a failed print) is its message; anything else its stack too.
		const known = e instanceof PdfArgsError || e instanceof ChromiumMissingError || e instanceof PrintError;
		console.error(known ? `pdf: ${e.message}` : e);
		process.exit(e instanceof PdfArgsError ? 2 : 1);
	}
);
