/**
 * Everything `/` loads, as one function of a database and a URL: the route calls it, and the
 * benchmark (bench/run.ts) measures exactly what the route runs.
 */
import type { DB } from '../db';
import { settings } from '../app';
import { filtersAndScope } from './request';
import { readableTree } from '../auth/reading';
import { loadOverviewData } from './overview-data';
import { loadComparison } from './comparison';
import { loadChanges } from './changes';
import * as organizations from '../queries/organizations';
import * as plans from '../queries/plans';
import { countTasksSamePeriodByYear } from '../queries/overview';
import { countManyWays } from '../queries/measures';
import { summarisePlans } from '../../domain/plan-summary';
import { packCategoryCounts } from '../../domain/category-counts';

const ATTENTION_LIMIT = 12;
/** How many recently imported plan periods the list under the charts shows. */
const RECENT_PLAN_PERIODS = 20;

export async function loadOverviewPage(db: DB, url: URL, locals: App.Locals) {
	const { filters, scope } = await filtersAndScope(db, url, locals);
	// Its counts by status, category, theme and child share one read where the rollups cannot answer them.
	countManyWays(scope);
	const [organizationTree, years, themes, planSummaries, overview, yearOverYear, comparison] = await Promise.all([
		organizations.listOrganizationTree(db, scope).then((tree) => readableTree(tree, locals.readable)),
		organizations.listYears(db, scope),
		organizations.listThemesInScope(db, scope),
		// A year filter limits the list to that year's plans (it used to list every year); a year without
		// data keeps them all, so the page can tell "nothing for these filters" from "nothing imported".
		plans
			.countTasksByPlanPeriodStatus(db, scope, RECENT_PLAN_PERIODS, scope.period ? filters.year : null)
			.then(summarisePlans),
		loadOverviewData(db, filters, scope, { attentionLimit: ATTENTION_LIMIT, rule: settings().trafficLightRule }),
		scope.period ? countTasksSamePeriodByYear(db, scope, scope.period, filters) : null,
		loadComparison(db, filters, scope)
	]);
	// What changed since the last meeting (ChangesPanel.svelte); better-sqlite3 runs one query at a time anyway.
	const changes = await loadChanges(db, scope, filters);
	const base = {
		filters,
		scope,
		organizationTree,
		years,
		themes,
		plans: planSummaries,
		trafficLightRule: settings().trafficLightRule,
		...comparison
	};
	return overview && yearOverYear && changes
		? { ...base, ...overview, byCategory: packCategoryCounts(overview.byCategory), yearOverYear, changes }
		: { ...base, period: null as null };
}
