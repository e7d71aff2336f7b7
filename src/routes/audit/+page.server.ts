import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/app';
import { loadAuditPage } from '$lib/server/pages/audit';

export const load: PageServerLoad = ({ url, locals }) => loadAuditPage(getDb(), url, locals);
