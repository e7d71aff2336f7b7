import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/app';
import { loadTaskSource } from '$lib/server/pages/task-source';

export const GET: RequestHandler = ({ url, locals }) => loadTaskSource(getDb(), url, locals);
