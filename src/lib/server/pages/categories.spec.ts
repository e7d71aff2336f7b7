import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { importDocument } from '../import';
import { SEED, SEED_Q1 } from '../queries/testing';
import { countTasksByCategoryStatus } from '../queries/overview';
import { filtersAndScope } from './request';
import { loadCategoryChoices } from './categories';

const XIAOSHAN = readFileSync('data/reports/xiaoshan-2020-h1.txt');
const url = (path: string) => new URL(`http://test.local${path}`);
const locals: App.Locals = { lang: 'zh' };

let db: DB;
beforeEach(async () => {
	db = await openTestDatabase();
	await importDocument(db, Buffer.from(SEED_Q1), { fileName: 'xinjie-2024-q1.txt' });
	await importDocument(db, Buffer.from(SEED), { fileName: 'xinjie-2024-q2.txt' });
	await importDocument(db, XIAOSHAN, { fileName: 'xiaoshan-2020-h1.txt', organization: ['杭州市', '萧山区'] });
});

/** The category picker's list for a URL's filters, as the browser gets it. */
async function choices(path: string): Promise<string[]> {
	const response = await loadCategoryChoices(db, url(path), locals);
	expect(response.status).toBe(200);
	return response.json();
}

describe('/categories: the category picker’s whole list', () => {
	it('names each category the overview counts in the same scope and period, once, in report order', async () => {
		for (const path of ['/', '/?year=2024&quarter=1', '/?org=萧山区', '/?org=萧山区&year=2020']) {
			const { filters, scope } = await filtersAndScope(db, url(path), locals);
			const counted = await countTasksByCategoryStatus(db, scope, scope.period!.id, filters);
			const names = [...new Set(counted.flatMap((r) => (r.category === null ? [] : [r.category])))];
			expect(names.length, path).toBeGreaterThan(1);
			expect(await choices(path)).toEqual(names);
		}
	});
	it('lists every category of the scope whatever the page’s category, theme or status filter', async () => {
		const all = await choices('/?org=萧山区');
		expect(all.length).toBeGreaterThan(1);
		expect(await choices(`/?org=萧山区&category=${encodeURIComponent(all[1])}&theme=x&status=behind`)).toEqual(all);
	});
	it('differs by scope and period: the district’s 2020 report is not the street’s 2024 one', async () => {
		const [district2020, street2024] = [await choices('/?org=萧山区&year=2020'), await choices('/?year=2024')];
		expect(district2020.length).toBeGreaterThan(1);
		expect(street2024.length).toBeGreaterThan(1);
		expect(district2020.filter((name) => street2024.includes(name))).toEqual([]);
	});
	it('answers an empty list where the scope has no data, and 400 on a filter it cannot read', async () => {
		expect(await choices('/?year=1999')).toEqual([]);
		await expect(loadCategoryChoices(db, url('/?quarter=9'), locals)).rejects.toMatchObject({ status: 400 });
	});
});
