/**
 * Who may read what. By default (JINDU_READ unset or `open`) the dashboard is readable without an
 * account, as `npm start` has always opened; with JINDU_READ=login every page needs a session, and an
 * account reads only the subtrees it holds grants on (whatever the role). The hook computes the
 * readable organizations once per request (`locals.readable`); every scope is limited through
 * `limitFilters` in src/lib/server/pages/request.ts, and a page about one organization's thing
 * (a task, a source) asks `requireReadable`.
 */
import { error, redirect } from '@sveltejs/kit';
import type { DB } from '../db';
import { descendantIds } from '../queries/scope';
import type { SessionUser } from '$lib/types/auth';
import type { Filters } from '../../filters';

export const READ_MODES = ['open', 'login'] as const;
export type ReadMode = (typeof READ_MODES)[number];

/** JINDU_READ's value; a typo stops the server at start rather than leaving it open by mistake. */
export function readMode(value: string | undefined): ReadMode {
	if (value === undefined || value === '') return 'open';
	if ((READ_MODES as readonly string[]).includes(value)) return value as ReadMode;
	throw new Error(`JINDU_READ: unknown mode "${value}" (use open or login)`);
}

/** Paths an anonymous request reaches in login mode: the login form itself, the health probe, the language switch. */
const PUBLIC_PATHS = ['/login', '/logout', '/healthz', '/lang'];

export function isPublicPath(path: string): boolean {
	return PUBLIC_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
}

/**
 * The organizations this request may read, or undefined when reading is open. In login mode an
 * anonymous request is sent to the login page (the hook calls this before any page loads).
 */
export async function readableOrganizations(
	db: DB,
	mode: ReadMode,
	user: SessionUser | undefined,
	url: URL
): Promise<{ ids: number[]; first: number | null } | undefined> {
	if (mode === 'open' || isPublicPath(url.pathname)) return undefined;
	if (!user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	const roots = user.grants.map((g) => g.organizationId);
	return { ids: roots.length === 0 ? [] : await descendantIds(db, roots), first: roots[0] ?? null };
}

/** Stops a request for something of an organization the account may not read (login mode only). */
export function requireReadable(locals: App.Locals, organizationId: number): void {
	if (locals.readable && !locals.readable.ids.includes(organizationId))
		error(403, 'Forbidden: this organization is outside your account’s grants');
}

/**
 * The filters limited to what the account may read, resolved by `resolve`: no organization named means
 * the first grant's; a name matching several organizations keeps the readable one; one outside is a 403.
 * Unlimited (`readable` undefined) resolves the filters as they are.
 */
export async function limitFilters<S extends { organizations: { id: number }[] }>(
	filters: Filters,
	readable: App.Locals['readable'],
	resolve: (filters: Filters) => Promise<S>
): Promise<{ filters: Filters; scope: S }> {
	if (!readable) return { filters, scope: await resolve(filters) };
	if (readable.first === null) error(403, 'Forbidden: this account holds no grant to read');
	const wanted = filters.org ? filters : { ...filters, org: String(readable.first) };
	const scope = await resolve(wanted);
	const inside = scope.organizations.filter((o) => readable.ids.includes(o.id));
	if (inside.length === 0) error(403, 'Forbidden: this organization is outside your account’s grants');
	if (inside.length === scope.organizations.length) return { filters: wanted, scope };
	const narrowed = { ...filters, org: String(inside[0].id) };
	return { filters: narrowed, scope: await resolve(narrowed) };
}

/** The organization selector's tree cut to what the account may read (unchanged when reading is open). */
export function readableTree<T extends { id: number }>(tree: T[], readable: App.Locals['readable']): T[] {
	if (!readable) return tree;
	const ids = new Set(readable.ids);
	return tree.filter((o) => ids.has(o.id));
}
