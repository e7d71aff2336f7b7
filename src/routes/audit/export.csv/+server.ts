import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/app';
import { loadAuditExport } from '$lib/server/pages/audit';

/** Every row of the filtered trail as CSV (UTF-8 with BOM), newest first. */
export const GET: RequestHandler = ({ url, locals }) => loadAuditExport(getDb(), url, locals);
