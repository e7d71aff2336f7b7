import Database from 'better-sqlite3';
import { openDatabase } from '../src/lib/server/db';
import { filtersAndScope } from '../src/lib/server/pages/request';
import { listAttentionTasks } from '../src/lib/server/queries/overview';
const [file, url] = process.argv.slice(2);
const db = openDatabase(file, { handle: new Database(file, { readonly: true }) });
const target = new URL(url, 'http://b.local');
for (let i = 0; i < 12; i++) {
	const { filters, scope } = await filtersAndScope(db, target);
	const c0 = process.cpuUsage();
	const r = await listAttentionTasks(db, scope, scope.period!.id, filters, 12, 'yinchuan');
	const c = process.cpuUsage(c0);
	if (i >= 9) console.log(((c.user + c.system) / 1000).toFixed(1), 'ms', r.total, r.tasks.map((t) => t.taskId).join(','));
}
