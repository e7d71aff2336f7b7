import Database from 'better-sqlite3';
import { openDatabase } from '../src/lib/server/db';
import { loadOverviewPage } from '../src/lib/server/pages/overview';
import { loadTaskPage } from '../src/lib/server/pages/tasks';
const [file, url] = process.argv.slice(2);
const load = url.startsWith('/tasks') ? loadTaskPage : loadOverviewPage;
const sqlite = new Database(file, { readonly: true });
const statements: { sql: string; params: readonly unknown[] }[] = [];
let capturing = false;
const db = openDatabase(file, { handle: sqlite, log: (e) => capturing && e.level === 'query' && statements.push({ sql: e.query.sql, params: e.query.parameters }) });
const target = new URL(url, 'http://b.local');
capturing = true; await load(db, target, { lang: 'zh' } as App.Locals); capturing = false;
const t: number[] = [];
for (let i = 0; i < 15; i++) { const s = performance.now(); await load(db, target, { lang: 'zh' } as App.Locals); t.push(performance.now() - s); }
t.sort((a, b) => a - b);
console.log(url, 'loader p50', t[7].toFixed(1), 'statements', statements.length);
const rows = statements.map((s) => {
	const stmt = sqlite.prepare(s.sql); const ts: number[] = [];
	for (let i = 0; i < 7; i++) { const a = performance.now(); stmt.all(...(s.params as unknown[])); ts.push(performance.now() - a); }
	ts.sort((a, b) => a - b);
	return { ms: ts[3], sql: s.sql.replace(/\s+/g, ' ').slice(0, 200) };
});
console.log('sum of statements', rows.reduce((n, r) => n + r.ms, 0).toFixed(1));
for (const r of rows.sort((a, b) => b.ms - a.ms).slice(0, 10)) console.log('  ', r.ms.toFixed(2), r.sql);
