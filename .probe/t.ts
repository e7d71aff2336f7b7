import { peakMemory } from '/work/wt/robust/src/lib/server/import/fixtures/peak-memory';
import { mergeBomb, sharedStringsBomb, wideCsv, deepHtml } from '/work/wt/robust/src/lib/server/import/fixtures/hostile';
const t = Date.now();
const m = await mergeBomb(); console.log('merge bomb bytes', m.length, await peakMemory(m, 'm.xlsx'), Date.now()-t);
const s = await sharedStringsBomb(10_000_000); console.log('ss bytes', s.length, await peakMemory(s, 's.xlsx'), Date.now()-t);
const c = wideCsv(10_000_000); console.log('csv', c.length, await peakMemory(c, 'c.csv'), Date.now()-t);
const h = deepHtml(50_000); console.log('html', h.length, await peakMemory(h, 'h.html'), Date.now()-t);
