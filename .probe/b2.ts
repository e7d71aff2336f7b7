import { readFileSync } from 'node:fs';
import { peakMemory } from '../src/lib/server/import/fixtures/peak-memory';
import { mergeBomb } from '../src/lib/server/import/fixtures/hostile';
const b = await mergeBomb(); console.log(Buffer.compare(Buffer.from(b), readFileSync('/tmp/robust-probe/bomb-vitest.xlsx')));
console.log((await peakMemory(readFileSync('/tmp/robust-probe/bomb-vitest.xlsx'), 'm.xlsx')).maxRss/1e6);
