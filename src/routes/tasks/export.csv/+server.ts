import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/app';
import { downloadHeaders, prepareTaskDownload } from '$lib/server/export/task-download';
import { tasksCsvStream } from '$lib/server/export/task-export';

/** Every row of the filtered task table as CSV (UTF-8 with BOM), in the table's order. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const download = await prepareTaskDownload(getDb(), url, locals.lang);
	return new Response(tasksCsvStream(download.rows, { lang: locals.lang, periodLabel: download.periodLabel }), {
		headers: downloadHeaders(download.fileName('csv'), 'text/csv; charset=utf-8')
	});
};
