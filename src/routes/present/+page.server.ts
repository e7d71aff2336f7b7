import type { PageServerLoad } from './$types';
import { loadPresentation } from '$lib/server/present-data';

export const load: PageServerLoad = ({ url, locals }) => loadPresentation(url, locals.lang);
