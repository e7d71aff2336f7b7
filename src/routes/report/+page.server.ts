import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/app';
import { loadReportPage } from '$lib/server/pages/report';

export const load: PageServerLoad = ({ url, locals }) => loadReportPage(getDb(), url, locals);
// Paper needs no script: the charts are drawn on the server as SVG, so the page prints as soon as it loads.
export const csr = false;
