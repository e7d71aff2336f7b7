import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { checkHealth } from '$lib/server/app';

/**
 * For a load balancer or monitor: 200 when the database reads and its migrations are this
 * version's, 503 otherwise, with the reason. Never cached (the page cache skips it too).
 */
export const GET: RequestHandler = async () => {
	const health = await checkHealth();
	return json(health, { status: health.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
};
