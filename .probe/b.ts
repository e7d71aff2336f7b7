import { readFileSync } from 'node:fs';
import { peakMemory } from '../src/lib/server/import/fixtures/peak-memory';
for (let i = 0; i < 3; i++) { const r = await peakMemory(readFileSync('data/reports/keqiao-2023-q1.txt'), 'k.txt'); console.log(r.maxRss / 1e6); }
