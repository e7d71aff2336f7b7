import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/app';
import { messages } from '$lib/i18n';
import { downloadHeaders, prepareTaskDownload } from '$lib/server/export/task-download';
import { tasksXlsxStream } from '$lib/server/export/task-export';

/** Every row of the filtered task table as an Excel workbook, in the table's order. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const download = await prepareTaskDownload(getDb(), url, locals.lang);
	return new Response(
		tasksXlsxStream(
			download.rows,
			{ lang: locals.lang, periodLabel: download.periodLabel },
			messages[locals.lang].taskTable
		),
		{
			headers: downloadHeaders(
				download.fileName('xlsx'),
				'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
			)
		}
	);
};
