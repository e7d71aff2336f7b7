/**
 * `/tasks/export.csv` and `/tasks/export.xlsx`: the same parameters as /tasks (a bad one is a 400), every
 * row of the filtered table in its order, streamed, under a file name that says what was exported.
 */
import type { DB } from '../db';
import { tasksCsvStream, tasksXlsxStream } from '../export/task-export';
import { contentDisposition, exportFileName } from '../../export/cells';
import { periodName } from '../../domain/period';
import { STATUS_LABEL } from '../../domain/status';
import { FLAG_LABEL } from '../../domain/flags';
import { CHANGE_LABEL } from '../../domain/changes';
import { messages, type Lang } from '../../i18n';
import { iterateTasks } from '../queries/tasks';
import { withEarlierUpdates } from '../queries/changes';
import { parseTaskView } from './request';
import { pageRenders } from '../render-queue';
import type { TaskSheetRow } from '../../export/task-sheet';

export interface TaskDownload {
	rows: AsyncIterable<TaskSheetRow[]>;
	periodLabel: string;
	fileName: (ext: string) => string;
}

async function* nothing(): AsyncGenerator<TaskSheetRow[]> {}

/**
 * How long a download's next chunk waits at most for the pages to be rendered (`RenderQueue.idle`). A chunk is
 * 250 rows, ≈ 12 ms of a worker: under a full load a whole city's export (20 chunks) then takes ≈ 20 × 0.11 s
 * and a tenth of the worker, where taking turns with the pages it took half the worker for half a second, and
 * every page asked meanwhile twice as long. An organization's table (one chunk) goes at once.
 */
export const CHUNK_WAIT_MS = 100;

/** `readable`: what the account may read when reading needs one (JINDU_READ=login); undefined when open. */
export async function prepareTaskDownload(
	db: DB,
	url: URL,
	lang: Lang,
	readable?: App.Locals['readable']
): Promise<TaskDownload> {
	const { filters, scope, table } = await parseTaskView(db, url, { lang, readable });
	const period = scope.period;
	// The period as every page names it (2024年二季度, 2024 Q2).
	const periodLabel = period ? periodName(period, lang) : '';
	const parts = [
		...scope.organizations.map((o) => o.name),
		period ? periodName(period, lang) : null,
		filters.category,
		filters.theme,
		filters.status?.map((s) => STATUS_LABEL[lang][s]).join('+'),
		filters.source?.map((s) => messages[lang][s]).join('+'),
		filters.flag ? FLAG_LABEL[lang][filters.flag] : null,
		filters.attention ? messages[lang].needsAttention : null,
		filters.change ? messages[lang][CHANGE_LABEL[filters.change]] : null,
		filters.streak ? messages[lang].longBehindHeading.replace('{n}', String(filters.streak)) : null,
		filters.owner,
		filters.q
	];
	return {
		// Each row with the task's status and text in the earlier period: the change columns.
		rows: period
			? withEarlierUpdates(
					db,
					iterateTasks(db, scope, period.id, filters, table, () => pageRenders.idle(CHUNK_WAIT_MS)),
					scope.since?.id ?? null
				)
			: nothing(),
		periodLabel,
		fileName: (ext) => exportFileName(messages[lang].exportFilePrefix, parts, new Date(), ext)
	};
}

/** The export the URL's path names (`export.csv` or `export.xlsx`), as a streamed download. */
export async function loadTaskExport(db: DB, url: URL, locals: App.Locals): Promise<Response> {
	const download = await prepareTaskDownload(db, url, locals.lang, locals.readable);
	const options = { lang: locals.lang, periodLabel: download.periodLabel };
	if (url.pathname.endsWith('.xlsx')) {
		return new Response(tasksXlsxStream(download.rows, options, messages[locals.lang].taskTable), {
			headers: downloadHeaders(download.fileName('xlsx'), XLSX_TYPE)
		});
	}
	return new Response(tasksCsvStream(download.rows, options), {
		headers: downloadHeaders(download.fileName('csv'), 'text/csv; charset=utf-8')
	});
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function downloadHeaders(fileName: string, contentType: string): Record<string, string> {
	return {
		'content-type': contentType,
		'content-disposition': contentDisposition(fileName),
		'cache-control': 'no-store',
		'x-content-type-options': 'nosniff'
	};
}
