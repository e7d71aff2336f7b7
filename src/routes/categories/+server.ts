import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/app';
import { loadCategoryChoices } from '$lib/server/pages/categories';

export const GET: RequestHandler = ({ url, locals }) => loadCategoryChoices(getDb(), url, locals);
