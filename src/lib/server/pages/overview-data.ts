/**
 * The overview's numbers for one scope, shared by `/` and `/present`, so the slides a meeting
 * sees are exactly the counts of the dashboard (both go through the same queries).
 */
import type { DB } from '../db';
import type { Filters } from '../../filters';
import type { Scope } from '../../types/scope';
import type { OverviewData } from '../../types/overview';
import * as overview from '../queries/overview';
import { computeKpis } from '../../domain/kpi';
import type { TrafficLightRule } from '../../domain/schedule';

/**
 * The selected period with its year's other periods, the previous one, KPIs, counts by period,
 * category and theme, progress against 序时进度 and the first `attentionLimit` tasks that need
 * attention, coloured by `options.rule`. Null when nothing in scope has data.
 */
export async function loadOverviewData(
	db: DB,
	filters: Filters,
	scope: Scope,
	options: { attentionLimit: number; rule: TrafficLightRule }
): Promise<OverviewData | null> {
	if (!scope.period) return null;
	const period = scope.period;
	const periods = await overview.listPeriodsWithData(db, scope, period.year);
	const index = periods.findIndex((p) => p.id === period.id);
	const previous = index > 0 ? periods[index - 1] : null;
	const periodIds = periods.map((p) => p.id);
	const [byPeriod, allCategories, byTheme, progress, attention] = await Promise.all([
		overview.countTasksByPeriodStatus(db, scope, periodIds, filters),
		overview.countTasksByCategoryStatus(db, scope, period.id, filters),
		overview.countTasksByThemeStatus(db, scope, period.id, filters),
		overview.getProgressByPeriod(db, scope, periodIds, filters),
		overview.listAttentionTasks(db, scope, period.id, filters, options.attentionLimit, options.rule)
	]);
	return {
		period,
		periods,
		categoryCount: new Set(allCategories.map((r) => r.category)).size,
		kpis: computeKpis(byPeriod, period.id, previous?.id ?? null),
		previous,
		byPeriod,
		byCategory: allCategories,
		byTheme,
		progress,
		attention
	};
}

export type { OverviewData };
