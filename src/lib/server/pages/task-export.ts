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
import { givingWay } from '../render-queue';
import type { TaskSheetRow } from '../../export/task-sheet';

export interface TaskDownload {
	rows: AsyncIterable<TaskSheetRow[]>;
	periodLabel: string;
	fileName: (ext: string) => string;
}

async function* nothing(): AsyncGenerator<TaskSheetRow[]> {}

/**
 * How long a download's chunks wait for the pages to be rendered (`givingWay`): each at most 100 ms, all of them
 * at most 1.5 s. A chunk (250 rows) is ≈ 12 ms of a worker. Taking turns with the pages, a whole city's export
 * (20 chunks) had half the worker for half a second under a full load, and every page asked meanwhile took
 * twice as long; now it has about a tenth, at most 1.5 s longer. A whole province's (200 chunks) is 1.5 s
 * longer under a full load, and then takes turns as before. An organization's table (one chunk) never waits.
 */
export const EXPORT_GIVES_WAY = { eachMs: 100, inAllMs: 1500 };

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
					iterateTasks(db, scope, period.id, filters, table, givingWay(EXPORT_GIVES_WAY)),
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
