import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { generateData } from '../generate';
import { importDocument } from '../import';
import { withSearchIndexesBuiltAfter } from './search-index';
import { matchOf } from './task-search';

async function triggers(db: DB): Promise<{ name: string; sql: string }[]> {
	const { rows } = await sql<{ name: string; sql: string }>`select name, sql from sqlite_schema
		where type = 'trigger' order by name`.execute(db);
	return rows;
}

async function column(db: DB, query: ReturnType<typeof sql<{ v: number }>>): Promise<number[]> {
	return (await query.execute(db)).rows.map((r) => r.v);
}

/** The keys each index holds, and the keys its rows give it. */
async function indexAgainstRows(db: DB) {
	return {
		tasks: await column(db, sql`select rowid as v from task_search_docsize order by 1`),
		taskRows: await column(db, sql`select id as v from tasks order by 1`),
		statuses: await column(db, sql`select rowid as v from update_search_docsize order by 1`),
		statusRows: await column(
			db,
			sql`select (period_id << 32) | task_id as v from updates where superseded_at is null order by 1`
		)
	};
}

/** For each term, the keys each index matches, and the keys of the rows that hold it. */
async function matchesAgainstRows(db: DB, terms: string[]) {
	const found: Record<string, { index: number[]; rows: number[] }> = {};
	for (const term of terms) {
		found[term] = {
			index: [
				...(await column(
					db,
					sql`select rowid as v from task_search where task_search match ${matchOf('task_search', term)} order by 1`
				)),
				...(await column(
					db,
					sql`select rowid as v from update_search where update_search match ${matchOf('update_search', term)} order by 1`
				))
			],
			rows: [
				...(await column(
					db,
					sql`select id as v from tasks where instr(name, ${term}) > 0 or instr(content, ${term}) > 0 order by 1`
				)),
				...(await column(
					db,
					sql`select (period_id << 32) | task_id as v from updates
						where superseded_at is null and instr(status_text, ${term}) > 0 order by 1`
				))
			]
		};
	}
	return found;
}

describe('the search indexes, built after a bulk write', () => {
	let db: DB;
	let terms: string[];
	beforeAll(async () => {
		db = await openTestDatabase();
		await generateData(db, { seed: 'search-index', organizations: 10, years: 2, tasksPerPlan: 15 });
		const { rows } = await sql<{ term: string }>`select distinct substr(status_text, 5, 3) as term from updates
			where length(status_text) >= 10 order by term limit 12`.execute(db);
		// And pairs, the ones the trigrams hold only through the end marker first: those ending a name or a text.
		const pairs = await sql<{ term: string }>`select term from (
			select distinct substr(name, -2) as term from tasks union select distinct substr(status_text, -2) from updates
		) where length(term) = 2 order by term limit 8`.execute(db);
		terms = [...rows.map((r) => r.term), ...pairs.rows.map((r) => r.term)];
	});

	it('hold every task and every current status text the generator wrote, and find what the rows hold', async () => {
		const keys = await indexAgainstRows(db);
		expect(keys.statusRows.length).toBeGreaterThan(1000);
		expect(keys.tasks).toEqual(keys.taskRows);
		expect(keys.statuses).toEqual(keys.statusRows);
		expect(terms).toHaveLength(20);
		for (const [term, { index, rows }] of Object.entries(await matchesAgainstRows(db, terms))) {
			expect(rows.length, term).toBeGreaterThan(0);
			expect(index, term).toEqual(rows);
		}
	});

	it('are kept by the same triggers as a database the migrations just made', async () => {
		const fresh = await openTestDatabase();
		expect(await triggers(db)).toEqual(await triggers(fresh));
		expect((await triggers(db)).map((t) => t.name)).toContain('updates_search_insert');
	});

	it('keep up with a report imported afterwards, through their triggers', async () => {
		const text = readFileSync('data/reports/xinjie-2024-q2.txt');
		await importDocument(db, text, { fileName: 'xinjie.txt', organization: ['测试市', '新街街道'] });
		const keys = await indexAgainstRows(db);
		expect(keys.tasks).toEqual(keys.taskRows);
		expect(keys.statuses).toEqual(keys.statusRows);
		for (const [term, { index, rows }] of Object.entries(await matchesAgainstRows(db, ['平安巡查', '巡查', '防治']))) {
			expect(rows.length, term).toBeGreaterThan(0);
			expect(index, term).toEqual(rows);
		}
	});
});

describe('withSearchIndexesBuiltAfter', () => {
	it('builds the indexes and puts the triggers back when the work fails, keeping what it committed', async () => {
		const db = await openTestDatabase();
		const before = await triggers(db);
		const text = readFileSync('data/reports/xinjie-2024-q2.txt');
		await expect(
			withSearchIndexesBuiltAfter(db, async () => {
				await importDocument(db, text, { fileName: 'xinjie.txt', organization: ['测试市', '新街街道'] });
				// Written while the triggers are gone: nothing reaches the index until the end.
				expect((await indexAgainstRows(db)).statuses).toEqual([]);
				throw new Error('the disk is full');
			})
		).rejects.toThrow('the disk is full');
		expect(await triggers(db)).toEqual(before);
		const keys = await indexAgainstRows(db);
		expect(keys.taskRows.length).toBeGreaterThan(0);
		expect(keys.tasks).toEqual(keys.taskRows);
		expect(keys.statuses).toEqual(keys.statusRows);
	});

	it('refuses a database whose index triggers are missing, and changes nothing', async () => {
		const db = await openTestDatabase();
		await sql`drop trigger tasks_search_update`.execute(db);
		const before = await triggers(db);
		let ran = false;
		await expect(
			withSearchIndexesBuiltAfter(db, async () => {
				ran = true;
			})
		).rejects.toThrow('the search index triggers tasks_search_update are missing');
		expect(ran).toBe(false);
		expect(await triggers(db)).toEqual(before);
	});
});
