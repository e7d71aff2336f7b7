/**
 * Aggregates for the leadership overview. Every count comes from `countUpdates` (queries/measures.ts),
 * which alone decides between the rollups and a plain GROUP BY; these functions only shape its rows.
 * The shaping into chart series happens in src/lib/charts/options.
 */
import { sum } from 'd3-array';
import { sql } from 'kysely';
import type { DB } from '../db';
import type { FlagKind } from '../../domain/flags';
import { ATTENTION_STATUSES, attentionParts, meanRatio, progressAt } from '../../domain/measures';
import { ATTENTION_TIERS } from '../../domain/attention';
import { STATUSES, type Status } from '../../domain/status';
import type { TrafficLight, TrafficLightRule } from '../../domain/schedule';
import { NO_TASK_FILTERS, periodRows, scopedUpdates, type ScopeJoins } from './scope';
import { memoOnData, memoOnScope } from './scope-memo';
import { listThemesById } from './organizations';
import type { Scope, TaskFilters } from '../../types/scope';
import {
	COMPLETION_RATIO_LOOKED_UP,
	countUpdates,
	elapsedSql,
	scheduleGapSql,
	trafficLightSql,
	zeroPeriodTargetSql
} from './measures';
import type {
	AttentionTask,
	CategoryStatusCount,
	PeriodProgress,
	PeriodRow,
	PeriodStatusCount,
	ThemeStatusCount
} from '../../types/overview';

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Task count per period × status × source. */
export async function countTasksByPeriodStatus(
	db: DB,
	scope: Scope,
	periodIds: number[],
	filters: TaskFilters
): Promise<PeriodStatusCount[]> {
	return (await countUpdates(db, scope, periodIds, filters, 'status')).map(
		({ periodId, status, statusSource, taskCount }) => ({ periodId, status, statusSource, taskCount })
	);
}

/** Task count per category × status × source in one period; categories in report order, then by name. */
export async function countTasksByCategoryStatus(
	db: DB,
	scope: Scope,
	periodId: number,
	filters: TaskFilters
): Promise<CategoryStatusCount[]> {
	return (await countUpdates(db, scope, [periodId], filters, 'category'))
		.map((r) => ({
			category: r.key === '' ? null : r.key,
			position: r.order,
			status: r.status,
			statusSource: r.statusSource,
			taskCount: r.taskCount
		}))
		.sort((a, b) => a.position - b.position || byName(a.category ?? '', b.category ?? ''));
}

/** Task count per theme × status × source in one period, by theme name. */
export async function countTasksByThemeStatus(
	db: DB,
	scope: Scope,
	periodId: number,
	filters: TaskFilters
): Promise<ThemeStatusCount[]> {
	const [rows, themes] = await Promise.all([
		countUpdates(db, scope, [periodId], filters, 'theme'),
		listThemesById(db, scope)
	]);
	return rows
		.flatMap((r) => {
			const theme = themes.get(r.key);
			if (!theme) return [];
			const { status, statusSource, taskCount } = r;
			return [{ theme: theme.name, themeEn: theme.nameEn, status, statusSource, taskCount }];
		})
		.sort((a, b) => byName(a.theme, b.theme));
}

/** The periods of a year that have current updates in scope, in order. */
export function listPeriodsWithData(db: DB, scope: Scope, year: number): Promise<PeriodRow[]> {
	// The overview's numbers and its comparison both ask.
	return periodsWithData(scope, year, () => listPeriodsWithDataNow(db, scope, year));
}

// Not memoOnData: the periods come from countUpdates, whose rollup rows are shared already.
const periodsWithData = memoOnScope<PeriodRow[]>();

/**
 * Every period, by year, then by the month it ends, then by id: a few dozen rows that only an import changes,
 * which the overview filtered twice a page by a statement of their own (by year; by the month they end).
 */
function listAllPeriods(db: DB, scope: Scope): Promise<readonly PeriodRow[]> {
	return allPeriods(scope, 'periods', () =>
		periodRows(db).orderBy('periods.year').orderBy('periods.month_end').orderBy('periods.id').execute()
	);
}
const allPeriods = memoOnData<PeriodRow[]>(1);

async function listPeriodsWithDataNow(db: DB, scope: Scope, year: number): Promise<PeriodRow[]> {
	const periods = (await listAllPeriods(db, scope)).filter((p) => p.year === year);
	const counts = await countUpdates(
		db,
		scope,
		periods.map((p) => p.id),
		NO_TASK_FILTERS,
		'status'
	);
	const withData = new Set(counts.filter((r) => r.taskCount > 0).map((r) => r.periodId));
	return periods.filter((p) => withData.has(p.id));
}

/**
 * The selected period's namesakes — the periods of every year that end in the same month (二季度 and
 * 上半年 alike) — that have current updates in scope, oldest first, with their task counts per status ×
 * source and their mean completion: the year-over-year view. Counted by `countUpdates`, like every count.
 */
export async function countTasksSamePeriodByYear(
	db: DB,
	scope: Scope,
	period: PeriodRow,
	filters: TaskFilters
): Promise<{ periods: PeriodRow[]; counts: PeriodStatusCount[]; progress: PeriodProgress[] }> {
	const namesakes = (await listAllPeriods(db, scope)).filter(
		(p) => p.monthEnd === period.monthEnd && p.year <= period.year
	);
	const ids = namesakes.map((p) => p.id);
	const [counts, progress] = await Promise.all([
		countTasksByPeriodStatus(db, scope, ids, filters),
		getProgressByPeriod(db, scope, ids, filters)
	]);
	const withData = new Set(counts.filter((r) => r.taskCount > 0).map((r) => r.periodId));
	return { periods: namesakes.filter((p) => withData.has(p.id)), counts, progress };
}

/** Mean completion ratio per period over the tasks that have one, and how many they are. */
export async function getProgressByPeriod(
	db: DB,
	scope: Scope,
	periodIds: number[],
	filters: TaskFilters
): Promise<PeriodProgress[]> {
	const rows = await countUpdates(db, scope, periodIds, filters, 'status');
	return periodIds.flatMap((periodId) => {
		const ofPeriod = rows.filter((r) => r.periodId === periodId);
		const mean = meanRatio(ofPeriod);
		return mean === null
			? []
			: [{ periodId, taskCount: ofPeriod.reduce((n, r) => n + r.ratioCount, 0), meanRatio: mean }];
	});
}

/**
 * The attention tier of a row of `attentionFacts` aliased `ranked`, as a number in ATTENTION_TIERS order: the
 * SQL twin of `attentionTier` (src/lib/domain/attention.ts), its light by `rule` as trafficLightSql gives it.
 */
function attentionTierSql(rule: TrafficLightRule) {
	const light = trafficLightSql(sql`ranked.ratio`, RANKED_ELAPSED, rule, zeroPeriodTargetSql(sql`ranked.periodTarget`));
	const tier = (name: (typeof ATTENTION_TIERS)[number]) => sql.lit(ATTENTION_TIERS.indexOf(name));
	return sql<number>`(case when ranked.status not in (${sql.join(
		ATTENTION_STATUSES.map((s) => sql.lit(s))
	)}) then ${tier('flagged')} else (case ${light} when 'red' then ${tier('red')} when 'yellow' then ${tier(
		'yellow'
	)} else (case when ranked.status = 'behind' then ${tier('behind')} else ${tier('not_started')} end) end) end)`;
}

/**
 * The attention order over the rows of `attentionFacts` aliased `ranked`, the SQL twin of `compareAttention`:
 * tier, then the larger gap below 序时进度 first (rows without figures after those with), then task id.
 */
export function attentionOrder(rule: TrafficLightRule) {
	return sql`${attentionTierSql(rule)}, ranked.ratio is null, ${scheduleGapSql(
		sql`ranked.ratio`,
		RANKED_ELAPSED
	)}, ranked.taskId`;
}

/** 序时进度 of a row of `attentionFacts` aliased `ranked`. */
const RANKED_ELAPSED = elapsedSql(sql`ranked.monthEnd`);

/** A ranked update before its names and flags are read. */
export interface RankedUpdate {
	updateId: number;
	ratio: number | null;
	gap: number | null;
	light: TrafficLight | null;
}

/**
 * Tasks that need attention in one period — behind, not started, or carrying a quality flag (the
 * `attention` filter) — most severe first (`compareAttention`, src/lib/domain/attention.ts): red, then
 * yellow, the larger gap to 序时进度 first; behind without either; not started; flagged only. Returns at
 * most `limit` rows and the total; each row with its completion ratio, gap and traffic light by `rule`.
 */
export async function listAttentionTasks(
	db: DB,
	scope: Scope,
	periodId: number,
	filters: TaskFilters,
	limit: number,
	rule: TrafficLightRule
): Promise<{ total: number; tasks: AttentionTask[] }> {
	// The severe tiers (behind, not started) first, through the (period, status) index; the flagged-only
	// tier, whose rows all come after them, only when those leave room. Both rank with only what they
	// sort by; names and flags are read for the rows kept (SQLite computes every selected column
	// before it sorts). One query with the attention set's OR read every update of a province's period.
	// A part the counts (rollups, mostly) find empty is not ranked: on a unit's page, filtered by status or
	// not, one part or both often are, and each ranking reads the period's updates of the scope.
	// A period of a few hundred updates (a unit's) is ranked in one query whose OR reads them all, when both
	// parts are to be ranked: the flagged-only rows sort after the severe ones, so it gives the same rows.
	const counts = await countUpdates(db, scope, [periodId], filters, 'status');
	const parts = attentionParts(counts);
	const both = parts.severe > 0 && parts.severe < limit && parts.flaggedOnly > 0;
	let top: RankedUpdate[];
	if (both && sum(counts, (c) => c.taskCount) <= ONE_RANKING_MAX_UPDATES)
		top = await rankAttention(db, scope, periodId, { ...filters, attention: true }, limit, rule);
	else {
		const severe = parts.severe > 0 ? narrowStatuses(filters, (s) => ATTENTION_STATUSES.includes(s)) : null;
		top = severe ? await rankAttention(db, scope, periodId, severe, limit, rule) : [];
		const flaggedOnly = parts.flaggedOnly > 0 ? narrowStatuses(filters, (s) => !ATTENTION_STATUSES.includes(s)) : null;
		if (top.length < limit && flaggedOnly)
			top.push(
				...(await rankAttention(db, scope, periodId, { ...flaggedOnly, attention: true }, limit - top.length, rule))
			);
	}
	return { total: parts.severe + parts.flaggedOnly, tasks: top.length > 0 ? await attentionRows(db, top) : [] };
}

/** Up to this many updates in the period, both parts of the attention list are ranked by one query. */
const ONE_RANKING_MAX_UPDATES = 500;

/** The ranked updates as attention rows, in the order given: each with its task's names and its flags. */
export async function attentionRows(db: DB, ranked: RankedUpdate[]): Promise<AttentionTask[]> {
	const details = new Map(
		(
			await attentionDetails(
				db,
				ranked.map((r) => r.updateId)
			)
		).map((d) => [d.updateId, d])
	);
	return ranked.flatMap(({ updateId, ratio, gap, light }) => {
		const detail = details.get(updateId);
		if (!detail) return [];
		const { flagKinds, updateId: _, ...row } = detail;
		return [
			{
				...row,
				ratio,
				gap,
				light,
				status: row.status as Status,
				flags: flagKinds ? (flagKinds.split(',') as FlagKind[]) : []
			}
		];
	});
}

/** The filters with their statuses narrowed to those `keep` accepts; null when none is left. */
export function narrowStatuses(filters: TaskFilters, keep: (status: Status) => boolean): TaskFilters | null {
	const status = (filters.status ?? STATUSES).filter(keep);
	return status.length > 0 ? { ...filters, status } : null;
}

/**
 * The updates the filters select in one period with only what the attention order sorts by (alias the
 * result `ranked` for attentionOrder): ids, status, completion ratio, the period's last month and its target;
 * `joins` as scopedUpdates takes them.
 *
 * The ratio is a column of this subquery, read once per row: SQLite would otherwise copy the subquery's
 * expressions into the ranking (flattening it), and compute the ratio, with its lookup of the target, once
 * for each use in the order. `limit -1` (no limit) keeps it a subquery the ranking reads row by row. Names,
 * flags and the display's gap and light are for the rows kept only (`rankedUpdates`): SQLite computes every
 * selected column of every row before it sorts. A whole province's period (13 000 behind and not-started
 * updates) ranked in ≈ 23 ms, where joining the targets and selecting the gap and light took ≈ 34 ms.
 */
export function attentionFacts(
	db: DB,
	scope: Scope,
	periodId: number,
	filters: TaskFilters,
	joins: ScopeJoins = { categories: false, plans: false, tasks: false }
) {
	return scopedUpdates(db, scope, [periodId], filters, joins)
		.innerJoin('periods', 'periods.id', 'updates.period_id')
		.select([
			'updates.id as updateId',
			'updates.task_id as taskId',
			'updates.status',
			COMPLETION_RATIO_LOOKED_UP.as('ratio'),
			'periods.month_end as monthEnd',
			'updates.period_target as periodTarget'
		])
		.limit(sql<number>`-1`);
}

/** The columns of `attentionFacts` a ranking keeps to show its rows (see rankedUpdates). */
export const RANKED_COLUMNS = ['ranked.updateId', 'ranked.ratio', 'ranked.monthEnd', 'ranked.periodTarget'] as const;

/** Rows a ranking kept, with their gap and light by `rule` (the domain's, which the SQL twins equal). */
export function rankedUpdates(
	rows: { updateId: number; ratio: number | null; monthEnd: number; periodTarget: string | null }[],
	rule: TrafficLightRule
): RankedUpdate[] {
	return rows.map(({ updateId, ratio, monthEnd, periodTarget }) => {
		const progress = progressAt(ratio, { monthEnd }, rule, periodTarget);
		return { updateId, ratio, gap: progress?.gap ?? null, light: progress?.light ?? null };
	});
}

/** The most severe `limit` rows of `facts` (attentionFacts, narrowed as the caller needs), in attention order. */
export async function rankFacts(
	db: DB,
	facts: ReturnType<typeof attentionFacts>,
	limit: number,
	rule: TrafficLightRule
): Promise<RankedUpdate[]> {
	const rows = await db
		.selectFrom(facts.as('ranked'))
		.select(RANKED_COLUMNS)
		.orderBy(attentionOrder(rule))
		.limit(limit)
		.execute();
	return rankedUpdates(rows, rule);
}

/** The most severe `limit` updates of those the filters select, in attention order, with their progress. */
function rankAttention(
	db: DB,
	scope: Scope,
	periodId: number,
	filters: TaskFilters,
	limit: number,
	rule: TrafficLightRule
): Promise<RankedUpdate[]> {
	return rankFacts(db, attentionFacts(db, scope, periodId, filters), limit, rule);
}

/** What the attention list shows of each kept update: the task's names and its flags. */
function attentionDetails(db: DB, updateIds: number[]) {
	return scopedUpdates(db, { organizationIds: null }, null, NO_TASK_FILTERS)
		.innerJoin('organizations', 'organizations.id', 'plans.organization_id')
		.where('updates.id', 'in', updateIds.length > 0 ? updateIds : [-1])
		.select([
			'updates.id as updateId',
			'tasks.id as taskId',
			'tasks.name',
			'categories.name as category',
			'organizations.name as organization',
			'updates.status',
			'updates.status_source as statusSource',
			'updates.confirmed_by as confirmedBy',
			'updates.created_at as statusAt',
			'updates.period_target as periodTarget',
			sql<
				string | null
			>`(select group_concat(distinct kind) from quality_flags where quality_flags.update_id = updates.id)`.as(
				'flagKinds'
			)
		])
		.execute();
}

/**
 * Tasks in one period that carry at least one data-quality flag, whatever their status: the
 * data-quality slide's count, which its capped list alone could not give.
 */
export async function countFlaggedTasks(db: DB, scope: Scope, periodId: number, filters: TaskFilters): Promise<number> {
	const rows = await countUpdates(db, scope, [periodId], filters, 'status');
	return rows.reduce((n, r) => n + r.flaggedCount, 0);
}
