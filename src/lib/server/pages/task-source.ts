/**
 * `/tasks/[id]/source/[sourceId]`: the original text of a document one of the task's updates came from,
 * as plain text — the browser shows it verbatim and, with nosniff, never as HTML.
 */
import { error } from '@sveltejs/kit';
import type { DB } from '../db';
import * as taskDetail from '../queries/task-detail';
import { pathId } from './request';
import { requireReadable } from '../auth/reading';
import { getTaskOrganizationId } from '../queries/reading';

export async function loadTaskSource(db: DB, url: URL, locals: App.Locals): Promise<Response> {
	const taskId = pathId(url, 2);
	const sourceId = pathId(url, 4);
	const source =
		taskId === null || sourceId === null ? undefined : await taskDetail.getTaskSourceText(db, taskId, sourceId);
	if (!source) error(404, `no source ${url.pathname.split('/')[4]} for task ${url.pathname.split('/')[2]}`);
	if (locals.readable) requireReadable(locals, (await getTaskOrganizationId(db, taskId!))!);
	return new Response(source.text, {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'"
		}
	});
}
