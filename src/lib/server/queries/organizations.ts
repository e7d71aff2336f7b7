/**
 * Organizations and the choices a filter bar offers.
 */
import type { DB } from '../db';
import { NO_TASK_FILTERS, scopedUpdates, type Scope } from './scope';

export interface OrganizationOption {
	id: number;
	name: string;
	parentId: number | null;
	/** Depth in the tree, 0 for a top-level body. */
	depth: number;
	/** Sample data (示例数据): the selector labels it. */
	isSample: boolean;
}

/** Every organization as a tree in depth-first order (parents before children, names sorted). */
export async function listOrganizationTree(db: DB): Promise<OrganizationOption[]> {
	const rows = await db.selectFrom('organizations').select(['id', 'name', 'parent_id as parentId', 'is_sample']).orderBy('name').execute();
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

/** Years that have current updates in scope, newest first. */
export async function listYears(db: DB, scope: Scope): Promise<number[]> {
	const rows = await scopedUpdates(db, scope, null, NO_TASK_FILTERS)
		.innerJoin('periods', 'periods.id', 'updates.period_id')
		.select('periods.year')
		.distinct()
		.orderBy('periods.year', 'desc')
		.execute();
	return rows.map((r) => r.year);
}

/** Category names in a scope and period, in report order. */
export async function listCategoryNames(db: DB, scope: Scope, periodId: number): Promise<string[]> {
	const rows = await scopedUpdates(db, scope, [periodId], NO_TASK_FILTERS)
		.where('categories.name', 'is not', null)
		.select((eb) => ['categories.name', eb.fn.min('categories.position').as('position')])
		.groupBy('categories.name')
		.orderBy('position')
		.execute();
	return rows.map((r) => r.name!);
}

/** Every theme, by name. */
export async function listThemes(db: DB): Promise<{ name: string; nameEn: string | null }[]> {
	return db.selectFrom('themes').select(['name', 'name_en as nameEn']).orderBy('name').execute();
}
