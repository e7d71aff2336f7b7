/**
 * npm run fuzz -- [--runs 10000] [--seed N] [--show 10]
 *
 * The importers' fuzz test at length (the short run is src/lib/server/import/fuzz.spec.ts): every
 * fixture in every format, mutated, read, written into a fresh in-memory database, and checked
 * (see fixtures/fuzz-harness.ts). Prints the runs, how they ended, every distinct failure, the
 * largest document and the process's peak memory; exit code 1 when any run failed.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FuzzFailure, fuzzCase, runCase, type RunOutcome } from '../src/lib/server/import/fixtures/fuzz-harness';
import { loadSeeds, mutate } from '../src/lib/server/import/fixtures/fuzz-mutations';

const { values } = parseArgs({
	options: {
		runs: { type: 'string', default: '1000' },
		seed: { type: 'string' },
		show: { type: 'string', default: '10' }
	}
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
	console.error('usage: npm run fuzz -- [--runs N] [--seed N] [--show N]');
	process.exit(2);
}

const seeds = await loadSeeds();
const outcomes: Record<RunOutcome, number> = { refused: 0, written: 0, known: 0 };
const failures = new Map<string, { count: number; example: string }>();
let largest = 0;
const started = performance.now();
for (const [k, c] of fc.sample(fuzzCase(seeds), { numRuns: runs, seed }).entries()) {
	largest = Math.max(largest, mutate(seeds[c.seed], c.mutations).length);
	try {
		outcomes[await runCase(seeds, c)]++;
	} catch (error) {
		const message = error instanceof FuzzFailure ? error.message : `the harness threw ${String(error)}`;
		const key = message.split('\n')[0].replace(/\d+/g, 'N');
		const seen = failures.get(key) ?? { count: 0, example: message };
		failures.set(key, { count: seen.count + 1, example: seen.example });
	}
	if ((k + 1) % 500 === 0) console.error(`… ${k + 1} runs`);
}

const failed = [...failures.values()].reduce((n, f) => n + f.count, 0);
console.log(`runs: ${runs} (seed ${seed}) in ${Math.round((performance.now() - started) / 1000)} s`);
console.log(
	`written: ${outcomes.written}, refused with ImportError: ${outcomes.refused}, known write failures: ${outcomes.known}`
);
console.log(`failures: ${failed}${failures.size > 0 ? ` (${failures.size} distinct)` : ''}`);
for (const { count, example } of [...failures.values()].slice(0, Number(values.show)))
	console.log(`\n× ${count}: ${example}`);
console.log(
	`largest document: ${(largest / 1024).toFixed(0)} KB; peak memory (RSS): ${(peakRss() / 2 ** 20).toFixed(0)} MB`
);
process.exit(failed > 0 ? 1 : 0);

/** The process's peak resident memory, bytes (VmHWM on Linux; getrusage elsewhere). */
function peakRss(): number {
	const hwm =
		process.platform === 'linux' ? /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8')) : null;
	return hwm ? Number(hwm[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}
