import { peakMemory, memoryBound } from '../src/lib/server/import/fixtures/peak-memory';
const u = (s: string) => new TextEncoder().encode(s);
const cases: [string, Uint8Array][] = [
  ['nested-i.html', u('<html><body>' + '<i>'.repeat(99_990) + '</body></html>')],
  ['flat.html', u('<table><tr><th>工作任务</th><th>完成情况</th></tr>' + '<tr><td>任务</td><td>已完成。</td></tr>'.repeat(33_000) + '</table>')],
  ['divs.html', u('<html><body>' + '<div>'.repeat(99_990) + '</body></html>')],
  ['spans.html', u('<html><body>' + '<p>x</p>'.repeat(99_990) + '</body></html>')],
];
for (const [n, b] of cases) { const r = await peakMemory(b, n); console.log(n, b.length, (r.maxRss/1e6).toFixed(0), (memoryBound(b.length)/1e6).toFixed(0), r.error?.slice(0, 80), r.crash); }
