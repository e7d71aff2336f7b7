import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/app';
import { loadOrganizationChoices } from '$lib/server/pages/organizations';

export const GET: RequestHandler = ({ url, locals }) => loadOrganizationChoices(getDb(), url, locals);
