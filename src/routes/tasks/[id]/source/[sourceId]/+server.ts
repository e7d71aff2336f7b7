import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/app';
import * as tasks from '$lib/server/queries/tasks';

/**
 * The original text of a document one of the task's updates came from, as plain text: the
 * browser shows it verbatim and, with nosniff, never as HTML.
 */
export const GET: RequestHandler = async ({ params }) => {
	const taskId = /^\d{1,15}$/.test(params.id) ? Number(params.id) : null;
	const sourceId = /^\d{1,15}$/.test(params.sourceId) ? Number(params.sourceId) : null;
	const source =
		taskId === null || sourceId === null ? undefined : await tasks.getTaskSourceText(getDb(), taskId, sourceId);
	if (!source) error(404, `no source ${params.sourceId} for task ${params.id}`);
	return new Response(source.text, {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'"
		}
	});
};
