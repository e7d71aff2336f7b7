import Database from 'better-sqlite3';
import { openDatabase } from '../src/lib/server/db';
import { filtersAndScope } from '../src/lib/server/pages/request';
import { loadComparison } from '../src/lib/server/pages/comparison';
import { loadOverviewData } from '../src/lib/server/pages/overview-data';
import { countTasksSamePeriodByYear } from '../src/lib/server/queries/overview';
import * as organizations from '../src/lib/server/queries/organizations';
import * as plans from '../src/lib/server/queries/plans';
const [file, url] = process.argv.slice(2);
const db = openDatabase(file, { handle: new Database(file, { readonly: true }) });
const target = new URL(url, 'http://b.local');
let { filters, scope } = await filtersAndScope(db, target);
const parts: Record<string, () => Promise<unknown>> = {
	scope: () => filtersAndScope(db, target),
	tree: () => organizations.listOrganizationTree(db, scope.organizations.map((o) => o.id)),
	years: () => organizations.listYears(db, scope),
	plans: () => plans.countTasksByPlanPeriodStatus(db, scope, 20, filters.year),
	overviewData: () => loadOverviewData(db, filters, scope, { attentionLimit: 12, rule: 'yinchuan' } as never),
	yoy: () => countTasksSamePeriodByYear(db, scope, scope.period!, filters),
	comparison: () => loadComparison(db, filters, scope)
};
for (const [k, f] of Object.entries(parts)) {
	for (let i = 0; i < 3; i++) await f();
	const c0 = process.cpuUsage();
	for (let i = 0; i < 20; i++) { ({ filters, scope } = await filtersAndScope(db, target)); await f(); }
	const c = process.cpuUsage(c0);
	console.log(k.padEnd(14), ((c.user + c.system) / 1000 / 20).toFixed(2), 'ms cpu');
}
