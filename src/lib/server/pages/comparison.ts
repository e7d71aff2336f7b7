/**
 * The overview's comparison of organizations for one scope: the direct children ranked, the heatmaps, the
 * breadcrumb back up and the "data as of" stamp. Every count goes through countUpdates, one child at a
 * time, with the page's own filters — the numbers a `/tasks?org=<child>` link lists.
 */
import type { DB } from '../db';
import type { Filters } from '../../filters';
import type { Scope } from '../../types/scope';
import type { ComparisonData, DataAsOf, HeatmapData, OrganizationRef } from '../../types/comparison';
import * as comparison from '../queries/comparison';
import * as overview from '../queries/overview';
import * as organizations from '../queries/organizations';
import { childTotals, heatmapOf, largestKeys, remainders, type KeyedCount } from '../../domain/comparison';
import { countUpdates, type MeasureCount } from '../queries/measures';

/** Columns a heatmap keeps before the rest go to one 其他 column: 200 organizations × 300 categories stay readable. */
export const HEATMAP_KEYS = 10;

export interface ComparisonPage {
	/** The scope's organization and its ancestors, top down (empty for all organizations or several). */
	ancestors: OrganizationRef[];
	/** Null when the scope has no data for any period. */
	dataAsOf: DataAsOf | null;
	/** Null when the scope is one organization without children, or has no data. */
	comparison: ComparisonData | null;
}

export async function loadComparison(db: DB, filters: Filters, scope: Scope): Promise<ComparisonPage> {
	const only = scope.organizations.length === 1 ? scope.organizations[0] : null;
	const ancestors = only ? await comparison.listAncestors(db, scope, only.id) : [];
	if (!scope.period) return { ancestors, dataAsOf: null, comparison: null };
	const period = scope.period;
	const [dataAsOf, { parent, children }] = await Promise.all([
		comparison.getDataAsOf(db, scope, period.id),
		comparison.listComparedChildren(db, scope)
	]);
	if (children.length === 0) return { ancestors, dataAsOf, comparison: null };
	// The same previous period as the KPI tiles' change: the one before in the selected year.
	const periods = await overview.listPeriodsWithData(db, scope, period.year);
	const previous = periods[periods.findIndex((p) => p.id === period.id) - 1] ?? null;
	const periodIds = previous ? [period.id, previous.id] : [period.id];
	// The heatmap's category columns are the scope's largest categories: only they are counted per child
	// (a province's children hold thousands of category rows), the rest of each child is its total less them.
	const scopeCategories = await countUpdates(db, scope, [period.id], filters, 'category');
	const sizes = new Map<string, number>();
	for (const r of scopeCategories) sizes.set(r.key, (sizes.get(r.key) ?? 0) + r.taskCount);
	const largest = largestKeys(sizes, HEATMAP_KEYS);
	const [byStatus, silent, byCategory, byTheme, themes] = await Promise.all([
		comparison.countChildren(db, children, periodIds, filters, 'status'),
		comparison.listSilentChildren(db, children, period.id),
		comparison.countChildren(db, children, [period.id], filters, 'category', largest.ordered, scope),
		comparison.countChildren(db, children, [period.id], filters, 'theme', null, scope),
		organizations.listThemesById(db, scope)
	]);
	const totals = new Map(
		children.map((c) => {
			const current = childTotals(byStatus.get(c.id)!, period.id);
			return [c.id, { tasks: current.tasks, behind: current.behind }];
		})
	);
	const themeEn = new Map([...themes.values()].map((th) => [th.name, th.nameEn]));
	return {
		ancestors,
		dataAsOf,
		comparison: {
			parent,
			children: children.map((c) => ({
				id: c.id,
				name: c.name,
				hasChildren: c.hasChildren,
				reported: !silent.has(c.id),
				current: childTotals(byStatus.get(c.id)!, period.id),
				previous: previous ? childTotals(byStatus.get(c.id)!, previous.id) : null
			})),
			byCategory: {
				...heatmap(
					byCategory,
					(key) => key,
					(key) => ({ label: key, labelEn: null }),
					totals
				),
				otherCount: largest.otherCount
			},
			byTheme: heatmap(
				byTheme,
				(key) => themes.get(key)?.name ?? '',
				(name) => ({ label: name, labelEn: themeEn.get(name) ?? null })
			)
		}
	};
}

/** Children's rows by key into a heatmap; `keyOf` turns a row key into the name a filter takes. */
function heatmap(
	rows: Map<number, MeasureCount[]>,
	keyOf: (rowKey: string) => string,
	labelOf: (key: string) => { label: string; labelEn: string | null },
	/** With the children's totals: `rows` hold only some keys, and each child's rest goes to the bucket. */
	totals?: ReadonlyMap<number, { tasks: number; behind: number }>
): HeatmapData {
	const counts: KeyedCount[] = [];
	for (const [childId, childRows] of rows) {
		for (const r of childRows) {
			counts.push({
				childId,
				key: keyOf(r.key),
				tasks: r.taskCount,
				behind: r.status === 'behind' ? r.taskCount : 0
			});
		}
	}
	return heatmapOf(totals ? [...counts, ...remainders(counts, totals)] : counts, HEATMAP_KEYS, labelOf);
}
