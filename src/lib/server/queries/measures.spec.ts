/**
 * Every measure twice — SQL (queries/measures.ts) and domain (domain/measures.ts) — must give the same
 * number for every task: on the sample organization and on generated city-like data, with a few updates
 * edited so every branch of the completion ratio is reached (actual ÷ target, a ceiling, a target of 0).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { addSampleOrganization } from '../generate/sample';
import { generateData } from '../generate';
import {
	attentionCount,
	completionRatio,
	countByStatus,
	meanRatio,
	scheduleGap,
	trafficLight,
	zeroPeriodTarget,
	ATTENTION_STATUSES,
	type CountedUpdate
} from '../../domain/measures';
import { compareAttention } from '../../domain/attention';
import { TRAFFIC_LIGHT_RULES } from '../../domain/schedule';
import type { Status, StatusSource } from '../../domain/status';
import type { Scope } from '../../types/scope';
import * as measureSql from './measures';
import type { MeasureCount } from './measures';
import { NO_TASK_FILTERS, scopedUpdates } from './scope';
import * as overview from './overview';

const RULES = Object.values(TRAFFIC_LIGHT_RULES);

/** Every current update with its raw fields and each measure as SQL computes it. */
async function facts(db: DB) {
	const [yinchuan, sanya] = RULES;
	const rows = await measureSql
		.withProgressFacts(scopedUpdates(db, { organizationIds: null }, null, NO_TASK_FILTERS))
		.select([
			'updates.id',
			'updates.task_id as taskId',
			'updates.period_id as periodId',
			'plans.organization_id as organizationId',
			'updates.status',
			'updates.status_source as statusSource',
			'updates.percent',
			'updates.actual_value as actualValue',
			'targets.value as targetValue',
			'targets.comparator',
			'periods.month_end as monthEnd',
			'updates.period_target as periodTarget',
			measureSql.FLAGGED.as('flagged'),
			// The columns the pages select, by one rule; the other rule's light beside them.
			measureSql.COMPLETION_RATIO.as('ratio'),
			measureSql.scheduleGapSql(measureSql.COMPLETION_RATIO, measureSql.ELAPSED).as('gap'),
			measureSql.trafficLightSql(measureSql.COMPLETION_RATIO, measureSql.ELAPSED, yinchuan).as('light'),
			measureSql.trafficLightSql(measureSql.COMPLETION_RATIO, measureSql.ELAPSED, sanya).as('lightSanya'),
			// The ratio as the attention ranking reads it, the target looked up rather than joined.
			measureSql.COMPLETION_RATIO_LOOKED_UP.as('ratioLookedUp')
		])
		.orderBy('updates.id')
		.execute();
	return rows.map((r) => ({
		...r,
		status: r.status as Status,
		statusSource: r.statusSource as StatusSource,
		flagged: Boolean(r.flagged),
		target: r.targetValue === null || r.comparator === null ? null : { value: r.targetValue, comparator: r.comparator }
	}));
}

type Fact = Awaited<ReturnType<typeof facts>>[number];

/** The per-task measures by the domain functions, from the raw fields alone. */
function domainMeasures(f: Fact) {
	const ratio = completionRatio(f);
	const elapsed = f.monthEnd / 12;
	return {
		ratio,
		gap: ratio === null ? null : scheduleGap(ratio, elapsed),
		lightYinchuan: ratio === null ? null : trafficLight(ratio, elapsed, TRAFFIC_LIGHT_RULES.yinchuan, f.periodTarget),
		lightSanya: ratio === null ? null : trafficLight(ratio, elapsed, TRAFFIC_LIGHT_RULES.sanya, f.periodTarget)
	};
}

function expectTaskByTask(rows: Fact[]) {
	for (const f of rows) {
		const { ratio, gap, light: lightYinchuan, lightSanya } = f;
		expect({ ratio, gap, lightYinchuan, lightSanya }, `update ${f.id}`).toEqual(domainMeasures(f));
		expect(f.ratioLookedUp, `update ${f.id}`).toBe(ratio);
	}
}

/** SQL counts and domain counts of the same updates, per period × status × source. */
function expectCountsAgree(sqlRows: MeasureCount[], updates: CountedUpdate[]) {
	const key = (r: { periodId: number; status: string; statusSource: string }) =>
		`${r.periodId}|${r.status}|${r.statusSource}`;
	const domain = new Map(countByStatus(updates).map((r) => [key(r), r]));
	expect(sqlRows.map(key).sort()).toEqual([...domain.keys()].sort());
	for (const row of sqlRows) {
		const expected = domain.get(key(row))!;
		expect([row.taskCount, row.flaggedCount, row.ratioCount], key(row)).toEqual([
			expected.taskCount,
			expected.flaggedCount,
			expected.ratioCount
		]);
		expect(row.ratioSum).toBeCloseTo(expected.ratioSum, 9);
	}
}

const counted = (f: Fact): CountedUpdate => ({ ...f, ratio: domainMeasures(f).ratio });

async function expectAgreement(db: DB) {
	const rows = await facts(db);
	expect(rows.some((f) => f.ratio !== null)).toBe(true);
	expectTaskByTask(rows);
	// The task table's and the export's columns.
	const tableProgress = await measureSql.getProgressOfUpdates(
		db,
		rows.map((f) => f.id)
	);
	for (const f of rows) {
		const { ratio, gap } = domainMeasures(f);
		expect(tableProgress.get(f.id), `update ${f.id}`).toEqual({ ratio, gap });
	}

	const periodIds = [...new Set(rows.map((f) => f.periodId))];
	const organizationIds = [...new Set(rows.map((f) => f.organizationId))];
	const all: Scope = { organizations: [], organizationIds: null, period: null };
	// Organizations listed one by one, not as a named subtree: the plain GROUP BY answers.
	const listed: Scope = { organizations: [], organizationIds, period: null };
	const everyUpdate = rows.map(counted);
	expectCountsAgree(await measureSql.countUpdates(db, all, periodIds, NO_TASK_FILTERS, 'status'), everyUpdate);
	expectCountsAgree(await measureSql.countUpdates(db, listed, periodIds, NO_TASK_FILTERS, 'status'), everyUpdate);

	for (const periodId of periodIds) {
		const ofPeriod = everyUpdate.filter((u) => u.periodId === periodId);
		const [progress] = await overview.getProgressByPeriod(db, all, [periodId], NO_TASK_FILTERS);
		const mean = meanRatio(countByStatus(ofPeriod));
		if (mean === null) expect(progress).toBeUndefined();
		else expect(progress.meanRatio).toBeCloseTo(mean, 9);
		const attention = await overview.listAttentionTasks(db, all, periodId, NO_TASK_FILTERS, 20, RULES[1]);
		expect(attention.total).toBe(attentionCount(countByStatus(ofPeriod)));
		expect(attention.tasks.length).toBe(Math.min(20, attention.total));
		// The SQL ranking is the domain's: every task of the set, sorted by compareAttention, cut at 20.
		const ranked = rows
			.filter((f) => f.periodId === periodId && (ATTENTION_STATUSES.includes(f.status) || f.flagged))
			.map((f) => ({ taskId: f.taskId, status: f.status, gap: f.gap, light: f.lightSanya }))
			.sort(compareAttention);
		expect(ranked.length).toBe(attention.total);
		expect(attention.tasks.map((t) => t.taskId)).toEqual(ranked.slice(0, 20).map((t) => t.taskId));
		for (const task of attention.tasks) {
			const f = rows.find((r) => r.periodId === periodId && r.taskId === task.taskId)!;
			expect({ ratio: task.ratio, gap: task.gap, light: task.light }).toEqual({
				ratio: f.ratio,
				gap: f.gap,
				light: f.lightSanya
			});
		}
	}
}

/**
 * Generated updates state a percent whenever they have an actual: drop the percent of some so the
 * ratio falls back to actual ÷ target, make some of those targets ceilings, and one a target of 0.
 */
async function reachEveryBranch(db: DB) {
	const measured = await db
		.selectFrom('updates')
		.innerJoin('targets', (j) => j.onRef('targets.task_id', '=', 'updates.task_id').on('targets.position', '=', 1))
		.select(['updates.id', 'updates.task_id as taskId'])
		.where('updates.actual_value', 'is not', null)
		.orderBy('updates.id')
		.execute();
	expect(measured.length).toBeGreaterThan(6);
	const everyThird = measured.filter((_, i) => i % 3 === 0);
	await db
		.updateTable('updates')
		.set({ percent: null })
		.where(
			'id',
			'in',
			everyThird.map((u) => u.id)
		)
		.execute();
	const tasks = [...new Set(everyThird.map((u) => u.taskId))];
	await db
		.updateTable('targets')
		.set({ comparator: '<=' })
		.where('position', '=', 1)
		.where(
			'task_id',
			'in',
			tasks.filter((_, i) => i % 2 === 0)
		)
		.execute();
	await db.updateTable('targets').set({ value: 0 }).where('position', '=', 1).where('task_id', '=', tasks[1]).execute();
	// Some updates whose own period target is zero (a task planned to start later): green whatever the ratio.
	await db
		.updateTable('updates')
		.set({ period_target: '完成0个' })
		.where(
			'id',
			'in',
			measured.filter((_, i) => i % 5 === 1).map((u) => u.id)
		)
		.execute();
	// The rollups follow the write path, which these edits bypass: rebuild them as the migration does.
	const { migrations } = await import('../../../../migrations/index.js');
	const { rebuildCategoryRollups } = await import('../../../../migrations/0017_category_keys.js');
	await migrations['0015_completion_ratio'].up(db.withTables() as never);
	await rebuildCategoryRollups(db.withTables() as never);
}

describe('measures: SQL and domain agree task by task', () => {
	let sample: DB;
	let city: DB;
	beforeAll(async () => {
		sample = await openTestDatabase();
		await addSampleOrganization(sample);
		city = await openTestDatabase();
		await generateData(city, { seed: 'measures', organizations: 12, years: 2, tasksPerPlan: 10 });
		await reachEveryBranch(city);
	}, 60_000);

	it('on the sample organization', async () => {
		await expectAgreement(sample);
	});

	it('count the same from the rollups as by the plain GROUP BY, for every filter the rollups answer', async () => {
		const db = city;
		const periodIds = (await db.selectFrom('periods').select('id').execute()).map((p) => p.id);
		const organizationIds = (await db.selectFrom('organizations').select('id').execute()).map((o) => o.id);
		const all: Scope = { organizations: [], organizationIds: null, period: null };
		const listed: Scope = { organizations: [], organizationIds, period: null };
		const category = (
			await db.selectFrom('categories').select('name').where('name', 'is not', null).executeTakeFirstOrThrow()
		).name!;
		const theme = (await db.selectFrom('themes').select('name').executeTakeFirstOrThrow()).name;
		const filters = [
			{},
			{ status: ['behind' as const, 'not_started' as const] },
			{ source: ['inferred' as const] },
			{ category, status: ['on_track' as const] },
			{ theme },
			{ theme: '没有这个主题' }
		];
		const canonical = (rows: MeasureCount[]) =>
			rows
				.map(
					(r) =>
						`${r.periodId}|${r.key}|${r.order}|${r.status}|${r.statusSource}|${r.taskCount}|${r.flaggedCount}|${r.ratioSum.toFixed(9)}|${r.ratioCount}`
				)
				.sort();
		for (const narrowing of filters) {
			const f = { ...NO_TASK_FILTERS, ...narrowing };
			for (const dimension of ['status', 'category', 'theme'] as const) {
				const rolled = await measureSql.rollupAnswer(db, all, f, dimension);
				const label = `${JSON.stringify(narrowing)} by ${dimension}`;
				if (!rolled) continue;
				expect(canonical(await measureSql.countUpdates(db, all, periodIds, f, dimension)), label).toEqual(
					canonical(await measureSql.countUpdates(db, listed, periodIds, f, dimension))
				);
			}
			expect(await measureSql.rollupAnswer(db, all, f, 'status'), JSON.stringify(narrowing)).not.toBeNull();
		}
	});

	it('on generated city-like data with every branch of the ratio reached', async () => {
		const rows = await facts(city);
		const branches = rows.map((f) =>
			f.percent !== null
				? 'percent'
				: f.actualValue === null
					? 'nothing'
					: f.comparator === '<='
						? 'ceiling'
						: f.targetValue === 0
							? 'zero'
							: 'actual'
		);
		expect(new Set(branches)).toEqual(new Set(['percent', 'nothing', 'ceiling', 'zero', 'actual']));
		// The zero period target turns some light that the ratio alone would make yellow or red.
		const turned = rows.filter(
			(f) => zeroPeriodTarget(f.periodTarget) && f.ratio !== null && f.ratio < f.monthEnd / 12 - 0.1
		);
		expect(turned.length).toBeGreaterThan(0);
		for (const f of turned) expect([f.light, f.lightSanya], `update ${f.id}`).toEqual(['green', 'green']);
		await expectAgreement(city);
	});
});
