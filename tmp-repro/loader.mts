import Database from 'better-sqlite3';
import { openDatabase } from '../src/lib/server/db';
import { loadTaskPage } from '../src/lib/server/pages/tasks';
const file = 'bench/data/province.db';
const sqlite = new Database(file, { readonly: true });
const { name: category } = sqlite.prepare(`select c.name from categories c join tasks t on t.category_id = c.id group by c.name order by count(*) desc limit 1`).get() as { name: string };
const statements: { sql: string; params: readonly unknown[] }[] = [];
let capturing = false;
const db = openDatabase(file, { handle: sqlite, log: (e) => capturing && e.level === 'query' && statements.push({ sql: e.query.sql, params: e.query.parameters }) });
for (const url of ['/tasks', `/tasks?category=${encodeURIComponent(category)}&status=behind`]) {
	const target = new URL(url, 'http://b.local');
	statements.length = 0;
	capturing = true; await loadTaskPage(db, target, { lang: 'zh' } as App.Locals); capturing = false;
	const t: number[] = [];
	for (let i = 0; i < 15; i++) { const s = performance.now(); await loadTaskPage(db, target, { lang: 'zh' } as App.Locals); t.push(performance.now() - s); }
	t.sort((a, b) => a - b);
	console.log(url, 'loader p50', t[7].toFixed(1));
	for (const s of statements) {
		const stmt = sqlite.prepare(s.sql); const ts: number[] = [];
		for (let i = 0; i < 9; i++) { const a = performance.now(); stmt.all(...(s.params as unknown[])); ts.push(performance.now() - a); }
		ts.sort((a, b) => a - b);
		console.log('  ', ts[4].toFixed(2), 'ms', s.sql.replace(/\s+/g, ' ').slice(0, 260));
	}
}
