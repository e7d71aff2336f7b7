import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/app';
import * as plans from '$lib/server/queries/plans';
import { groupByCategory, summarisePlans } from '$lib/domain/plan-summary';

export const load: PageServerLoad = async () => {
	const db = getDb();
	const summaries = summarisePlans(await plans.countTasksByPlanPeriodStatus(db));
	const tasks = await plans.listLatestTaskStatuses(
		db,
		summaries.map((s) => s.planId)
	);
	return {
		plans: summaries.map((summary) => ({
			...summary,
			categories: groupByCategory(tasks.filter((task) => task.planId === summary.planId))
		}))
	};
};
