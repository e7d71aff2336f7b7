import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { generateData } from '../generate';
import { importDocument } from '../import';
import { parseFilters } from '../../filters';
import { childTotals } from '../../domain/comparison';
import { OTHER_KEY } from '../../types/comparison';
import { resolveScope, scopedUpdates } from './scope';
import * as comparison from './comparison';
import { loadComparison } from '../pages/comparison';
import { countUpdates, type MeasureCount } from './measures';

const SEED = readFileSync('data/reports/xinjie-2024-q2.txt');

let db: DB;
let city: { id: number; name: string };

beforeAll(async () => {
	db = await openTestDatabase();
	await generateData(db, { seed: 'compare', organizations: 14, years: 1, tasksPerPlan: 10, lastYear: 2024 });
	city = await db
		.selectFrom('organizations')
		.select(['id', 'name'])
		.where('parent_id', 'is', null)
		.executeTakeFirstOrThrow();
	// A district that reports only for 2024 Q2: silent in Q1, Q3 and Q4.
	await importDocument(db, SEED, { fileName: 'xinjie-2024-q2.txt', organization: [city.name, '新区'] });
});

async function scopeOf(query: string) {
	const filters = parseFilters(new URLSearchParams(query));
	return { filters, scope: await resolveScope(db, filters) };
}

/** How many rows `/tasks` lists for a query: the same scopedUpdates, counted without countUpdates. */
async function listedRows(query: string): Promise<number> {
	const { filters, scope } = await scopeOf(query);
	// A child with nothing in the period has no period to list: /tasks says so and lists nothing.
	if (!scope.period) return 0;
	const rows = await scopedUpdates(db, scope, [scope.period!.id], filters).select('updates.id').execute();
	return rows.length;
}

describe('listComparedChildren', () => {
	it('compares the districts of a city, and under all organizations the single city’s districts', async () => {
		const districts = await db.selectFrom('organizations').select('name').where('parent_id', '=', city.id).execute();
		expect(districts.length).toBeGreaterThan(1);
		for (const query of [`org=${city.id}`, '']) {
			const { parent, children } = await comparison.listComparedChildren(db, (await scopeOf(query)).scope);
			expect(parent).toEqual(city);
			expect(children.map((c) => c.name).sort()).toEqual(districts.map((d) => d.name).sort());
		}
	});

	it('gives a street no children, and a district its streets with their subtrees', async () => {
		const { children } = await comparison.listComparedChildren(db, (await scopeOf(`org=${city.id}`)).scope);
		const district = children.find((c) => c.hasChildren)!;
		const below = await comparison.listComparedChildren(db, (await scopeOf(`org=${district.id}`)).scope);
		expect(below.parent).toEqual({ id: district.id, name: district.name });
		expect(below.children.length).toBe(district.scope.organizationIds!.length - 1);
		const street = below.children[0];
		expect(street.hasChildren).toBe(false);
		expect((await comparison.listComparedChildren(db, (await scopeOf(`org=${street.id}`)).scope)).children).toEqual([]);
	});
});

describe('children counts equal the rows /tasks lists for each child', () => {
	it.each([
		['year=2024&quarter=2', ''],
		['year=2024&quarter=3', 'status=behind'],
		// A quality flag cannot be read from the rollups: the plain GROUP BY answers.
		['year=2024&quarter=3', 'flag=target_not_reported'],
		['year=2024&quarter=4', 'theme=城市建设']
	])('%s %s', async (period, filter) => {
		const { filters, scope } = await scopeOf(`org=${city.id}&${period}&${filter}`);
		const { children } = await comparison.listComparedChildren(db, scope);
		const counts = await comparison.countChildren(db, children, [scope.period!.id], filters, 'status');
		expect([...counts.values()].flat().some((r) => r.taskCount > 0)).toBe(true);
		for (const child of children) {
			const totals = childTotals(counts.get(child.id)!, scope.period!.id);
			expect(totals.tasks).toBe(await listedRows(`org=${child.id}&${period}&${filter}`));
			if (filter === '') {
				expect(totals.behind).toBe(await listedRows(`org=${child.id}&${period}&status=behind`));
				expect(totals.completed).toBe(await listedRows(`org=${child.id}&${period}&status=completed`));
			}
		}
	});
});

describe('the heatmap by category', () => {
	it.each([
		['year=2024&quarter=2', ''],
		['year=2024&quarter=3', 'status=behind'],
		['year=2024&quarter=3', 'flag=target_not_reported']
	])(
		'%s %s: each kept cell is the rows /tasks lists, and a child’s cells add up to its total',
		async (period, filter) => {
			const query = `org=${city.id}&${period}&${filter}`;
			const { filters, scope } = await scopeOf(query);
			const { comparison: compared } = await loadComparison(db, filters, scope);
			const heatmap = compared!.byCategory;
			expect(heatmap.keys.length).toBeGreaterThan(0);
			expect(heatmap.cells.some((c) => c.key === OTHER_KEY)).toBe(heatmap.otherCount > 0);
			for (const child of compared!.children) {
				const cells = heatmap.cells.filter((c) => c.childId === child.id);
				expect(cells.reduce((n, c) => n + c.tasks, 0)).toBe(child.current.tasks);
				expect(cells.reduce((n, c) => n + c.behind, 0)).toBe(child.current.behind);
				for (const cell of cells.filter((c) => c.key !== OTHER_KEY).slice(0, 3)) {
					const category = encodeURIComponent(cell.key);
					expect(cell.tasks).toBe(await listedRows(`org=${child.id}&${period}&${filter}&category=${category}`));
				}
			}
		}
	);
});

describe('children counted together where the rollups cannot answer', () => {
	const order = (rows: MeasureCount[]) =>
		[...rows].sort((a, b) =>
			`${a.periodId}|${a.key}|${a.status}|${a.statusSource}` < `${b.periodId}|${b.key}|${b.status}|${b.statusSource}`
				? -1
				: 1
		);
	it.each([
		['year=2024&quarter=3', 'theme=城市建设', 'category' as const],
		['year=2024&quarter=4', 'theme=城市建设', 'theme' as const],
		['year=2024&quarter=3', 'flag=target_not_reported', 'category' as const],
		['year=2024&quarter=2', 'status=behind&owner=区住建局', 'status' as const]
	])('%s %s by %s: one statement gives each child the rows of its own count', async (period, filter, dimension) => {
		const { filters, scope } = await scopeOf(`org=${city.id}&${period}&${filter}`);
		const { children } = await comparison.listComparedChildren(db, scope);
		expect(children.length).toBeGreaterThan(1);
		const together = await comparison.countChildren(db, children, [scope.period!.id], filters, dimension);
		let counted = 0;
		for (const child of children) {
			const alone = await countUpdates(db, child.scope, [scope.period!.id], filters, dimension);
			expect(order(together.get(child.id)!)).toEqual(order(alone));
			counted += alone.length;
		}
		if (!filter.includes('owner')) expect(counted).toBeGreaterThan(0);
	});
});

describe('children that have not reported', () => {
	it('names the district that reported only for Q2 in Q1 and Q3, and nobody in Q2', async () => {
		const silentIn = async (quarter: number) => {
			const { scope } = await scopeOf(`org=${city.id}&year=2024&quarter=${quarter}`);
			const { children } = await comparison.listComparedChildren(db, scope);
			const silent = await comparison.listSilentChildren(db, children, scope.period!.id);
			return children.filter((c) => silent.has(c.id)).map((c) => c.name);
		};
		expect(await silentIn(1)).toEqual(['新区']);
		expect(await silentIn(2)).toEqual([]);
		expect(await silentIn(3)).toEqual(['新区']);
	});

	it('does not call a child silent because the filters leave its tasks out', async () => {
		const { filters, scope } = await scopeOf(`org=${city.id}&year=2024&quarter=2&category=没有这个类别`);
		const page = await loadComparison(db, filters, scope);
		expect(page.comparison!.children.every((c) => c.reported && c.current.tasks === 0)).toBe(true);
	});
});

describe('the breadcrumb and the data-as-of stamp', () => {
	it('lists a street’s ancestors from the city down', async () => {
		const street = await db
			.selectFrom('organizations')
			.select(['id', 'name', 'parent_id'])
			.where('name', '=', '新街街道')
			.executeTakeFirst();
		// The report names its own street under the district the test gave it.
		const chain = await comparison.listAncestors(db, {}, street?.id ?? -1);
		expect(chain.map((o) => o.name)).toEqual(street ? [city.name, '新区', '新街街道'] : []);
	});

	it('stamps a period with its reports’ latest 发布日期 and import time', async () => {
		const { scope } = await scopeOf('org=新区&year=2024&quarter=2');
		const stamp = await comparison.getDataAsOf(db, scope, scope.period!.id);
		expect(stamp).toMatchObject({ publishedOn: '2024-07-08', reports: 1 });
		expect(stamp.importedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
		const whole = await scopeOf(`org=${city.id}&year=2024&quarter=2`);
		const all = await comparison.getDataAsOf(db, whole.scope, whole.scope.period!.id);
		expect(all.reports).toBe(15);
		expect(all.publishedOn! >= '2024-07-08').toBe(true);
	});
});
