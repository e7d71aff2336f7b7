import Database from 'better-sqlite3';
import { openDatabase } from '../src/lib/server/db';
import { loadOverviewPage } from '../src/lib/server/pages/overview';
const [file, url] = process.argv.slice(2);
const sqlite = new Database(file, { readonly: true });
const db = openDatabase(file, { handle: sqlite });
const target = new URL(url, 'http://b.local');
for (let i = 0; i < 60; i++) await loadOverviewPage(db, target, { lang: 'zh' } as App.Locals);
