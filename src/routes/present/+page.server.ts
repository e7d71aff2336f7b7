import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/app';
import { loadPresentationPage } from '$lib/server/pages/present';

export const load: PageServerLoad = ({ url, locals }) => loadPresentationPage(getDb(), url, locals);
