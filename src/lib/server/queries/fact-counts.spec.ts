/**
 * A page that counts its updates several ways (countManyWays: the overview, the deck, the handout) groups its
 * one-period counts under filters the rollups cannot answer from one read of the period's facts. Those counts
 * must be the plain GROUP BY's, row for row — for the scope and for each compared child — on generated data,
 * and the facts must be read once where the GROUP BY ran once per count.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../db';
import { migrateToLatest } from '../db/migrate';
import { generateData } from '../generate';
import { filtersAndScope } from '../pages/request';
import { countChangeFacts, countFacts, type UpdateFacts } from '../../domain/fact-counts';
import type { Scope } from '../../types/scope';
import { countManyWays, countUpdates, countUpdatesEach, type MeasureCount } from './measures';
import { listComparedChildren } from './comparison';
import { countStatusChanges, summarizeScope } from './changes';

const locals: App.Locals = { lang: 'zh' };
const DIMENSIONS = ['status', 'category', 'theme'] as const;

/** Rows as text, in their order: the two paths sum ratios in their own order, equal to 1e-9. */
const canonical = (rows: MeasureCount[]) =>
	rows.map(
		(r) =>
			`${r.periodId}|${r.key}|${r.order}|${r.status}|${r.statusSource}|${r.taskCount}|${r.flaggedCount}|${r.ratioSum.toFixed(9)}|${r.ratioCount}`
	);

describe('counts grouped from one read of the facts', () => {
	let db: DB;
	/** The statements run since the last reset, as SQLite got them. */
	let statements: string[] = [];
	beforeAll(async () => {
		db = openDatabase(':memory:', {
			log: (event) => void (event.level === 'query' && statements.push(event.query.sql))
		});
		await migrateToLatest(db);
		await generateData(db, { seed: 'fact-counts', organizations: 16, years: 2, tasksPerPlan: 12 });
	}, 60_000);

	/** A page's scope for `query`, once as a page counting many ways has it and once as any other. */
	async function scopes(query: string) {
		const { filters, scope } = await filtersAndScope(db, new URL(`http://test.local/${query}`), locals);
		return { filters, marked: countManyWays({ ...scope }), plain: { ...scope } as Scope };
	}

	/** Filters no rollup row answers (by some dimension at least), with values the generated data holds. */
	async function unanswered(): Promise<string[]> {
		const theme = (await db.selectFrom('themes').select('name').orderBy('id').executeTakeFirstOrThrow()).name;
		const category = (
			await db
				.selectFrom('categories')
				.select('name')
				.where('name', 'is not', null)
				.orderBy('id')
				.executeTakeFirstOrThrow()
		).name!;
		const flag = (await db.selectFrom('quality_flags').select('kind').orderBy('id').executeTakeFirstOrThrow()).kind;
		const owner = (
			await db
				.selectFrom('tasks')
				.select('owner')
				.where('owner', 'is not', null)
				.orderBy('id')
				.executeTakeFirstOrThrow()
		).owner!;
		const e = encodeURIComponent;
		return [
			`?theme=${e(theme)}`,
			`?theme=${e(theme)}&category=${e(category)}`,
			`?theme=${e(theme)}&status=behind&status=on_track`,
			`?flag=${flag}`,
			`?owner=${e(owner)}`,
			'?attention=1',
			'?since=q1&change=newly_behind',
			'?streak=2',
			'?theme=没有这个主题'
		];
	}

	it('gives the GROUP BY’s rows, in its order, for the scope, by status, category and theme, under every such filter', async () => {
		let compared = 0;
		for (const filter of await unanswered()) {
			for (const org of ['', 'org=1&']) {
				const query = filter.replace('?', `?${org}`);
				const { filters, marked, plain } = await scopes(query);
				if (!marked.period) continue;
				for (const dimension of DIMENSIONS) {
					const fromFacts = await countUpdates(db, marked, [marked.period.id], filters, dimension);
					const grouped = await countUpdates(db, plain, [plain.period!.id], filters, dimension);
					expect(canonical(fromFacts), `${query} by ${dimension}`).toEqual(canonical(grouped));
					compared += grouped.length;
				}
			}
		}
		expect(compared).toBeGreaterThan(500);
	});

	it('gives each compared child the GROUP BY’s rows, in its order, from the page’s facts', async () => {
		let compared = 0;
		for (const filter of await unanswered()) {
			const { filters, marked, plain } = await scopes(filter);
			if (!marked.period) continue;
			// Each scope its own children: kept answers hang on the scope they were asked of.
			const [{ children: mine }, { children: theirs }] = [
				await listComparedChildren(db, marked),
				await listComparedChildren(db, plain)
			];
			expect(mine.length, filter).toBeGreaterThan(1);
			for (const dimension of DIMENSIONS) {
				const period = [marked.period.id];
				const fromFacts = await countUpdatesEach(db, mine, period, filters, dimension, null, marked);
				const grouped = await countUpdatesEach(db, theirs, period, filters, dimension);
				for (const child of mine) {
					expect(canonical(fromFacts.get(child.id)!), `${filter} by ${dimension}, child ${child.name}`).toEqual(
						canonical(grouped.get(child.id)!)
					);
					compared += grouped.get(child.id)!.length;
				}
			}
		}
		expect(compared).toBeGreaterThan(500);
	});

	/**
	 * The change panel's and the deck's pages: every filter no rollup answers (`unanswered`) and two that one does,
	 * over the whole scope and over unit 1.
	 */
	async function changePages(): Promise<{ query: string; unanswered: boolean }[]> {
		const unansweredFilters = await unanswered();
		return [...unansweredFilters, '?since=q1', '?status=behind'].flatMap((filter) =>
			['', 'org=1&'].map((org) => ({
				query: filter.replace('?', `?${org}`),
				unanswered: unansweredFilters.includes(filter)
			}))
		);
	}

	it('gives the deck’s counts of status changes, from the facts the page’s counts read', async () => {
		let counted = 0;
		for (const { query, unanswered: factsAnswer } of await changePages()) {
			const { filters, marked, plain } = await scopes(query);
			if (!marked.period || !marked.since) continue;
			await countUpdates(db, marked, [marked.period.id], filters, 'category');
			statements = [];
			const fromFacts = await countStatusChanges(db, marked, marked.period.id, marked.since.id, filters);
			// Read from the facts where the page's counts read them, with no statement of its own.
			if (factsAnswer) expect(statements, query).toEqual([]);
			const grouped = await countStatusChanges(db, plain, plain.period!.id, plain.since!.id, filters);
			expect(fromFacts, query).toEqual(grouped);
			counted += grouped.length;
		}
		expect(counted).toBeGreaterThan(50);
	});

	it('gives the change panel’s counts of one pass over the scope, from the facts the page’s counts read', async () => {
		let counted = 0;
		for (const { query, unanswered: factsAnswer } of await changePages()) {
			const { filters, marked, plain } = await scopes(query);
			if (!marked.period) continue;
			const { children } = await listComparedChildren(db, plain);
			// The page's counts first, as the overview asks them: by category, which no rollup answers under these filters.
			await countUpdates(db, marked, [marked.period.id], filters, 'category');
			statements = [];
			const fromFacts = await summarizeScope(db, marked, marked.period.id, filters, children, 2);
			const scans = statements.filter((s) => /\bfrom "updates"/.test(s)).length;
			// Where the rollups answered the counts no facts were read, and the panel makes its own pass.
			expect(scans, query).toBe(factsAnswer ? 0 : 2);
			expect(fromFacts, query).toEqual(await summarizeScope(db, plain, plain.period!.id, filters, children, 2));
			counted += fromFacts.categories.length + fromFacts.longBehind;
		}
		expect(counted).toBeGreaterThan(100);
	});

	it('reads the period’s facts once for every count, where each count was a GROUP BY', async () => {
		// A theme with a category: no rollup row answers any of the six counts.
		const [, filter] = await unanswered();
		const { filters, marked, plain } = await scopes(filter);
		const periodId = marked.period!.id;
		const scans = async (scope: Scope) => {
			const { children } = await listComparedChildren(db, scope);
			statements = [];
			for (const dimension of DIMENSIONS) await countUpdates(db, scope, [periodId], filters, dimension);
			for (const dimension of DIMENSIONS)
				await countUpdatesEach(db, children, [periodId], filters, dimension, null, scope);
			return statements.filter((s) => /\bfrom "updates"/.test(s)).length;
		};
		expect(await scans(marked)).toBe(1);
		expect(await scans(plain)).toBe(2 * DIMENSIONS.length);
	});
});

describe('counting facts in memory', () => {
	const fact = (over: Partial<UpdateFacts>): UpdateFacts => ({
		organizationId: 1,
		periodId: 7,
		status: 'behind',
		statusSource: 'reported',
		categoryKey: 'a',
		categoryOrder: 2,
		themes: null,
		flagged: 0,
		ratio: null,
		earlier: null,
		change: 'unchanged',
		behindRun: 0,
		...over
	});
	const facts = [
		fact({ themes: '3,5', ratio: 0.5, flagged: 1 }),
		fact({ categoryOrder: 1, themes: '5', ratio: 0.25 }),
		fact({ organizationId: 2, categoryKey: 'b', status: 'completed' }),
		fact({ organizationId: 9, statusSource: 'inferred' })
	];

	it('counts each update once by status and by category, with its flag, ratio and the category’s first position', () => {
		expect(countFacts(facts, 'status')).toEqual([
			expect.objectContaining({ owner: 0, key: '', status: 'behind', statusSource: 'inferred', taskCount: 1 }),
			expect.objectContaining({ owner: 0, key: '', status: 'behind', statusSource: 'reported', taskCount: 2 }),
			expect.objectContaining({ key: '', status: 'completed', taskCount: 1 })
		]);
		const a = countFacts(facts, 'category').find((r) => r.statusSource === 'reported' && r.status === 'behind');
		expect(a).toMatchObject({ key: 'a', order: 1, taskCount: 2, flaggedCount: 1, ratioSum: 0.75, ratioCount: 2 });
	});

	it('counts an update under each of its themes, and not without one', () => {
		const byTheme = countFacts(facts, 'theme');
		expect(byTheme.map((r) => [r.key, r.taskCount])).toEqual([
			['3', 1],
			['5', 2]
		]);
	});

	it('orders its rows as SQLite’s GROUP BY does: by period, then key, status and source in code point order', () => {
		const keys = ['𠀀', '\uE000', '10', '9', 'b', 'a'];
		const rows = countFacts(
			[fact({ categoryKey: 'z', periodId: 8 }), ...keys.map((key) => fact({ categoryKey: key, periodId: 6 }))],
			'category'
		);
		// UTF-16 order (JavaScript's `<`) would put 𠀀 (U+20000, a surrogate pair) before U+E000.
		expect(rows.map((r) => `${r.periodId}:${r.key}`)).toEqual(['6:10', '6:9', '6:a', '6:b', '6:\uE000', '6:𠀀', '8:z']);
	});

	it('groups by the owner each organization is given, leaving out the updates of organizations without one', () => {
		const owners = new Map([
			[1, 10],
			[2, 10]
		]);
		const rows = countFacts(facts, 'status', (id) => owners.get(id));
		expect(rows.map((r) => [r.owner, r.status, r.taskCount])).toEqual([
			[10, 'behind', 2],
			[10, 'completed', 1]
		]);
	});

	/** An update on track under 民生, as the tests below vary it. */
	const onTrack = (over: Partial<UpdateFacts>) => fact({ status: 'on_track', categoryKey: '民生', ...over });

	it('counts each owner, key, status and source apart, in the GROUP BY’s order, an update under each of its themes', () => {
		const several = [
			onTrack({ themes: '7,3', ratio: 0.5, flagged: 1 }),
			onTrack({ organizationId: 2, themes: '3', ratio: 0.25 }),
			onTrack({ organizationId: 3, themes: '3', statusSource: 'inferred' }),
			onTrack({ organizationId: 4, status: 'behind', themes: null })
		];
		const owners = (id: number) => (id === 4 ? undefined : id === 1 ? 10 : 20);
		expect(
			countFacts(several, 'theme', owners).map((c) => [c.owner, c.key, c.status, c.statusSource, c.taskCount])
		).toEqual([
			[20, '3', 'on_track', 'inferred', 1],
			[10, '3', 'on_track', 'reported', 1],
			[20, '3', 'on_track', 'reported', 1],
			[10, '7', 'on_track', 'reported', 1]
		]);
		const [all] = countFacts(several.slice(0, 2), 'status');
		expect(all).toMatchObject({ owner: 0, key: '', taskCount: 2, flaggedCount: 1, ratioSum: 0.75, ratioCount: 2 });
	});

	it('keeps a category’s least position as its order', () => {
		const counted = countFacts(
			[onTrack({ categoryOrder: 5 }), onTrack({ categoryOrder: 1 }), onTrack({ categoryOrder: 3 })],
			'category'
		);
		expect(counted).toEqual([expect.objectContaining({ key: '民生', order: 1, taskCount: 3 })]);
	});

	it('refuses a status it does not know, naming it, rather than count it nowhere', () => {
		expect(() => countFacts([onTrack({ status: 'done' as never })], 'status')).toThrow(/status done \/ reported/);
	});

	it('counts the change panel’s cells: each organization, category and kind of change apart, by organization first', () => {
		const counted = countChangeFacts([
			onTrack({ organizationId: 2, change: 'improved' }),
			onTrack({ organizationId: 1, change: 'improved', categoryOrder: 4 }),
			onTrack({ organizationId: 1, change: 'improved', categoryOrder: 1 }),
			onTrack({ organizationId: 1, change: 'worsened' })
		]);
		expect(counted).toEqual([
			{ organizationId: 1, key: '民生', position: 1, change: 'improved', taskCount: 2 },
			{ organizationId: 1, key: '民生', position: 2, change: 'worsened', taskCount: 1 },
			{ organizationId: 2, key: '民生', position: 2, change: 'improved', taskCount: 1 }
		]);
	});
});
