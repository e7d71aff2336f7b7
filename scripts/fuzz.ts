/**
 * npm run fuzz -- [--runs 10000] [--seed N] [--show 10]
 *
 * The importers' fuzz test at length (the short run is src/lib/server/import/fuzz.spec.ts): every
 * fixture in every format, mutated, read, written into a fresh in-memory database, and checked
 * (see fixtures/fuzz-harness.ts). Prints the runs, how they ended, every distinct failure, the
 * process's peak memory, and the peak of the largest documents each read alone; exit code 1 when any
 * run failed.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
	FuzzFailure,
	fuzzCase,
	runCase,
	type FuzzCase,
	type RunOutcome
} from '../src/lib/server/import/fixtures/fuzz-harness';
import { loadSeeds, mutate } from '../src/lib/server/import/fixtures/fuzz-mutations';
import { memoryBound, peakMemory } from '../src/lib/server/import/fixtures/peak-memory';

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

const ALONE = 5;
/**
 * A run slower than this fails: the largest mutated documents (~300 KB) read in one or two seconds (more
 * on a shared machine), while reader work that grows faster than the document (a backtracking pattern,
 * a rescan) took 50–200 s on them.
 */
const SLOW_SECONDS = 20;
const slow: string[] = [];
const seeds = await loadSeeds();
const outcomes: Record<RunOutcome, number> = { refused: 0, written: 0 };
const failures = new Map<string, { count: number; example: string }>();
/** The largest documents, read again alone at the end: this process's own peak mixes every run's garbage and databases. */
const largest: { size: number; c: FuzzCase }[] = [];
const started = performance.now();
for (const [k, c] of fc.sample(fuzzCase(seeds), { numRuns: runs, seed }).entries()) {
	largest.push({ size: mutate(seeds[c.seed], c.mutations).length, c });
	largest.sort((a, b) => b.size - a.size).splice(ALONE);
	const caseStarted = performance.now();
	try {
		outcomes[await runCase(seeds, c)]++;
	} catch (error) {
		const message = error instanceof FuzzFailure ? error.message : `the harness threw ${String(error)}`;
		const key = message.split('\n')[0].replace(/\d+/g, 'N');
		const seen = failures.get(key) ?? { count: 0, example: message };
		failures.set(key, { count: seen.count + 1, example: seen.example });
	}
	const seconds = (performance.now() - caseStarted) / 1000;
	if (seconds > SLOW_SECONDS) {
		slow.push(`${seconds.toFixed(1)} s: ${JSON.stringify(c)}`);
		console.error(`slow run ${k + 1}: ${slow.at(-1)}`);
		failures.set(`slow ${slow.length}`, { count: 1, example: `slower than ${SLOW_SECONDS} s: ${slow.at(-1)}` });
	}
	if ((k + 1) % 500 === 0) console.error(`… ${k + 1} runs`);
}

const alone: string[] = [];
for (const { size, c } of largest) {
	const seedOf = seeds[c.seed];
	const peak = await peakMemory(mutate(seedOf, c.mutations), seedOf.name);
	const within = peak.maxRss <= memoryBound(size) && peak.crash === null;
	alone.push(
		`${(size / 1024).toFixed(0)} KB ${seedOf.format} → ${mb(peak.maxRss)} MB (bound ${mb(memoryBound(size))} MB)${within ? '' : ' ×'}`
	);
	if (!within)
		failures.set(`alone ${alone.length}`, { count: 1, example: `read alone: ${alone.at(-1)} ${JSON.stringify(c)}` });
}

const failed = [...failures.values()].reduce((n, f) => n + f.count, 0);
console.log(`runs: ${runs} (seed ${seed}) in ${Math.round((performance.now() - started) / 1000)} s`);
console.log(`written: ${outcomes.written}, refused with ImportError: ${outcomes.refused}`);
console.log(`failures: ${failed}${failures.size > 0 ? ` (${failures.size} distinct)` : ''}`);
for (const { count, example } of [...failures.values()].slice(0, Number(values.show)))
	console.log(`\n× ${count}: ${example}`);
console.log(`runs slower than ${SLOW_SECONDS} s: ${slow.length}${slow.map((s) => `\n  ${s}`).join('')}`);
console.log(`peak memory (RSS) of this process over all runs: ${mb(peakRss())} MB`);
console.log(`the ${alone.length} largest documents, each read alone in a fresh process:\n  ${alone.join('\n  ')}`);
process.exit(failed > 0 ? 1 : 0);

function mb(bytes: number): string {
	return (bytes / 2 ** 20).toFixed(0);
}

/** The process's peak resident memory, bytes (VmHWM on Linux; getrusage elsewhere). */
function peakRss(): number {
	const hwm =
		process.platform === 'linux' ? /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8')) : null;
	return hwm ? Number(hwm[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}
