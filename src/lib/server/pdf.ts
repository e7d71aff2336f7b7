/**
 * The handout as a PDF, printed by the Chromium the browser tests drive (playwright-core), so the file is
 * exactly what the page prints: A4, vector charts, real (searchable) Chinese text, page numbers and the
 * scope in the footer. Used by `GET /report/pdf` and by `npm run pdf` (scripts/pdf.ts). One print at a
 * time per process (a queue: each print is a browser of its own, ~150 MB) and each within a time limit.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATHS } from './chromium';

/** A print that takes longer is stopped: the city-wide handout prints in a few seconds. */
export const PRINT_TIMEOUT_MS = 60_000;

/** No Chromium on this machine: the server answers 503 with a page that says so, the script exits with this message. */
export class ChromiumMissingError extends Error {
	constructor(readonly tried: string[]) {
		super(
			`no Chromium to print the PDF with (looked for ${tried.join(', ')}): install it (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH`
		);
	}
}

/** A print that did not produce a PDF: the page's answer or the time limit, said in English for the log. */
export class PrintError extends Error {}

/** The prints waiting or running in this process have reached the limit: ask again shortly. */
export class PrintsBusyError extends Error {}

/**
 * Prints waiting or running per process, beyond which a download is refused (503, Retry-After) rather than
 * queued: each takes seconds and a browser of its own, and an unbounded queue lets anyone stack up work.
 */
export const MAX_PENDING_PRINTS = 4;

/** The Chromium to print with: CHROMIUM_PATH when set (and present), else the first of CHROMIUM_PATHS present. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync) {
	const tried = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : CHROMIUM_PATHS;
	const found = tried.find((path) => exists(path));
	if (!found) throw new ChromiumMissingError(tried);
	return found;
}

const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Chromium's footer template: the scope on the left, "第 {page} 页 / 共 {pages} 页" (the page's own words)
 * on the right, filled by Chromium's pageNumber/totalPages. The footer is its own document: it gets its own
 * font and size, and the texts are escaped (a scope is report data).
 */
export function footerTemplate(scope: string, pagesPattern: string): string {
	const pages = escapeHtml(pagesPattern)
		.replace('{page}', '<span class="pageNumber"></span>')
		.replace('{pages}', '<span class="totalPages"></span>');
	return (
		`<div style="width:100%;margin:0 16mm;display:flex;justify-content:space-between;gap:8mm;` +
		`font-family:'Noto Sans CJK SC','Noto Sans SC',sans-serif;font-size:8pt;color:#57606a">` +
		`<span>${escapeHtml(scope)}</span><span style="white-space:nowrap">${pages}</span></div>`
	);
}

export interface PrintOptions {
	/** Sent with every request the browser makes (the asker's session and language). */
	cookie?: string;
	timeoutMs?: number;
	/** Where a print's start, end and failure are told (the server's logger). */
	log?: (message: string, facts: Record<string, unknown>) => void;
}

/**
 * A queue of one: each task given to the returned function starts when the one before it has settled
 * (resolved or failed), so a burst of downloads prints one at a time instead of starting a browser each.
 * `pending()` says how many are queued or running; with `limit` of them, another is refused (PrintsBusyError).
 */
export function oneAtATime(limit = Infinity) {
	let tail: Promise<unknown> = Promise.resolve();
	let pending = 0;
	const run = <T>(task: () => Promise<T>): Promise<T> => {
		if (pending >= limit) return Promise.reject(new PrintsBusyError(`${pending} prints already waiting or running`));
		pending += 1;
		const result = tail.then(task).finally(() => (pending -= 1));
		tail = result.catch(() => undefined);
		return result;
	};
	return Object.assign(run, { pending: () => pending });
}

const prints = oneAtATime(MAX_PENDING_PRINTS);

/** Prints `url` (a handout page) to a PDF, after the prints before it in this process. */
export function printPdf(url: string, options: PrintOptions = {}): Promise<Buffer> {
	const executablePath = findChromium();
	const result = prints(() => printOnce(url, executablePath, options));
	options.log?.('pdf queued', { url, pending: prints.pending() });
	return result;
}

async function printOnce(url: string, executablePath: string, options: PrintOptions): Promise<Buffer> {
	const timeoutMs = options.timeoutMs ?? PRINT_TIMEOUT_MS;
	const started = performance.now();
	const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: timeoutMs });
	let timedOut = false;
	// One limit for the whole print, whichever step hangs: closing the browser ends every step at once.
	const timer = setTimeout(() => {
		timedOut = true;
		void browser.close();
	}, timeoutMs);
	try {
		const context = await browser.newContext({ extraHTTPHeaders: options.cookie ? { cookie: options.cookie } : {} });
		const page = await context.newPage();
		const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
		if (!response?.ok()) throw new PrintError(`the handout ${url} answered ${response?.status() ?? 'nothing'}`);
		// The charts are drawn into the HTML on the server; a chart drawn in the browser marks itself when done.
		await page.waitForFunction(
			() => [...document.querySelectorAll('.echart')].every((e) => e.getAttribute('data-rendered') === 'true'),
			undefined,
			{ timeout: timeoutMs }
		);
		await page.evaluate(() => document.fonts.ready.then(() => undefined));
		const footer = await page.evaluate(() => {
			const el = document.querySelector<HTMLElement>('[data-pdf-footer]');
			return { scope: el?.dataset.scope ?? '', pages: el?.dataset.pages ?? '{page} / {pages}' };
		});
		const pdf = await page.pdf({
			preferCSSPageSize: true,
			format: 'A4',
			printBackground: true,
			displayHeaderFooter: true,
			headerTemplate: '<span></span>',
			footerTemplate: footerTemplate(footer.scope, footer.pages)
		});
		options.log?.('pdf printed', { url, bytes: pdf.length, ms: Math.round(performance.now() - started) });
		return pdf;
	} catch (e) {
		// Whatever stopped the print (the time limit, the page, the browser), the asker gets one kind of answer.
		const reason = timedOut
			? `took longer than ${timeoutMs} ms`
			: e instanceof Error
				? e.message.split('\n')[0]
				: String(e);
		const error = e instanceof PrintError ? e : new PrintError(`printing ${url} failed: ${reason}`, { cause: e });
		options.log?.('pdf failed', { url, error: error.message });
		throw error;
	} finally {
		clearTimeout(timer);
		await browser.close().catch(() => undefined);
	}
}

/**
 * Where a server reaches its own pages to print them: PDF_BASE_URL when set, else the port it listens on
 * (adapter-node's PORT and HOST; a wildcard host is reached on the loopback), else the request's origin (the
 * dev server). Not the request's origin first: behind a proxy, or with adapter-node's https default, that is
 * an address the server itself may not answer on.
 */
export function selfBase(env: NodeJS.ProcessEnv, origin: string): string {
	if (env.PDF_BASE_URL) return env.PDF_BASE_URL.replace(/\/$/, '');
	if (!env.PORT) return origin;
	const host = !env.HOST || env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;
	return `http://${host.includes(':') ? `[${host}]` : host}:${env.PORT}`;
}

/** What `npm run pdf` is asked for: where to write, which handout, and the server to print from (null: start one). */
export interface PdfArgs {
	out: string;
	/** The handout's path and filters, e.g. `/report?org=新街街道&year=2024&quarter=2`. */
	path: string;
	base: string | null;
}

export const PDF_USAGE =
	"usage: npm run pdf -- --out 汇报.pdf [--base http://host:port] '/report?org=…&year=…&quarter=…'";

/** A command line that does not say what to print: the message names the mistake, then the usage. */
export class PdfArgsError extends Error {
	constructor(problem: string) {
		super(`${problem}\n${PDF_USAGE}`);
	}
}

/** Parses `--out FILE`, `--base URL` (or `--out=FILE`, `--base=URL`) and one `/report…` path. */
export function parsePdfArgs(argv: string[]): PdfArgs {
	const values: Record<'out' | 'base', string | null> = { out: null, base: null };
	const paths: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const option = /^--(out|base)(?:=(.*))?$/.exec(arg);
		if (option) {
			const name = option[1] as 'out' | 'base';
			const value = option[2] ?? argv[++i];
			if (!value || value.startsWith('--')) throw new PdfArgsError(`--${name} needs a value`);
			values[name] = value;
		} else if (arg.startsWith('--')) throw new PdfArgsError(`unknown option ${arg}`);
		else paths.push(arg);
	}
	if (!values.out) throw new PdfArgsError('--out is missing: name the PDF file to write');
	if (paths.length !== 1) throw new PdfArgsError(`give one handout path (got ${paths.length})`);
	const path = paths[0];
	if (!/^\/report(\?|$)/.test(path)) throw new PdfArgsError(`the path must start with /report (got ${path})`);
	if (values.base !== null && !/^https?:\/\/[^/]+\/?$/.test(values.base)) {
		throw new PdfArgsError(`--base must be a server's address such as http://127.0.0.1:3000 (got ${values.base})`);
	}
	return { out: values.out, path, base: values.base?.replace(/\/$/, '') ?? null };
}
