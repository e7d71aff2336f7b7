import Database from 'better-sqlite3';
import { openDatabase } from '../src/lib/server/db';
import { filtersAndScope } from '../src/lib/server/pages/request';
import * as comparison from '../src/lib/server/queries/comparison';
import * as overview from '../src/lib/server/queries/overview';
import { NO_TASK_FILTERS } from '../src/lib/server/queries/scope';
const [file, url] = process.argv.slice(2);
const db = openDatabase(file, { handle: new Database(file, { readonly: true }) });
const target = new URL(url, 'http://b.local');
const { filters, scope } = await filtersAndScope(db, target);
const period = scope.period!;
const { children } = await comparison.listComparedChildren(db, scope);
const parts: Record<string, () => Promise<unknown>> = {
	dataAsOf: () => comparison.getDataAsOf(db, scope, period.id),
	children: () => comparison.listComparedChildren(db, scope),
	periods: () => overview.listPeriodsWithData(db, scope, period.year),
	status: () => comparison.countChildren(db, children, [period.id], filters, 'status'),
	silent: () => comparison.listSilentChildren(db, children, period.id),
	category: () => comparison.countChildren(db, children, [period.id], filters, 'category'),
	theme: () => comparison.countChildren(db, children, [period.id], filters, 'theme'),
	themes: () => comparison.listThemesById(db)
};
for (const [k, f] of Object.entries(parts)) {
	for (let i = 0; i < 3; i++) await f();
	const c0 = process.cpuUsage();
	for (let i = 0; i < 20; i++) await f();
	const c = process.cpuUsage(c0);
	console.log(k.padEnd(14), ((c.user + c.system) / 1000 / 20).toFixed(2), 'ms cpu');
}
