/**
 * Aggregates for the leadership overview. Each counts current updates through scopedUpdates,
 * grouped in SQL; the shaping into chart series happens in src/lib/charts/options.
 */
import { sql } from 'kysely';
import type { DB } from '../db';
import type { FlagKind } from '../../domain/flags';
import { NO_TASK_FILTERS, scopedUpdates } from './scope';
import type { Scope, TaskFilters } from '../../types/scope';
import { readRollups, rollupOrganizations } from './rollups';
import type {
	AttentionTask,
	CategoryStatusCount,
	PeriodProgress,
	PeriodRow,
	PeriodStatusCount,
	StatusChange,
	ThemeStatusCount
} from '../../types/overview';

export async function countTasksByPeriodStatus(
	db: DB,
	scope: Scope,
	periodIds: number[],
	filters: TaskFilters
): Promise<PeriodStatusCount[]> {
	const rolled = await rollupOrganizations(db, scope, filters);
	if (rolled) {
		return (await readRollups(db, rolled, periodIds, 'status')).map((r) => ({
			periodId: r.periodId,
			status: r.status,
			statusSource: r.statusSource,
			taskCount: Number(r.taskCount)
		}));
	}
	return scopedUpdates(db, scope, periodIds, filters)
		.select((eb) => [
			'updates.period_id as periodId',
			'updates.status',
			'updates.status_source as statusSource',
			eb.fn.countAll<number>().as('taskCount')
		])
		.groupBy(['updates.period_id', 'updates.status', 'updates.status_source'])
		.execute();
}

export async function countTasksByCategoryStatus(
	db: DB,
	scope: Scope,
	periodId: number,
	filters: TaskFilters
): Promise<CategoryStatusCount[]> {
	const rolled = await rollupOrganizations(db, scope, filters);
	if (rolled) {
		return (await readRollups(db, rolled, [periodId], 'category'))
			.map((r) => ({
				category: r.key === '' ? null : r.key,
				position: Number(r.order),
				status: r.status,
				statusSource: r.statusSource,
				taskCount: Number(r.taskCount)
			}))
			.sort(
				(a, b) =>
					a.position - b.position ||
					((a.category ?? '') < (b.category ?? '') ? -1 : (a.category ?? '') > (b.category ?? '') ? 1 : 0)
			);
	}
	return scopedUpdates(db, scope, [periodId], filters)
		.select((eb) => [
			'categories.name as category',
			eb.fn.min('categories.position').as('position'),
			'updates.status',
			'updates.status_source as statusSource',
			eb.fn.countAll<number>().as('taskCount')
		])
		.groupBy(['categories.name', 'updates.status', 'updates.status_source'])
		.orderBy('position')
		.orderBy('categories.name')
		.execute();
}

export async function countTasksByThemeStatus(
	db: DB,
	scope: Scope,
	periodId: number,
	filters: TaskFilters
): Promise<ThemeStatusCount[]> {
	const rolled = await rollupOrganizations(db, scope, filters);
	if (rolled) {
		const themes = new Map(
			(await db.selectFrom('themes').select(['id', 'name', 'name_en']).execute()).map((t) => [String(t.id), t])
		);
		return (await readRollups(db, rolled, [periodId], 'theme'))
			.filter((r) => themes.has(r.key))
			.map((r) => ({
				theme: themes.get(r.key)!.name,
				themeEn: themes.get(r.key)!.name_en,
				status: r.status,
				statusSource: r.statusSource,
				taskCount: Number(r.taskCount)
			}))
			.sort((a, b) => (a.theme < b.theme ? -1 : a.theme > b.theme ? 1 : 0));
	}
	return scopedUpdates(db, scope, [periodId], filters)
		.innerJoin('task_themes', 'task_themes.task_id', 'tasks.id')
		.innerJoin('themes', 'themes.id', 'task_themes.theme_id')
		.select((eb) => [
			'themes.name as theme',
			'themes.name_en as themeEn',
			'updates.status',
			'updates.status_source as statusSource',
			eb.fn.countAll<number>().as('taskCount')
		])
		.groupBy(['themes.id', 'updates.status', 'updates.status_source'])
		.orderBy('themes.name')
		.execute();
}

/** The periods of a year that have current updates in scope, in order. */
export async function listPeriodsWithData(db: DB, scope: Scope, year: number): Promise<PeriodRow[]> {
	const rolled = await rollupOrganizations(db, scope, NO_TASK_FILTERS);
	if (rolled) {
		return db
			.selectFrom('periods')
			.select([
				'periods.id',
				'periods.year',
				'periods.quarter',
				'periods.month_start as monthStart',
				'periods.month_end as monthEnd',
				'periods.label'
			])
			.where('periods.year', '=', year)
			.where((eb) =>
				eb.exists(
					eb
						.selectFrom('status_rollups')
						.select('status_rollups.period_id')
						.whereRef('status_rollups.period_id', '=', 'periods.id')
						.where('status_rollups.organization_id', 'in', rolled)
						.where('status_rollups.dimension', '=', 'status')
						.where('status_rollups.task_count', '>', 0)
				)
			)
			.orderBy('periods.month_end')
			.execute();
	}
	return scopedUpdates(db, scope, null, NO_TASK_FILTERS)
		.innerJoin('periods', 'periods.id', 'updates.period_id')
		.where('periods.year', '=', year)
		.select([
			'periods.id',
			'periods.year',
			'periods.quarter',
			'periods.month_start as monthStart',
			'periods.month_end as monthEnd',
			'periods.label'
		])
		.distinct()
		.orderBy('periods.month_end')
		.execute();
}

/** A task's completion ratio in SQL: actual / its first target, else its stated percent / 100. */
const completionRatio = sql<
	number | null
>`coalesce(updates.actual_value / nullif(targets.value, 0), updates.percent / 100.0)`;

export async function getProgressByPeriod(
	db: DB,
	scope: Scope,
	periodIds: number[],
	filters: TaskFilters
): Promise<PeriodProgress[]> {
	const rolled = await rollupOrganizations(db, scope, filters);
	if (rolled) {
		const sums = new Map<number, { n: number; sum: number }>();
		for (const r of await readRollups(db, rolled, periodIds, 'status')) {
			const entry = sums.get(r.periodId) ?? { n: 0, sum: 0 };
			entry.n += Number(r.ratioCount);
			entry.sum += Number(r.ratioSum);
			sums.set(r.periodId, entry);
		}
		return [...sums]
			.filter(([, v]) => v.n > 0)
			.map(([periodId, v]) => ({ periodId, taskCount: v.n, meanRatio: v.sum / v.n }));
	}
	const ratio = completionRatio;
	return scopedUpdates(db, scope, periodIds, filters)
		.leftJoin('targets', (join) => join.onRef('targets.task_id', '=', 'tasks.id').on('targets.position', '=', 1))
		.where(ratio, 'is not', null)
		.select((eb) => [
			'updates.period_id as periodId',
			eb.fn.countAll<number>().as('taskCount'),
			eb.fn.avg<number>(ratio).as('meanRatio')
		])
		.groupBy('updates.period_id')
		.execute();
}

/**
 * Tasks that need attention in one period: behind, not started, or carrying a quality flag.
 * Behind first, then not started, then flagged; in task order (import order, which is report
 * order within a plan) within each. Returns at most `limit` rows and the total.
 */
export async function listAttentionTasks(
	db: DB,
	scope: Scope,
	periodId: number,
	filters: TaskFilters,
	limit: number
): Promise<{ total: number; tasks: AttentionTask[] }> {
	const base = () => scopedUpdates(db, scope, [periodId], filters);
	// Three bounded lookups in the order shown (behind, not started, flagged), each walking the
	// period's index in task order, instead of sorting every matching row of a province.
	const groups = [
		(qb: ReturnType<typeof base>) => qb.where('updates.status', '=', 'behind'),
		(qb: ReturnType<typeof base>) => qb.where('updates.status', '=', 'not_started'),
		(qb: ReturnType<typeof base>) =>
			qb
				.where('updates.status', 'not in', ['behind', 'not_started'])
				.where((eb) =>
					eb.exists(
						eb
							.selectFrom('quality_flags')
							.select('quality_flags.id')
							.whereRef('quality_flags.update_id', '=', 'updates.id')
					)
				)
	];
	const rows = [];
	for (const narrow of groups) {
		if (rows.length >= limit) break;
		rows.push(
			...(await narrow(base())
				.innerJoin('organizations', 'organizations.id', 'plans.organization_id')
				.leftJoin('targets', (join) => join.onRef('targets.task_id', '=', 'tasks.id').on('targets.position', '=', 1))
				.select([
					'tasks.id as taskId',
					'tasks.name',
					'categories.name as category',
					'organizations.name as organization',
					'updates.status',
					'updates.status_source as statusSource',
					sql<
						string | null
					>`(select group_concat(distinct kind) from quality_flags where quality_flags.update_id = updates.id)`.as(
						'flagKinds'
					),
					completionRatio.as('ratio')
				])
				.orderBy('updates.task_id')
				.limit(limit - rows.length)
				.execute())
		);
	}
	return {
		total: await countAttentionTasks(db, scope, periodId, filters),
		tasks: rows.map(({ flagKinds, ...row }) => ({
			...row,
			flags: flagKinds ? (flagKinds.split(',') as FlagKind[]) : []
		}))
	};
}

/** How many tasks need attention in one period: behind, not started, or flagged. */
async function countAttentionTasks(db: DB, scope: Scope, periodId: number, filters: TaskFilters): Promise<number> {
	const rolled = await rollupOrganizations(db, scope, filters);
	if (rolled) {
		let total = 0;
		for (const r of await readRollups(db, rolled, [periodId], 'status')) {
			total += r.status === 'behind' || r.status === 'not_started' ? Number(r.taskCount) : Number(r.flaggedCount);
		}
		return total;
	}
	const { total } = await scopedUpdates(db, scope, [periodId], filters)
		.where((eb) =>
			eb.or([
				eb('updates.status', 'in', ['behind', 'not_started']),
				eb.exists(
					eb
						.selectFrom('quality_flags')
						.select('quality_flags.id')
						.whereRef('quality_flags.update_id', '=', 'updates.id')
				)
			])
		)
		.select((eb) => eb.fn.countAll<number>().as('total'))
		.executeTakeFirstOrThrow();
	return Number(total);
}

/**
 * Tasks in one period that carry at least one data-quality flag, whatever their status: the
 * data-quality slide's count, which its capped list alone could not give.
 */
export async function countFlaggedTasks(db: DB, scope: Scope, periodId: number, filters: TaskFilters): Promise<number> {
	const rolled = await rollupOrganizations(db, scope, filters);
	if (rolled) {
		let total = 0;
		for (const r of await readRollups(db, rolled, [periodId], 'status')) total += Number(r.flaggedCount);
		return total;
	}
	const { total } = await scopedUpdates(db, scope, [periodId], filters)
		.where((eb) =>
			eb.exists(
				eb.selectFrom('quality_flags').select('quality_flags.id').whereRef('quality_flags.update_id', '=', 'updates.id')
			)
		)
		.select((eb) => eb.fn.countAll<number>().as('total'))
		.executeTakeFirstOrThrow();
	return Number(total);
}

/**
 * Tasks in scope whose current status in `periodId` differs from their current status in
 * `previousPeriodId` (tasks without an update in both periods are not changes); report order.
 * Task filters apply to the later period, as on every other count of that period.
 */
export async function listStatusChanges(
	db: DB,
	scope: Scope,
	periodId: number,
	previousPeriodId: number,
	filters: TaskFilters
): Promise<StatusChange[]> {
	return scopedUpdates(db, scope, [periodId], filters)
		.innerJoin('updates as previous', (join) =>
			join
				.onRef('previous.task_id', '=', 'tasks.id')
				.on('previous.period_id', '=', previousPeriodId)
				.on('previous.superseded_at', 'is', null)
		)
		.whereRef('previous.status', '!=', 'updates.status')
		.select([
			'tasks.id as taskId',
			'tasks.name',
			'categories.name as category',
			'previous.status as from',
			'updates.status as to'
		])
		.orderBy('plans.organization_id')
		.orderBy('tasks.position')
		.execute();
}
