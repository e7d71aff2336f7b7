import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/app';
import { logout } from '$lib/server/pages/login';

/** POST only: SvelteKit answers any other method with 405. */
export const POST: RequestHandler = ({ cookies }) => logout(getDb(), cookies);
