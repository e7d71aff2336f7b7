import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../db';
import { neighboursIn } from '../../domain/neighbours';
import type { SortDir } from '../../table-params';
import { getTaskNeighbours, readsPlaceByKey } from './task-neighbours';
import * as tasks from './tasks';
import { generateData } from '../generate';
import { ALL, SEQ, openReportsDatabase, viewsOf } from './testing';

let db: DB;
const { view } = viewsOf(() => db);

beforeAll(async () => {
	db = await openReportsDatabase();
	// Plans of several years, their ids interleaved as a province's are, beside the real reports.
	await generateData(db, { seed: 'neighbours', organizations: 30, years: 3, tasksPerPlan: 20 });
}, 120_000);

/** Lists of every shape the report order is read in: a whole period, filtered, one subtree, searched, the seed's. */
const VIEWS = [
	'year=2024&quarter=4',
	'year=2024&quarter=4&status=behind,not_started',
	'year=2023&quarter=2&source=inferred',
	'year=2024&quarter=4&q=%E6%8E%A8%E8%BF%9B',
	'year=2024&quarter=4&q=%E6%95%B0%E5%AD%97%E5%8C%96%E6%94%B9%E9%80%A0',
	'org=新街街道&year=2024&quarter=2',
	'year=2024&quarter=2&q=%E6%B6%88%E9%98%B2'
];
const CASES = VIEWS.flatMap((query) => (['asc', 'desc'] as SortDir[]).map((dir) => [query, dir] as const));

describe('the list in report order, read by the walk', () => {
	it.each(CASES)(
		'%s dir=%s: pages list the rows the sort lists, in its order, and as many as counted',
		async (query, dir) => {
			const v = await view(query);
			const order = { sort: 'seq', dir } as const;
			// The whole list is still sorted by the period's index (listOrderedTaskIds): the query the walk replaced for a page.
			const sorted = await tasks.listOrderedTaskIds(db, v.scope, v.periodId, v.filters, order);
			expect(sorted.length, query).toBeGreaterThan(1);
			const all = await tasks.listTasks(db, v.scope, v.periodId, v.filters, order, ALL);
			const sign = dir === 'asc' ? 1 : -1;
			const byKey = [...all].sort((a, b) => sign * (a.planId - b.planId || a.position - b.position));
			expect(byKey.map((r) => r.taskId)).toEqual(sorted);

			const paged: number[] = [];
			for (let offset = 0; offset < sorted.length; offset += 37)
				paged.push(
					...(await tasks.listTasks(db, v.scope, v.periodId, v.filters, order, { limit: 37, offset })).map(
						(r) => r.taskId
					)
				);
			expect(paged).toEqual(sorted);
			expect(await tasks.countTasks(db, v.scope, v.periodId, v.filters)).toBe(sorted.length);
		}
	);
});

describe('previous and next within the filtered list', () => {
	it.each(CASES)('%s dir=%s: in report order, read from the task’s key, as in the listed order', async (query, dir) => {
		const v = await view(query);
		const order = { sort: 'seq', dir } as const;
		const ids = (await tasks.listTasks(db, v.scope, v.periodId, v.filters, order, ALL)).map((r) => r.taskId);
		const step = Math.max(1, Math.floor(ids.length / 40));
		const places = new Set([
			0,
			1,
			ids.length - 2,
			ids.length - 1,
			...ids.map((_, i) => i).filter((i) => i % step === 0)
		]);
		for (const i of places) {
			const n = await getTaskNeighbours(db, v.scope, v.periodId, v.filters, order, ids[i]);
			expect(n, `${query} #${i}`).toEqual(neighboursIn(ids, ids[i]));
		}
	});

	it('agrees with the listed order at the start, middle and end in another order', async () => {
		const v = await view('year=2024&quarter=4&status=behind,not_started,unknown');
		const order = { sort: 'owner', dir: 'desc' } as const;
		const rows = await tasks.listTasks(db, v.scope, v.periodId, v.filters, order, ALL);
		for (const i of [0, Math.floor(rows.length / 2), rows.length - 1]) {
			const n = await getTaskNeighbours(db, v.scope, v.periodId, v.filters, order, rows[i].taskId);
			expect(n).toEqual({
				index: i,
				total: rows.length,
				previousId: rows[i - 1]?.taskId ?? null,
				nextId: rows[i + 1]?.taskId ?? null
			});
		}
	});

	it('reads a search’s place from its list, and a whole period’s (blank search included) from the task’s key', async () => {
		const place = async (query: string) => {
			const v = await view(query);
			return readsPlaceByKey(v.scope, SEQ, v.filters);
		};
		expect(await place('year=2024&quarter=4&q=%E6%95%B0%E5%AD%97%E5%8C%96%E6%94%B9%E9%80%A0')).toBe(false);
		expect(await place('year=2024&quarter=4&q=%20')).toBe(true);
		expect(await place('year=2024&quarter=4')).toBe(true);
	});

	it('is null for a task the filters exclude, in report order or another', async () => {
		const v = await view('org=新街街道&year=2024&quarter=2&q=消防');
		const [other] = await db.selectFrom('tasks').select('id').where('name', '=', '坚定数字升级').execute();
		expect(await getTaskNeighbours(db, v.scope, v.periodId, v.filters, SEQ, other.id)).toBeNull();
		expect(
			await getTaskNeighbours(db, v.scope, v.periodId, v.filters, { sort: 'task', dir: 'asc' }, other.id)
		).toBeNull();
	});
});
