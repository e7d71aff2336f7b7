/**
 * `GET /report/pdf?…`: the handout of the same filters as a PDF, printed from this server's own
 * `/report` page through src/lib/server/pdf.ts (the module `npm run pdf` uses), in the asker's language
 * and with their session. Where Chromium is missing or the print fails, a page in that language says so.
 */
import { exportFileName, contentDisposition } from '../../export/cells';
import { fill, messages, type Lang } from '../../i18n';
import { reportMessages } from '../../report/messages';
import { parseOr400 } from './request';
import { parseFilters } from '../../filters';
import { log } from '../log';
import { ChromiumMissingError, printPdf, PrintError, PrintsBusyError, selfBase } from '../pdf';

const escapeHtml = (text: string) =>
	text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A small page of its own (not the app's error page): the answer to a download link is a file or this. */
function messagePage(status: number, lang: Lang, message: string, back: string): Response {
	const t = reportMessages[lang];
	const html = `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(messages[lang].appName)}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem"><p data-testid="pdf-message">${escapeHtml(message)}</p><p><a href="${escapeHtml(back)}">${escapeHtml(t.pdfBack)}</a></p></body></html>`;
	return new Response(html, {
		status,
		headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }
	});
}

export async function respondWithPdf(url: URL, request: Request, locals: App.Locals): Promise<Response> {
	const lang = locals.lang;
	// A bad filter is the asker's mistake, answered 400 before a browser is started.
	const filters = await parseOr400(() => parseFilters(url.searchParams));
	const back = `/report${url.search}`;
	// The server prints its own page, at the address it listens on.
	const target = new URL(back, selfBase(process.env, url.origin));
	target.searchParams.set('lang', lang);
	const facts = { requestId: locals.requestId };
	try {
		const pdf = await printPdf(target.href, {
			cookie: request.headers.get('cookie') ?? undefined,
			log: (message, more) => log.info({ ...facts, ...more }, message)
		});
		const name = exportFileName(
			reportMessages[lang].reportFileName,
			[filters.org, filters.year?.toString()],
			new Date(),
			'pdf'
		);
		return new Response(new Uint8Array(pdf), {
			headers: {
				'content-type': 'application/pdf',
				'content-disposition': contentDisposition(name),
				'cache-control': 'no-store'
			}
		});
	} catch (e) {
		const t = reportMessages[lang];
		if (e instanceof ChromiumMissingError) {
			log.warn({ ...facts, tried: e.tried }, 'pdf unavailable: no Chromium');
			return messagePage(503, lang, t.pdfUnavailable, back);
		}
		if (e instanceof PrintsBusyError) {
			log.warn({ ...facts }, 'pdf refused: too many prints waiting');
			const busy = messagePage(503, lang, t.pdfBusy, back);
			busy.headers.set('retry-after', '30');
			return busy;
		}
		if (e instanceof PrintError) return messagePage(503, lang, fill(t.pdfFailed, { reason: e.message }), back);
		throw e;
	}
}
