import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { statusFromProgress } from '../../domain/progress';
import { statusRank, type Status } from '../../domain/status';
import { inferStatus, mapReportedStatus } from '../import/infer-status';
import { hashDatabase } from '../queries/dump';
import { countExpectedUpdates, generateData, type GenerateOptions } from '.';

const SMALL: GenerateOptions = { seed: 'test', organizations: 4, years: 2, tasksPerPlan: 12 };

async function generated(options: GenerateOptions): Promise<DB> {
	const db = await openTestDatabase();
	await generateData(db, options);
	return db;
}

describe('generateData: determinism', () => {
	it('writes the same rows for the same seed, timestamps included, and other rows for another seed', async () => {
		const [a, b, c] = await Promise.all([generated(SMALL), generated(SMALL), generated({ ...SMALL, seed: 'other' })]);
		const hash = await hashDatabase(a);
		expect(await hashDatabase(b)).toBe(hash);
		expect(await hashDatabase(c)).not.toBe(hash);
		const stamps = await a.selectFrom('updates').select('created_at').distinct().execute();
		expect(stamps.every((s) => /^20(2[3-5])-\d\d-\d\dT02:00:00\.000Z$/.test(s.created_at))).toBe(true);
	});
});

describe('generateData: a city of 12 organizations over two years', () => {
	const options: GenerateOptions = { seed: 'rules', organizations: 12, years: 2, tasksPerPlan: 20 };
	let db: DB;
	let summary: Awaited<ReturnType<typeof generateData>>;
	beforeAll(async () => {
		db = await openTestDatabase();
		summary = await generateData(db, options);
	});

	it('writes what it announced: one document per organization × year × quarter, every update current', async () => {
		expect(summary).toMatchObject({
			organizations: 12,
			plans: 24,
			documents: 96,
			updates: countExpectedUpdates(options)
		});
		const updates = await db
			.selectFrom('updates')
			.select([sql<number>`count(*)`.as('n'), sql<number>`sum(superseded_at is null)`.as('current')])
			.executeTakeFirstOrThrow();
		expect(updates).toEqual({ n: summary.updates, current: summary.updates });
		const sources = await db.selectFrom('sources').select(['format', 'subject', 'text']).execute();
		expect(sources).toHaveLength(96);
		expect(
			sources.every((s) => s.format === 'generated' && s.subject === '合成数据' && JSON.parse(s.text).seed === 'rules')
		).toBe(true);
	});

	it('satisfies the schema: foreign keys and integrity hold', async () => {
		expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([]);
		expect((await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows).toEqual([
			{ integrity_check: 'ok' }
		]);
	});

	it('gives every plan 4–6 categories and 10–60 tasks, every task a category of its plan and at least one theme', async () => {
		const plans = await db
			.selectFrom('plans')
			.select((eb) => [
				eb
					.selectFrom('categories')
					.select(sql<number>`count(*)`.as('n'))
					.whereRef('categories.plan_id', '=', 'plans.id')
					.as('categories'),
				eb
					.selectFrom('tasks')
					.select(sql<number>`count(*)`.as('n'))
					.whereRef('tasks.plan_id', '=', 'plans.id')
					.as('tasks')
			])
			.execute();
		for (const plan of plans) {
			expect(plan.categories).toBeGreaterThanOrEqual(4);
			expect(plan.categories).toBeLessThanOrEqual(6);
			expect(plan.tasks).toBeGreaterThanOrEqual(10);
			expect(plan.tasks).toBeLessThanOrEqual(60);
		}
		const orphans = await db
			.selectFrom('tasks')
			.leftJoin('categories', 'categories.id', 'tasks.category_id')
			.select('tasks.id')
			.where((eb) => eb.or([eb('categories.id', 'is', null), eb('categories.plan_id', '!=', eb.ref('tasks.plan_id'))]))
			.execute();
		expect(orphans).toEqual([]);
		const untagged = await db
			.selectFrom('tasks')
			.select('id')
			.where((eb) =>
				eb.not(
					eb.exists(eb.selectFrom('task_themes').select('task_id').whereRef('task_themes.task_id', '=', 'tasks.id'))
				)
			)
			.execute();
		expect(untagged).toEqual([]);
	});

	it('keeps every status consistent with its percent and 序时进度, and every percent with actual ÷ target', async () => {
		const rows = await db
			.selectFrom('updates')
			.innerJoin('periods', 'periods.id', 'updates.period_id')
			.innerJoin('targets', (join) =>
				join.onRef('targets.task_id', '=', 'updates.task_id').on('targets.position', '=', 1)
			)
			.select([
				'updates.status',
				'updates.percent',
				'updates.actual_value',
				'targets.value',
				'periods.quarter',
				'periods.month_start'
			])
			.where('updates.percent', 'is not', null)
			.execute();
		expect(rows.length).toBeGreaterThan(summary.updates / 3);
		for (const row of rows) {
			expect(row.status).toBe(statusFromProgress(row.percent, { quarter: row.quarter, months: null }));
			expect(row.actual_value).not.toBeNull();
			expect(Math.abs((row.actual_value! / row.value) * 100 - row.percent!)).toBeLessThanOrEqual(0.0501);
		}
		const stray = await db
			.selectFrom('updates')
			.select('id')
			.where('percent', 'is', null)
			.where('actual_value', 'is not', null)
			.execute();
		expect(stray).toEqual([]);
	});

	it('writes status texts the importer reads as the status they carry', async () => {
		const rows = await db
			.selectFrom('updates')
			.innerJoin('periods', 'periods.id', 'updates.period_id')
			.select(['updates.status', 'updates.status_source', 'updates.status_text', 'updates.evidence', 'periods.quarter'])
			.execute();
		const disagree = rows.filter((row) => {
			const period = { quarter: row.quarter, months: null };
			if (row.status === 'unknown') return row.status_source !== 'inferred';
			if (row.status_source === 'reported')
				return mapReportedStatus(JSON.parse(row.evidence)[0], period)?.status !== row.status;
			const reading = inferStatus(row.status_text, period);
			return reading.status !== row.status || JSON.stringify(reading.evidence) !== row.evidence;
		});
		expect(disagree.slice(0, 3)).toEqual([]);
		expect(rows.some((r) => r.status_source === 'reported')).toBe(true);
		expect(rows.some((r) => r.status_source === 'inferred')).toBe(true);
		expect(rows.every((r) => !r.status_text?.includes('{'))).toBe(true);
	});

	it('moves forward through the year: the share completed rises quarter by quarter, with some tasks early, stalled or losing ground', async () => {
		const counts = await db
			.selectFrom('updates')
			.innerJoin('periods', 'periods.id', 'updates.period_id')
			.select([
				'periods.year',
				'periods.quarter',
				sql<number>`avg(updates.status = 'completed')`.as('completed'),
				sql<number>`avg(updates.status = 'not_started')`.as('notStarted')
			])
			.groupBy(['periods.year', 'periods.quarter'])
			.orderBy('periods.year')
			.orderBy('periods.quarter')
			.execute();
		for (const year of [2023, 2024]) {
			const shares = counts.filter((c) => c.year === year);
			expect(shares.map((c) => c.quarter)).toEqual([1, 2, 3, 4]);
			for (let q = 1; q < 4; q++) expect(shares[q].completed).toBeGreaterThan(shares[q - 1].completed);
			expect(shares[3].completed).toBeGreaterThan(0.6);
			expect(shares[3].notStarted).toBeLessThan(shares[0].notStarted);
		}

		const histories = new Map<number, { quarter: number; status: Status; percent: number | null }[]>();
		const rows = await db
			.selectFrom('updates')
			.innerJoin('periods', 'periods.id', 'updates.period_id')
			.select(['updates.task_id', 'periods.quarter', 'updates.status', 'updates.percent'])
			.orderBy('updates.task_id')
			.orderBy('periods.quarter')
			.execute();
		for (const row of rows)
			histories.set(row.task_id, [
				...(histories.get(row.task_id) ?? []),
				{ quarter: row.quarter!, status: row.status, percent: row.percent }
			]);
		const all = [...histories.values()];
		const early = all.filter((h) => h.some((u) => u.quarter < 4 && u.status === 'completed'));
		const stalled = all.filter((h) =>
			h.some(
				(u, i) =>
					i > 0 && u.percent !== null && u.percent > 0 && u.percent === h[i - 1].percent && u.status === 'behind'
			)
		);
		const revised = all.filter((h) =>
			h.some((u, i) => i > 0 && u.percent !== null && h[i - 1].percent !== null && u.percent < h[i - 1].percent!)
		);
		const regressed = all.filter((h) =>
			h.some(
				(u, i) =>
					i > 0 &&
					u.status !== 'unknown' &&
					h[i - 1].status !== 'unknown' &&
					statusRank(u.status) > statusRank(h[i - 1].status)
			)
		);
		const forward = all.filter((h) =>
			h.every((u, i) => i === 0 || u.percent === null || h[i - 1].percent === null || u.percent >= h[i - 1].percent!)
		);
		expect(early.length).toBeGreaterThan(0);
		expect(stalled.length).toBeGreaterThan(0);
		expect(revised.length).toBeGreaterThan(0);
		expect(regressed.length).toBeGreaterThan(0);
		expect(forward.length / all.length).toBeGreaterThan(0.9);
	});

	it('copies a small share of texts, so every kind of quality flag has something to find', async () => {
		const flags = await db
			.selectFrom('quality_flags')
			.select(['kind', sql<number>`count(*)`.as('n')])
			.groupBy('kind')
			.execute();
		const byKind = Object.fromEntries(flags.map((f) => [f.kind, f.n]));
		for (const kind of ['duplicate_text', 'same_as_previous', 'target_not_reported', 'empty_status'])
			expect(byKind[kind] ?? 0).toBeGreaterThan(0);
		expect((byKind.duplicate_text + byKind.same_as_previous) / summary.updates).toBeLessThan(0.05);
		const pasted = await db
			.selectFrom('quality_flags')
			.innerJoin('updates', 'updates.id', 'quality_flags.update_id')
			.innerJoin('updates as other', (join) =>
				join
					.onRef('other.task_id', '=', 'quality_flags.related_task_id')
					.onRef('other.period_id', '=', 'updates.period_id')
			)
			.select(['updates.status_text', 'other.status_text as otherText'])
			.where('quality_flags.kind', '=', 'duplicate_text')
			.execute();
		expect(pasted.length).toBeGreaterThan(0);
		expect(pasted.every((p) => p.status_text === p.otherText)).toBe(true);
	});

	it('names invented organizations in a 市 → 区/县 → 街道/镇 tree', async () => {
		const orgs = await db
			.selectFrom('organizations')
			.select(['name', 'parent_id', 'is_sample'])
			.orderBy('id')
			.execute();
		expect(orgs).toHaveLength(12);
		expect(orgs[0]).toMatchObject({ parent_id: null, is_sample: 0 });
		expect(orgs[0].name).toMatch(/市$/);
		expect(orgs.slice(1).every((o) => o.parent_id !== null && /(区|县|街道|镇)$/.test(o.name))).toBe(true);
	});
});
