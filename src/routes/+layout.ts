import { loadMessages } from '$lib/i18n';
import type { LayoutLoad } from './$types';

/** The page's language's words, before anything renders (in the browser, English is fetched for an English page). */
export const load: LayoutLoad = async ({ data }) => {
	await loadMessages(data.lang);
	return data;
};
