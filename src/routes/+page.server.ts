import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/app';
import { loadOverviewPage } from '$lib/server/pages/overview';

export const load: PageServerLoad = ({ url, locals }) => loadOverviewPage(getDb(), url, locals);
