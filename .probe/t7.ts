import { peakMemory, memoryBound } from '../src/lib/server/import/fixtures/peak-memory';
import { edited, packed, seedParts, SHEET } from '../src/lib/server/import/fixtures/hostile';
const parts = await seedParts();
const row = (k: number, cols: number) => `<row r="${k}">${Array.from({ length: cols }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${k}" t="s"><v>${c % 5}</v></c>`).join('')}</row>`;
const cases: [string, string][] = [
  ['20k-rows-one-cell', Array.from({ length: 19_900 }, (_, k) => row(k + 20, 1)).join('')],
  ['20k-rows-three-cells', Array.from({ length: 19_900 }, (_, k) => row(k + 20, 3)).join('')],
  ['6.6k-rows-nine-cells', Array.from({ length: 6_600 }, (_, k) => row(k + 20, 9)).join('')],
];
for (const [name, rows] of cases) {
  const b = packed(edited(parts, SHEET, (x) => x.replace('</sheetData>', `${rows}</sheetData>`)));
  const r = await peakMemory(b, name + '.xlsx');
  console.log(name, b.length, (r.maxRss / 1e6).toFixed(0), (memoryBound(b.length) / 1e6).toFixed(0), r.error?.slice(0, 100), r.crash, r.tasks);
}
