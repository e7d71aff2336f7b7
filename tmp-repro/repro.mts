import { loadSeeds, mutate } from '/work/main/src/lib/server/import/fixtures/fuzz-mutations';
import { previewDocument } from '/work/main/src/lib/server/import';
const seeds = await loadSeeds();
const c = JSON.parse(process.argv[2]);
const seed = seeds[c.seed];
console.log(seed.name, seed.format);
const bytes = mutate(seed, c.mutations);
const t = performance.now();
try { await previewDocument(bytes, { fileName: seed.name }); console.log('ok'); } catch (e) { console.log('err', String(e).slice(0, 200)); }
console.log(((performance.now() - t) / 1000).toFixed(1), 's');
