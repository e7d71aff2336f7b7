/**
 * What the two export routes share: the same parameters as /tasks (a bad one is a 400), every
 * row of the filtered table in its order, and a file name that says what was exported.
 */
import type { DB } from '../db';
import { contentDisposition, exportFileName } from '../../export/cells';
import { formatPeriod } from '../../domain/period';
import { STATUS_LABEL } from '../../domain/status';
import { FLAG_LABEL } from '../../domain/flags';
import { messages, type Lang } from '../../i18n';
import { iterateTasks } from '../queries/tasks';
import { parseTaskView } from '../task-view';
import type { TaskSheetRow } from '../../export/task-sheet';

export interface TaskDownload {
	rows: AsyncIterable<TaskSheetRow[]>;
	periodLabel: string;
	fileName: (ext: string) => string;
}

async function* nothing(): AsyncGenerator<TaskSheetRow[]> {}

export async function prepareTaskDownload(db: DB, url: URL, lang: Lang): Promise<TaskDownload> {
	const { filters, scope, table } = await parseTaskView(db, url);
	const period = scope.period;
	const periodLabel = period ? `${period.year} ${period.label}` : '';
	const parts = [
		...scope.organizations.map((o) => o.name),
		period
			? formatPeriod(
					{
						year: period.year,
						quarter: period.quarter,
						months: period.monthStart ? [period.monthStart, period.monthEnd] : null
					},
					lang
				)
			: null,
		filters.category,
		filters.theme,
		filters.status?.map((s) => STATUS_LABEL[lang][s]).join('+'),
		filters.source?.map((s) => messages[lang][s]).join('+'),
		filters.flag ? FLAG_LABEL[lang][filters.flag] : null,
		filters.owner,
		filters.q
	];
	return {
		rows: period ? iterateTasks(db, scope, period.id, filters, table) : nothing(),
		periodLabel,
		fileName: (ext) => exportFileName(messages[lang].exportFilePrefix, parts, new Date(), ext)
	};
}

export function downloadHeaders(fileName: string, contentType: string): Record<string, string> {
	return {
		'content-type': contentType,
		'content-disposition': contentDisposition(fileName),
		'cache-control': 'no-store',
		'x-content-type-options': 'nosniff'
	};
}
