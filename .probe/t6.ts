import { peakMemory, memoryBound } from '../src/lib/server/import/fixtures/peak-memory';
import { edited, packed, seedParts, SHEET } from '../src/lib/server/import/fixtures/hostile';
const parts = await seedParts();
const cases: [string, string][] = [
  ['rows-one-cell-at-J', Array.from({ length: 99_000 }, (_, k) => `<row r="${k + 20}"><c r="J${k + 20}" t="s"><v>1</v></c></row>`).join('')],
  ['rows-empty', Array.from({ length: 99_000 }, (_, k) => `<row r="${k + 20}"/>`).join('')],
  ['rows-one-cell-at-GR', Array.from({ length: 4_900 }, (_, k) => `<row r="${k + 20}"><c r="GR${k + 20}" t="s"><v>1</v></c></row>`).join('')],
  ['cells-100k', Array.from({ length: 10_000 }, (_, k) => `<row r="${k + 20}">${Array.from({ length: 9 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${k + 20}" t="s"><v>${c}</v></c>`).join('')}</row>`).join('')],
];
for (const [name, rows] of cases) {
  const b = packed(edited(parts, SHEET, (x) => x.replace('</sheetData>', `${rows}</sheetData>`)));
  const r = await peakMemory(b, name + '.xlsx');
  console.log(name, b.length, (r.maxRss / 1e6).toFixed(0), (memoryBound(b.length) / 1e6).toFixed(0), r.error?.slice(0, 100), r.crash, r.tasks);
}
