import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/app';
import { loadTaskPage } from '$lib/server/pages/tasks';

export const load: PageServerLoad = ({ url, locals }) => loadTaskPage(getDb(), url, locals);
