/**
 * The SQL twin of src/lib/domain/measures.ts: each measure as the same arithmetic in SQL, and the one
 * function that counts current updates — from the rollups where they answer the scope exactly, else by a
 * plain GROUP BY, or on a page that counts many ways from one read of the period's facts (countManyWays) —
 * returning one row type every way. Every count on a page goes through `countUpdates`; measures.spec.ts
 * proves SQL and domain agree task by task on the sample and on generated data, fact-counts.spec.ts that the
 * facts give the GROUP BY's rows.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../db';
import { CEILING, type StatusCount } from '../../domain/measures';
import { categoryKey } from '../../domain/category-key';
import { countFacts, type FactCount, type UpdateFacts } from '../../domain/fact-counts';
import type { TrafficLight, TrafficLightRule } from '../../domain/schedule';
import type { Scope, TaskFilters } from '../../types/scope';
import { readRollups, rollupOrganizations, type Dimension, type RollupNarrowing } from './rollups';
import { NO_TASK_FILTERS, scopedUpdates } from './scope';
import { memoOnData, memoOnScope } from './scope-memo';
import { earlierStatusSql } from './change-sql';
import { changeKind } from '../../domain/changes';
import { listThemeRows } from './themes';

/** actual ÷ target of `updates` against a target row aliased `targets`, unless the target is a ceiling. */
const ACTUAL_OVER_TARGET = sql<number | null>`case when targets.comparator <> ${sql.lit(
	CEILING
)} then updates.actual_value / nullif(targets.value, 0) end`;

/**
 * Completion ratio of `updates` against the task's first target joined as `targets` (see `withFirstTarget`):
 * the stated percent ÷ 100, else actual ÷ target unless the target is a ceiling; null otherwise.
 */
export const COMPLETION_RATIO = sql<number | null>`coalesce(updates.percent / 100.0, ${ACTUAL_OVER_TARGET})`;

/**
 * The same ratio with the first target looked up only where the update states no percent (coalesce stops at
 * its first value): a ranking of a whole province's period reads the targets of a third of its 13 000
 * updates instead of joining them to all. Read it once per row (a subquery's column, see attentionFacts):
 * written out several times in one statement, the lookup would run as many times. The lookup reads the
 * comparator and value off the index that holds them (migration 0028), one search instead of two.
 */
export const COMPLETION_RATIO_LOOKED_UP = sql<
	number | null
>`coalesce(updates.percent / 100.0, (select ${ACTUAL_OVER_TARGET} from targets indexed by targets_first_ratio where targets.task_id = updates.task_id and targets.position = 1))`;

/** 序时进度 at the end of a period's last month (domain `elapsedFraction`), as a fraction. */
export function elapsedSql(monthEnd: RawBuilder<number>) {
	return sql<number>`(${monthEnd} / 12.0)`;
}

/** 序时进度 of the update's period (periods joined as `periods`). */
export const ELAPSED = elapsedSql(sql`periods.month_end`);

/** Behind-schedule gap in percentage points, to 0.1, rounding half up as Math.round does. */
export function scheduleGapSql(ratio: RawBuilder<number | null>, elapsed: RawBuilder<number>) {
	return sql<number | null>`(floor((${ratio} - ${elapsed}) * 1000 + 0.5) / 10.0)`;
}

/** A period target text names zero (domain `zeroPeriodTarget`): digits, none of them 1–9. */
export function zeroPeriodTargetSql(text: RawBuilder<string | null>) {
	return sql<SqlBool>`(${text} glob '*[0-9]*' and ${text} not glob '*[1-9]*')`;
}

/** The update's own period target names zero. */
export const ZERO_PERIOD_TARGET = zeroPeriodTargetSql(sql`updates.period_target`);

/**
 * The traffic light of `updates` by a rule; null without a ratio. Same comparisons, in the same order, as the
 * domain, the update's zero period target included.
 */
export function trafficLightSql(
	ratio: RawBuilder<number | null>,
	elapsed: RawBuilder<number>,
	rule: TrafficLightRule,
	zeroTarget: RawBuilder<SqlBool> = ZERO_PERIOD_TARGET
) {
	const below =
		rule.measure === 'points'
			? sql`((${elapsed} - ${ratio}) * 100)`
			: sql`(((${elapsed} - ${ratio}) / ${elapsed}) * 100)`;
	return sql<TrafficLight | null>`(case when ${ratio} is null then null when ${ratio} >= ${elapsed} or ${zeroTarget} then 'green' when ${below} > ${rule.redFrom} then 'red' when ${below} > ${rule.yellowFrom} then 'yellow' else 'green' end)`;
}

/** Whether the update carries a quality flag, 0 or 1. */
export const FLAGGED = sql<SqlBool>`exists (select 1 from quality_flags f where f.update_id = updates.id)`;

type Updates = ReturnType<typeof scopedUpdates>;

/** Joins each update's task to its first target, the one the completion ratio reads (none: no row). */
export function withFirstTarget(qb: Updates) {
	return qb.leftJoin('targets', (join) =>
		join.onRef('targets.task_id', '=', 'updates.task_id').on('targets.position', '=', 1)
	);
}

/** Joins the update's period, for 序时进度. */
function withPeriod<Q extends ReturnType<typeof withFirstTarget>>(qb: Q) {
	return qb.innerJoin('periods', 'periods.id', 'updates.period_id');
}

/** Joins what the progress measures read: the task's first target and the update's period. */
export function withProgressFacts(qb: Updates) {
	return withPeriod(withFirstTarget(qb));
}

/**
 * Completion ratio and gap to 序时进度 of some current updates, by update id: a primary-key lookup
 * for the rows a table page or an export chunk already holds, so sorting a province never pays for it.
 */
export async function getProgressOfUpdates(
	db: DB,
	updateIds: number[]
): Promise<Map<number, { ratio: number | null; gap: number | null }>> {
	if (updateIds.length === 0) return new Map();
	const rows = await withProgressFacts(
		scopedUpdates(db, { organizationIds: null }, null, NO_TASK_FILTERS).where('updates.id', 'in', updateIds)
	)
		.select(['updates.id', COMPLETION_RATIO.as('ratio'), scheduleGapSql(COMPLETION_RATIO, ELAPSED).as('gap')])
		.execute();
	return new Map(rows.map((r) => [r.id, { ratio: r.ratio, gap: r.gap }]));
}

export type { Dimension };

/**
 * One row of counts: period × dimension key × status × source. `key` is '' for the status dimension, the
 * category name ('' for none) or the theme id as text; `order` is the category's report position.
 */
export interface MeasureCount extends StatusCount {
	key: string;
	order: number;
}

/**
 * Current updates in scope for the given periods, counted per dimension key × status × source with
 * StatusCount's measures. The one place that decides between the rollups and the plain GROUP BY; both
 * give the same rows (rollups.spec.ts and measures.spec.ts prove it).
 */
export function countUpdates(
	db: DB,
	scope: Scope,
	periodIds: number[],
	filters: TaskFilters,
	dimension: Dimension
): Promise<MeasureCount[]> {
	// A page asks the same count more than once (the overview's period counts and its trend line).
	// The task filters only: callers pass a page's whole filters (its language, its search), which count nothing.
	const key = JSON.stringify([periodIds, taskFiltersOf(filters), dimension]);
	return counted(scope, key, () => countUpdatesNow(db, scope, periodIds, filters, dimension));
}

const counted = memoOnScope<MeasureCount[]>(1024);

/** The task filters of a page's filters, in a fixed order: what a kept count's key names. */
function taskFiltersOf(filters: TaskFilters): unknown[] {
	return (Object.keys(NO_TASK_FILTERS) as (keyof TaskFilters)[]).map((name) => filters[name]);
}

async function countUpdatesNow(
	db: DB,
	scope: Scope,
	periodIds: number[],
	filters: TaskFilters,
	dimension: Dimension
): Promise<MeasureCount[]> {
	const rollup = await rollupAnswer(db, scope, filters, dimension);
	if (!rollup && periodIds.length === 1 && countedManyWays.has(scope))
		return countFacts(await factsOf(db, scope, periodIds[0], filters), dimension).map((r) => measureCount(r, false));
	if (!rollup)
		return (await groupUpdates(scopedUpdates(db, scope, periodIds, filters), dimension)).map((r) =>
			measureCount(r, false)
		);
	// Scopes and filters that read the same rows share them (a city's pages, every period of its year).
	const { organizations, dimension: by, narrow } = rollup;
	const key = JSON.stringify([organizations, periodIds, by, narrow, dimension]);
	return rollupCounts(scope, key, async () =>
		(await readRollups(db, organizations, periodIds, by, narrow)).map((r) => measureCount(r, by !== dimension))
	);
}

const rollupCounts = memoOnData<MeasureCount[]>(512);

/** Scopes of pages that count their updates several ways (countManyWays). */
const countedManyWays = new WeakSet<object>();

/**
 * Marks the scope of a page that counts the same updates several ways in its period — by status, category and
 * theme, each compared child by category and by theme (the overview, the deck, the handout). Where the rollups
 * cannot answer its filters (a theme with a category or counted by theme, a quality flag, a responsible unit,
 * a change), its one-period counts are grouped from one read of the period's facts rather than counted by a
 * GROUP BY each: a whole province's overview under a theme read the same 4 000 updates five times (≈ 370 ms of
 * its 425 ms of SQL). A page counting one way (a task list's total) keeps the GROUP BY, which reads no rows out.
 * Returns the scope.
 */
export function countManyWays<S extends object>(scope: S): S {
	countedManyWays.add(scope);
	return scope;
}

/** What of a scope its facts depend on. */
type FactScope = Pick<Scope, 'organizationIds' | 'excludedOrganizationIds' | 'since'>;

/** Facts read for a scope (its request's: a page's scope object is its own), by period and task filters. */
const read = new WeakMap<object, Map<string, Promise<UpdateFacts[]>>>();

const factsKey = (periodId: number, filters: TaskFilters) => JSON.stringify([periodId, taskFiltersOf(filters)]);

/**
 * The facts of a page's scope in one period under the filters, when its counts have read them (countManyWays,
 * filters the rollups cannot answer), for another count of that period to group (the change panel's); null
 * otherwise: a count alone is cheaper as its own GROUP BY than as the period's rows read out.
 */
export function factsRead(scope: FactScope, periodId: number, filters: TaskFilters): Promise<UpdateFacts[]> | null {
	return read.get(scope)?.get(factsKey(periodId, filters)) ?? null;
}

/** The facts of the scope's current updates in one period under the filters, read once for the scope. */
function factsOf(db: DB, scope: FactScope, periodId: number, filters: TaskFilters): Promise<UpdateFacts[]> {
	let ofScope = read.get(scope);
	if (!ofScope) read.set(scope, (ofScope = new Map()));
	const key = factsKey(periodId, filters);
	let facts = ofScope.get(key);
	if (!facts) ofScope.set(key, (facts = readFacts(db, scope, periodId, filters)));
	return facts;
}

/** What countFacts groups of each current update the filters select, with the columns groupUpdates counts. */
async function readFacts(db: DB, scope: FactScope, periodId: number, filters: TaskFilters): Promise<UpdateFacts[]> {
	const rows = await withFirstTarget(scopedUpdates(db, scope, [periodId], filters))
		.select([
			'plans.organization_id as organizationId',
			'updates.period_id as periodId',
			'updates.status',
			'updates.status_source as statusSource',
			'categories.name_key as categoryKey',
			'categories.position as categoryOrder',
			sql<string | null>`(select group_concat(theme_id) from task_themes where task_themes.task_id = tasks.id)`.as(
				'themes'
			),
			// 0 or 1, as SQLite gives a truth value.
			sql<number>`${FLAGGED}`.as('flagged'),
			COMPLETION_RATIO.as('ratio'),
			// The task's status in the scope's earlier period: what the change panel (changes.ts summarizeScope) and
			// the deck's changes (countStatusChanges) count from. Its kind of change is the domain's changeKind, made
			// below from it, in place of the SQL twin (updateChangeSql), which changes.spec.ts holds equal to it.
			earlierStatusSql(scope.since?.id ?? null).as('earlier'),
			'updates.behind_run as behindRun'
		])
		.execute();
	// Each row gets its kind of change in place (a copy of each of a province's 14 592 rows would cost more).
	const facts = rows as Omit<UpdateFacts, 'change'>[] as UpdateFacts[];
	for (const fact of facts) fact.change = changeKind(fact.earlier, fact.status);
	return facts;
}

type CountRow = Omit<Awaited<ReturnType<typeof groupUpdates>>[number], 'organizationId'>;

/** A row of either source as a MeasureCount; `statusOnly`: a status count read from a category's or a theme's rows. */
function measureCount(r: CountRow, statusOnly: boolean): MeasureCount {
	return {
		periodId: r.periodId,
		key: statusOnly ? '' : r.key,
		order: statusOnly ? 0 : Number(r.order),
		status: r.status,
		statusSource: r.statusSource,
		taskCount: Number(r.taskCount),
		flaggedCount: Number(r.flaggedCount),
		ratioSum: Number(r.ratioSum),
		ratioCount: Number(r.ratioCount)
	};
}

/**
 * countUpdates for several organizations at once, each its own scope (with its subtree), by organization
 * id: the children a comparison ranks. Where the rollups answer each of them, one read grouped by
 * organization (the rows of an organization hold its subtree); else one count per organization.
 */
export async function countUpdatesEach(
	db: DB,
	each: { id: number; scope: Scope }[],
	periodIds: number[],
	filters: TaskFilters,
	dimension: Dimension,
	/** Only these keys of the dimension (a heatmap's columns); all when null. */
	keys: readonly string[] | null = null,
	/** The page's scope, which holds every one of them: its facts count them (countManyWays), when it has any. */
	within: Scope | null = null
): Promise<Map<number, MeasureCount[]>> {
	const answers = await Promise.all(each.map((e) => rollupAnswer(db, e.scope, filters, dimension)));
	const oneRowEach = answers.every((a, i) => a?.organizations.length === 1 && a.organizations[0] === each[i].id);
	if (!oneRowEach || answers.length === 0) {
		const kept = keys && new Set(keys);
		const only = (rows: MeasureCount[]) => (kept ? rows.filter((r) => kept.has(r.key)) : rows);
		const owners = ownerOfEach(each);
		if (owners) {
			const key = JSON.stringify([each.map((e) => e.id), periodIds, taskFiltersOf(filters), dimension]);
			// The page's facts count them all when it reads facts (countManyWays) and holds every one of them.
			const page =
				within &&
				periodIds.length === 1 &&
				countedManyWays.has(within) &&
				holdsEvery(within, owners.keys(), each[0].scope.since?.id ?? null)
					? within
					: null;
			const counts = await groupedEach(each[0].scope, key, async () =>
				page
					? countedEach(
							each,
							countFacts(await factsOf(db, page, periodIds[0], filters), dimension, (id) => owners.get(id))
						)
					: countEachAtOnce(db, each, owners, periodIds, filters, dimension)
			);
			return new Map(each.map((e) => [e.id, only(counts.get(e.id) ?? [])]));
		}
		const rows = await Promise.all(each.map((e) => countUpdates(db, e.scope, periodIds, filters, dimension)));
		return new Map(each.map((e, i) => [e.id, only(rows[i])]));
	}
	// The same filters for every organization: the same dimension and narrowing.
	const { dimension: by, narrow: narrowed } = answers[0]!;
	const ids = each.map((e) => e.id);
	const narrow = keys && by === dimension ? { ...narrowed, keys } : narrowed;
	// Kept like countUpdates' rollup counts when the organizations' scopes are (a kept comparison's children).
	const key = JSON.stringify([ids, periodIds, by, narrow, dimension]);
	const rows = await rollupCountsEach(each[0].scope, key, async () =>
		(await readRollups(db, ids, periodIds, by, narrow, true)).map((r) => ({
			organizationId: Number(r.organizationId),
			count: measureCount(r, by !== dimension)
		}))
	);
	const counts = new Map<number, MeasureCount[]>(each.map((e) => [e.id, []]));
	for (const r of rows) counts.get(r.organizationId)?.push(r.count);
	return counts;
}

const rollupCountsEach = memoOnData<{ organizationId: number; count: MeasureCount }[]>(256);

const groupedEach = memoOnScope<Map<number, MeasureCount[]>>(256);

/**
 * Which of `each` every organization belongs to, when one plain GROUP BY can count them all: each scope
 * names its organizations, none twice, and the scopes differ in nothing else. Null otherwise.
 */
function ownerOfEach(each: { id: number; scope: Scope }[]): Map<number, number> | null {
	const owners = new Map<number, number>();
	const since = each[0]?.scope.since?.id ?? null;
	for (const { id, scope } of each) {
		if (!scope.organizationIds || (scope.excludedOrganizationIds?.length ?? 0) > 0) return null;
		if ((scope.since?.id ?? null) !== since) return null;
		for (const organizationId of scope.organizationIds) {
			if (owners.has(organizationId)) return null;
			owners.set(organizationId, id);
		}
	}
	return owners;
}

/** Whether `within` counts every update of these organizations with the same `since` (a page and its children). */
function holdsEvery(within: Scope, organizationIds: Iterable<number>, since: number | null): boolean {
	if ((within.since?.id ?? null) !== since) return false;
	const excluded = new Set(within.excludedOrganizationIds ?? []);
	const included = within.organizationIds && new Set(within.organizationIds);
	for (const id of organizationIds) if (excluded.has(id) || (included && !included.has(id))) return false;
	return true;
}

/** Counts grouped by owner (countFacts with an owner per organization) as each one's rows. */
function countedEach(each: { id: number }[], rows: FactCount[]): Map<number, MeasureCount[]> {
	const counts = new Map<number, MeasureCount[]>(each.map((e) => [e.id, []]));
	for (const r of rows) counts.get(r.owner)!.push(measureCount(r, false));
	return counts;
}

/**
 * The plain GROUP BY of several disjoint scopes in one statement, grouped by organization too and summed
 * per scope: a comparison's children under filters the rollups cannot answer (a theme with a category,
 * say) scan their subtrees once together instead of one statement each (the city preset's whole-city overview under
 * a theme: its two heatmaps took 22 statements, ≈ 36 ms; now two, ≈ 13 ms).
 */
async function countEachAtOnce(
	db: DB,
	each: { id: number; scope: Scope }[],
	owners: Map<number, number>,
	periodIds: number[],
	filters: TaskFilters,
	dimension: Dimension
): Promise<Map<number, MeasureCount[]>> {
	const scope = { organizationIds: [...owners.keys()], excludedOrganizationIds: [], since: each[0].scope.since };
	const rows = await groupUpdates(scopedUpdates(db, scope, periodIds, filters), dimension, true);
	const summed = new Map<string, { owner: number; count: MeasureCount }>();
	for (const r of rows) {
		const owner = owners.get(Number(r.organizationId))!;
		const count = measureCount(r, false);
		const key = JSON.stringify([owner, count.periodId, count.key, count.status, count.statusSource]);
		const before = summed.get(key);
		if (!before) summed.set(key, { owner, count });
		else {
			const sum = before.count;
			sum.order = Math.min(sum.order, count.order);
			sum.taskCount += count.taskCount;
			sum.flaggedCount += count.flaggedCount;
			sum.ratioSum += count.ratioSum;
			sum.ratioCount += count.ratioCount;
		}
	}
	const counts = new Map<number, MeasureCount[]>(each.map((e) => [e.id, []]));
	for (const { owner, count } of summed.values()) counts.get(owner)!.push(count);
	return counts;
}

/**
 * The rollup rows that answer a count exactly, or null where only the plain GROUP BY can: the rows hold
 * whole organizations per status and source, by category or by theme — so status and source filters, one
 * category (counted by status or by category) and one theme (counted by status) can be read from them; a
 * responsible unit, a quality flag, the attention set, or a category together with a theme cannot.
 */
export async function rollupAnswer(db: DB, scope: Scope, filters: TaskFilters, dimension: Dimension) {
	// The rollups count statuses; a change or a run behind compares periods, which only the plain GROUP BY can.
	if (filters.change || filters.streak) return null;
	if (filters.owner || filters.flag || filters.attention || (filters.category !== null && filters.theme !== null))
		return null;
	const by: Dimension = filters.category !== null ? 'category' : filters.theme !== null ? 'theme' : dimension;
	if (by !== dimension && dimension !== 'status') return null;
	// Counted by theme, a theme filter keeps its tasks' other themes too (rows hold one theme each).
	if (filters.theme !== null && dimension === 'theme') return null;
	const organizations = await rollupOrganizations(db, scope);
	if (!organizations) return null;
	let key: string | null = null;
	if (filters.category !== null) key = categoryKey(filters.category);
	if (filters.theme !== null) {
		const theme = (await listThemeRows(db, scope)).find((t) => t.name === filters.theme);
		// No such theme: no row has its key.
		key = theme ? String(theme.id) : '';
	}
	return {
		organizations,
		dimension: by,
		narrow: { key, status: filters.status, source: filters.source } satisfies RollupNarrowing
	};
}

/** The plain GROUP BY behind countUpdates, with the columns of a rollup row. */
export function groupUpdates(updates: Updates, dimension: Dimension, perOrganization = false) {
	const facts = withFirstTarget(
		dimension === 'theme' ? (updates.innerJoin('task_themes', 'task_themes.task_id', 'tasks.id') as Updates) : updates
	);
	const key =
		dimension === 'status'
			? sql<string>`''`
			: dimension === 'category'
				? sql<string>`categories.name_key`
				: sql<string>`cast(task_themes.theme_id as text)`;
	// Grouped by the plan's organization too (countEachAtOnce); else 0 for every row.
	const organization = perOrganization ? sql<number>`plans.organization_id` : sql<number>`0`;
	return facts
		.select([
			organization.as('organizationId'),
			'updates.period_id as periodId',
			key.as('key'),
			(dimension === 'category' ? sql<number>`min(categories.position)` : sql<number>`0`).as('order'),
			'updates.status',
			'updates.status_source as statusSource',
			sql<number>`count(*)`.as('taskCount'),
			sql<number>`sum(${FLAGGED})`.as('flaggedCount'),
			sql<number>`ifnull(sum(${COMPLETION_RATIO}), 0)`.as('ratioSum'),
			sql<number>`count(${COMPLETION_RATIO})`.as('ratioCount')
		])
		.groupBy([
			'updates.period_id',
			key,
			'updates.status',
			'updates.status_source',
			...(perOrganization ? [organization] : [])
		])
		.execute();
}
