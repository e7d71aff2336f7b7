/**
 * Organizations and the choices a filter bar offers.
 */
import type { DB } from '../db';
import { ancestorIds, NO_TASK_FILTERS } from './scope';
import type { Scope } from '../../types/scope';
import { countUpdates } from './measures';
import type { OrganizationOption } from '../../types/organizations';
import { memoOnData, memoOnScope, organizationsKey } from './scope-memo';
import { listThemeRows } from './themes';

/** Up to this many organizations the picker fetches the whole tree when opened. */
const FULL_TREE_LIMIT = 300;

/**
 * The organizations a selector offers, as a tree in depth-first order (parents before children, names
 * sorted): the top level, the chain down to the selected organizations and their children — what a page
 * sends, so it stays light and a person without JavaScript drills down one level at a time. `whole`: every
 * organization, for the picker that fetches it when a person opens it (`/organizations`) — up to
 * FULL_TREE_LIMIT; a province's thousands stay cut.
 */
export async function listOrganizationTree(
	db: DB,
	scope: Pick<Scope, 'organizations'>,
	whole = false
): Promise<OrganizationOption[]> {
	// The same for every page of the same selection (every page, for a whole tree): kept across requests.
	const n = await organizationCount(scope, '', () => countOrganizations(db));
	const selectedIds = whole && n <= FULL_TREE_LIMIT ? null : scope.organizations.map((o) => o.id);
	return trees(scope, selectedIds?.join() ?? 'whole', () => listOrganizationTreeNow(db, selectedIds));
}

const organizationCount = memoOnData<number>(1);
// One a selected organization: a city's pages name its 200 in turn.
const trees = memoOnData<OrganizationOption[]>(256);

async function countOrganizations(db: DB): Promise<number> {
	const { n } = await db
		.selectFrom('organizations')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(n);
}

/** The tree of every organization (`selectedIds` null) or of the chain to the selected ones. */
async function listOrganizationTreeNow(db: DB, selectedIds: number[] | null): Promise<OrganizationOption[]> {
	const chainIds = selectedIds === null || selectedIds.length === 0 ? [] : await ancestorIds(db, selectedIds);
	const rows = await db
		.selectFrom('organizations')
		.select(['id', 'name', 'parent_id as parentId', 'is_sample'])
		.$if(selectedIds !== null, (qb) =>
			qb.where((eb) =>
				eb.or([
					eb('parent_id', 'is', null),
					eb('id', 'in', chainIds.length > 0 ? chainIds : [-1]),
					eb('parent_id', 'in', chainIds.length > 0 ? chainIds : [-1])
				])
			)
		)
		.orderBy('name')
		.execute();
	const children = new Map<number | null, typeof rows>();
	for (const row of rows) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row]);
	const out: OrganizationOption[] = [];
	const visit = (parentId: number | null, depth: number) => {
		for (const row of children.get(parentId) ?? []) {
			out.push({ id: row.id, name: row.name, parentId: row.parentId, depth, isSample: row.is_sample === 1 });
			visit(row.id, depth + 1);
		}
	};
	visit(null, 0);
	return out;
}

/** Years that have a plan in scope, newest first. (Plans exist only with imported reports.) */
export function listYears(db: DB, scope: Scope): Promise<number[]> {
	return years(scope, organizationsKey(scope), () => listYearsNow(db, scope));
}

const years = memoOnData<number[]>();

async function listYearsNow(db: DB, scope: Scope): Promise<number[]> {
	const rows = await db
		.selectFrom('plans')
		.select('year')
		.distinct()
		.$if(scope.organizationIds !== null, (qb) => qb.where('organization_id', 'in', scope.organizationIds!))
		.$if((scope.excludedOrganizationIds?.length ?? 0) > 0, (qb) =>
			qb.where('organization_id', 'not in', scope.excludedOrganizationIds!)
		)
		.orderBy('year', 'desc')
		.execute();
	return rows.map((r) => r.year);
}

/** Category names in a scope and period, in report order. */
export async function listCategoryNames(db: DB, scope: Scope, periodId: number): Promise<string[]> {
	const order = new Map<string, number>();
	for (const r of await countUpdates(db, scope, [periodId], NO_TASK_FILTERS, 'category')) {
		if (r.key !== '') order.set(r.key, Math.min(order.get(r.key) ?? Infinity, r.order));
	}
	return [...order].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([name]) => name);
}

/** Every theme by its id as text (the key countUpdates gives a theme), with both names. */
export async function listThemesById(
	db: DB,
	scope: object
): Promise<Map<string, { name: string; nameEn: string | null }>> {
	// The overview's counts by theme and the comparison's heatmap name their keys with it.
	const rows = await listThemeRows(db, scope);
	return new Map(rows.map((r) => [String(r.id), { name: r.name, nameEn: r.nameEn }]));
}

/** Every theme, by name. */
export async function listThemes(db: DB): Promise<{ name: string; nameEn: string | null }[]> {
	return db.selectFrom('themes').select(['name', 'name_en as nameEn']).orderBy('name').execute();
}

/**
 * The themes a filter bar offers: those with tasks in the scope's period (a theme with none would only
 * lead to an empty page), by name. Without a period nothing in scope has data, so none.
 */
export function listThemesInScope(db: DB, scope: Scope): Promise<ThemeName[]> {
	return themesInScope(scope, '', () => listThemesInScopeNow(db, scope));
}

type ThemeName = { name: string; nameEn: string | null };
const themesInScope = memoOnScope<ThemeName[]>();

async function listThemesInScopeNow(db: DB, scope: Scope): Promise<ThemeName[]> {
	if (!scope.period) return [];
	const counted = await countUpdates(db, scope, [scope.period.id], NO_TASK_FILTERS, 'theme');
	const ids = [...new Set(counted.filter((r) => r.taskCount > 0).map((r) => Number(r.key)))];
	if (ids.length === 0) return [];
	return db.selectFrom('themes').select(['name', 'name_en as nameEn']).where('id', 'in', ids).orderBy('name').execute();
}
