import { peakMemory } from '../src/lib/server/import/fixtures/peak-memory';
import { deepHtml, wideCsv } from '../src/lib/server/import/fixtures/hostile';
import { readFileSync } from 'node:fs';
for (const [n, b] of [['tiny.txt', readFileSync('data/reports/keqiao-2023-q1.txt')], ['k.html', readFileSync('src/lib/server/import/fixtures/keqiao-2023-q1.html')], ['deep.html', deepHtml(50000)], ['deep1000.html', deepHtml(1000)]] as const) {
  const r = await peakMemory(b as Uint8Array, n); console.log(n, (r.maxRss/1e6).toFixed(0), r.error?.slice(0, 60));
}
