import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/app';
import { loadTaskExport } from '$lib/server/pages/task-export';

/** Every row of the filtered task table as CSV (UTF-8 with BOM), in the table's order. */
export const GET: RequestHandler = ({ url, locals }) => loadTaskExport(getDb(), url, locals);
