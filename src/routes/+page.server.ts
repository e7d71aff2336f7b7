import type { PageServerLoad } from './$types';
import { getDb, settings } from '$lib/server/app';
import { filtersAndScope } from '$lib/server/filters';
import * as overview from '$lib/server/queries/overview';
import * as organizations from '$lib/server/queries/organizations';
import * as plans from '$lib/server/queries/plans';
import { summarisePlans } from '$lib/domain/plan-summary';
import { computeKpis } from '$lib/domain/kpi';

const ATTENTION_LIMIT = 12;

export const load: PageServerLoad = async ({ url }) => {
	const db = getDb();
	const { filters, scope } = await filtersAndScope(db, url);
	const [organizationTree, years, themes, planSummaries] = await Promise.all([
		organizations.listOrganizationTree(db),
		organizations.listYears(db, scope),
		organizations.listThemes(db),
		plans.countTasksByPlanPeriodStatus(db).then(summarisePlans)
	]);
	const base = { filters, scope, organizationTree, years, themes, plans: planSummaries, trafficLightRule: settings().trafficLightRule };
	if (!scope.period) return { ...base, period: null };

	const period = scope.period;
	const periods = await overview.listPeriodsWithData(db, scope, period.year);
	const index = periods.findIndex((p) => p.id === period.id);
	const previous = index > 0 ? periods[index - 1] : null;
	const [byPeriod, byCategory, byTheme, progress, attention, categories] = await Promise.all([
		overview.countTasksByPeriodStatus(db, scope, periods.map((p) => p.id), filters),
		overview.countTasksByCategoryStatus(db, scope, period.id, filters),
		overview.countTasksByThemeStatus(db, scope, period.id, filters),
		overview.getProgressByPeriod(db, scope, periods.map((p) => p.id), filters),
		overview.listAttentionTasks(db, scope, period.id, filters, ATTENTION_LIMIT),
		organizations.listCategoryNames(db, scope, period.id)
	]);
	return {
		...base,
		period,
		periods,
		categories,
		kpis: computeKpis(byPeriod, period.id, previous?.id ?? null),
		previous,
		byPeriod,
		byCategory,
		byTheme,
		progress,
		attention
	};
};
