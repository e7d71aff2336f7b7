/**
 * The organizations a scope compares (its direct children), their counts through `countUpdates` — each
 * child counted as its own scope, so a child's row and the `/tasks` list of that child cannot disagree —,
 * the chain of ancestors for the breadcrumb, and when the scope's data was published and imported.
 */
import { sql } from 'kysely';
import type { DB } from '../db';
import type { Scope, TaskFilters } from '../../types/scope';
import type { DataAsOf, OrganizationRef } from '../../types/comparison';
import { countUpdatesEach, type Dimension, type MeasureCount } from './measures';
import { NO_TASK_FILTERS } from './scope';
import { memoOnData, memoOnScope, organizationsKey, readLike } from './scope-memo';

/** A compared organization, with its subtree as a scope of its own (counted like `?org=<id>`). */
export interface ComparedChild extends OrganizationRef {
	hasChildren: boolean;
	scope: Scope;
}

/**
 * The organizations a scope is made of, one level down: a named organization's direct children; several
 * organizations named alike, those organizations; all organizations, the top level — and, where the top
 * level is one organization (a city's database), its children, since one row compares nothing. Empty for
 * a scope without children (a street). `parent` is the organization whose children they are.
 */
export function listComparedChildren(db: DB, scope: Scope): Promise<ComparedChildren> {
	// The overview's comparison and its change panel both ask.
	return comparedChildren(scope, '', () => listComparedChildrenNow(db, scope));
}

interface ComparedChildren {
	parent: OrganizationRef | null;
	children: ComparedChild[];
}

const comparedChildren = memoOnScope<ComparedChildren>();

async function listComparedChildrenNow(db: DB, scope: Scope): Promise<ComparedChildren> {
	// The level depends on the organizations alone: kept for every period and filter of theirs.
	const key = organizationsKey(
		scope,
		scope.organizations.map((o) => o.id)
	);
	const { parent, level, subtrees } = await comparedLevels(scope, key, () => readComparedLevel(db, scope));
	return {
		parent,
		children: level.map((o) => {
			const organizationIds = subtrees.get(o.id) ?? [o.id];
			return {
				...o,
				hasChildren: organizationIds.length > 1,
				// Kept with the parent's answers when they are: the child's counts are kept the same way.
				scope: readLike(
					{
						organizations: [{ ...o, parentName: parent?.name ?? null, isSample: false }],
						organizationIds,
						excludedOrganizationIds: [],
						period: scope.period,
						since: scope.since
					},
					scope
				)
			};
		})
	};
}

/** The organizations compared, the one whose children they are, and each one's subtree. */
interface ComparedLevel {
	parent: OrganizationRef | null;
	level: OrganizationRef[];
	subtrees: Map<number, number[]>;
}

const comparedLevels = memoOnData<ComparedLevel>();

async function readComparedLevel(db: DB, scope: Scope): Promise<ComparedLevel> {
	const excluded = new Set(scope.excludedOrganizationIds ?? []);
	let parent: OrganizationRef | null = null;
	let level: OrganizationRef[];
	if (scope.organizations.length > 1) level = scope.organizations.map(({ id, name }) => ({ id, name }));
	else {
		parent = scope.organizations[0] ? { id: scope.organizations[0].id, name: scope.organizations[0].name } : null;
		level = (await childrenOf(db, parent?.id ?? null)).filter((o) => !excluded.has(o.id));
		while (scope.organizations.length === 0 && level.length === 1) {
			const below = await childrenOf(db, level[0].id);
			if (below.length === 0) break;
			parent = level[0];
			level = below;
		}
	}
	const subtrees = await subtreeIds(
		db,
		level.map((o) => o.id)
	);
	return { parent, level, subtrees };
}

/** Direct children of an organization (null: the top level), by name. */
async function childrenOf(db: DB, parentId: number | null): Promise<OrganizationRef[]> {
	return db
		.selectFrom('organizations')
		.select(['id', 'name'])
		.$if(parentId === null, (qb) => qb.where('parent_id', 'is', null))
		.$if(parentId !== null, (qb) => qb.where('parent_id', '=', parentId!))
		.orderBy('name')
		.orderBy('id')
		.execute();
}

/** Each root with itself and everything below it, in one walk of the tree. */
async function subtreeIds(db: DB, roots: number[]): Promise<Map<number, number[]>> {
	if (roots.length === 0) return new Map();
	const rows = await db
		.withRecursive('tree(id, root)', (qb) =>
			qb
				.selectFrom('organizations')
				.select(['id', 'id as root'])
				.where('id', 'in', roots)
				.unionAll((qb2) =>
					qb2
						.selectFrom('organizations')
						.innerJoin('tree', 'tree.id', 'organizations.parent_id')
						.select(['organizations.id', 'tree.root'])
				)
		)
		.selectFrom('tree')
		.select(['id', 'root'])
		.execute();
	const out = new Map<number, number[]>();
	for (const r of rows) out.set(r.root, [...(out.get(r.root) ?? []), r.id]);
	return out;
}

/** Each child's counts (countUpdates rows) in the given periods under the filters, by child id. */
export async function countChildren(
	db: DB,
	children: ComparedChild[],
	periodIds: number[],
	filters: TaskFilters,
	dimension: Dimension,
	keys: readonly string[] | null = null,
	/** The scope the children are compared within, whose facts may count them (countUpdatesEach). */
	within: Scope | null = null
): Promise<Map<number, MeasureCount[]>> {
	return countUpdatesEach(db, children, periodIds, filters, dimension, keys, within);
}

/**
 * The children with no current update in the period, whatever the task filters: they have not reported
 * (a child whose tasks the filters leave out has reported, and counts 0).
 */
export async function listSilentChildren(db: DB, children: ComparedChild[], periodId: number): Promise<Set<number>> {
	const counts = await countChildren(db, children, [periodId], NO_TASK_FILTERS, 'status');
	return new Set(children.filter((c) => !counts.get(c.id)!.some((r) => r.taskCount > 0)).map((c) => c.id));
}

/**
 * An organization and its ancestors, from the top level down to it: kept with the answers of `scope` (its pages
 * at a data version share it whatever their period or filters).
 */
export function listAncestors(db: DB, scope: object, organizationId: number): Promise<OrganizationRef[]> {
	return ancestors(scope, String(organizationId), () => listAncestorsNow(db, organizationId));
}

const ancestors = memoOnData<OrganizationRef[]>();

async function listAncestorsNow(db: DB, organizationId: number): Promise<OrganizationRef[]> {
	const rows = await db
		.withRecursive('chain(id, name, parent_id, depth)', (qb) =>
			qb
				.selectFrom('organizations')
				.select(['id', 'name', 'parent_id', sql<number>`0`.as('depth')])
				.where('id', '=', organizationId)
				.unionAll((qb2) =>
					qb2
						.selectFrom('organizations')
						.innerJoin('chain', 'chain.parent_id', 'organizations.id')
						.select([
							'organizations.id',
							'organizations.name',
							'organizations.parent_id',
							sql<number>`chain.depth + 1`.as('depth')
						])
				)
		)
		.selectFrom('chain')
		.select(['id', 'name'])
		.orderBy('depth', 'desc')
		.execute();
	return rows;
}

/**
 * The reports (sources) of one period in scope: the latest 发布日期 they state, when the latest was
 * imported, and how many they are. `published_on` is the page's own 发布日期 as the reader took it.
 */
export function getDataAsOf(
	db: DB,
	scope: Pick<Scope, 'organizationIds' | 'excludedOrganizationIds'>,
	periodId: number
): Promise<DataAsOf> {
	// The same for every page of the scope's organizations and period: kept across requests (scope-memo.ts).
	return dataAsOf(scope, organizationsKey(scope, periodId), () => getDataAsOfNow(db, scope, periodId));
}

// One small answer per unit and period: a city's 200 units have about 4 000.
const dataAsOf = memoOnData<DataAsOf>(4096);

async function getDataAsOfNow(
	db: DB,
	scope: Pick<Scope, 'organizationIds' | 'excludedOrganizationIds'>,
	periodId: number
): Promise<DataAsOf> {
	const row = await db
		.selectFrom('sources')
		.innerJoin('plans', 'plans.id', 'sources.plan_id')
		.where('sources.period_id', '=', periodId)
		.$if(scope.organizationIds !== null, (qb) => qb.where('plans.organization_id', 'in', scope.organizationIds!))
		.$if((scope.excludedOrganizationIds?.length ?? 0) > 0, (qb) =>
			qb.where('plans.organization_id', 'not in', scope.excludedOrganizationIds!)
		)
		.select((eb) => [
			eb.fn.max('sources.published_on').as('publishedOn'),
			eb.fn.max('sources.imported_at').as('importedAt'),
			eb.fn.countAll<number>().as('reports')
		])
		.executeTakeFirstOrThrow();
	return { publishedOn: row.publishedOn, importedAt: row.importedAt, reports: Number(row.reports) };
}
