import type { PageServerLoad } from './$types';
import { getDb, settings } from '$lib/server/app';
import { filtersAndScope } from '$lib/server/filters';
import { loadOverviewData } from '$lib/server/overview-data';
import * as organizations from '$lib/server/queries/organizations';
import * as plans from '$lib/server/queries/plans';
import { summarisePlans } from '$lib/domain/plan-summary';

const ATTENTION_LIMIT = 12;
/** How many recently imported plan periods the list under the charts shows. */
const RECENT_PLAN_PERIODS = 20;

export const load: PageServerLoad = async ({ url }) => {
	const db = getDb();
	const { filters, scope } = await filtersAndScope(db, url);
	const [organizationTree, years, themes, planSummaries, overview] = await Promise.all([
		organizations.listOrganizationTree(db, scope.organizations.map((o) => o.id)),
		organizations.listYears(db, scope),
		organizations.listThemes(db),
		plans.countTasksByPlanPeriodStatus(db, scope, RECENT_PLAN_PERIODS).then(summarisePlans),
		loadOverviewData(db, filters, scope, { attentionLimit: ATTENTION_LIMIT })
	]);
	const base = { filters, scope, organizationTree, years, themes, plans: planSummaries, trafficLightRule: settings().trafficLightRule };
	return overview ? { ...base, ...overview } : { ...base, period: null };
};
