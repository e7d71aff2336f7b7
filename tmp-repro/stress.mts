// Every seed, three lines each, ten characters repeated 30 000 times in the middle of the line: names any read over 1 s.
import { loadSeeds, mutate } from '../src/lib/server/import/fixtures/fuzz-mutations';
import { previewDocument } from '../src/lib/server/import';
const seeds = await loadSeeds();
const CHARS = Number(process.env.CHARS ?? 4);
const LEN = Number(process.env.LEN ?? 30000);
const only = process.env.ONLY;
let worst = 0;
for (const [i, seed] of seeds.entries()) {
	if (only && !seed.name.includes(only)) continue;
	for (const line of [1, 5, 12, 40]) for (let char = 0; char < CHARS; char++) {
		const c = { seed: i, mutations: [{ kind: 'huge', line, at: 1000003, length: LEN, char }] };
		const t = performance.now();
		try { await previewDocument(mutate(seed, c.mutations as never), { fileName: seed.name }); } catch {}
		const s = (performance.now() - t) / 1000;
		worst = Math.max(worst, s);
		if (s > 1) console.log(s.toFixed(1), 's', seed.name, seed.format, JSON.stringify(c));
	}
}
console.log('worst', worst.toFixed(2));
