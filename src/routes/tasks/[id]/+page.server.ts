import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/app';
import { loadTaskDetailPage } from '$lib/server/pages/task-detail';

export const load: PageServerLoad = ({ url, locals }) => loadTaskDetailPage(getDb(), url, locals);
