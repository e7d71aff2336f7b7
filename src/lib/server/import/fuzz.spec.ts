import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fuzzCase, runCase, type RunOutcome } from './fixtures/fuzz-harness';
import { loadSeeds, mutate, type Seed } from './fixtures/fuzz-mutations';

/** Runs in `npm test`: about 20 s on two shared cores. `npm run fuzz -- --runs 10000` is the long run. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
/**
 * A fixed seed in `npm test`, so the suite's time is bounded and a failure reproduces; FUZZ_SEED (and
 * `npm run fuzz` with its own seeds) explores further.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);

describe('the importers under fuzzing: mutated fixtures of every format', () => {
	let seeds: Seed[];
	beforeAll(async () => {
		seeds = await loadSeeds();
	});

	it('start from every fixture, in every format', () => {
		expect(new Set(seeds.map((s) => s.format))).toEqual(new Set(['text', 'html', 'csv', 'xlsx']));
		expect(seeds.filter((s) => s.format === 'text')).toHaveLength(4 + 24 + 1);
	});

	it('damage what they are told to', () => {
		const [text] = seeds;
		const bytes = Buffer.from(text.bytes);
		expect(mutate(text, [{ kind: 'truncate', at: 10 }])).toHaveLength(10);
		expect(Buffer.from(mutate(text, [{ kind: 'duplicate', line: 0 }])).toString()).toBe(
			`${bytes.toString().split('\n')[0]}\n${bytes.toString()}`
		);
		const renumbered = Buffer.from(mutate(text, [{ kind: 'renumber', line: 9, form: 2 }])).toString();
		expect(renumbered.split('\n')[9]).toMatch(/^⑵ \| 完成“县中崛起”/);
		expect(mutate(text, [{ kind: 'huge', line: 3, at: 0, length: 5000, char: 0 }]).length).toBe(bytes.length + 5000);
	});

	it(`keep their promises over ${RUNS} runs: only ImportError, dry run and write agree, no partial write, bounded memory`, async () => {
		const outcomes: Record<RunOutcome, number> = { refused: 0, written: 0 };
		await fc.assert(
			fc.asyncProperty(fuzzCase(seeds), async (c) => {
				outcomes[await runCase(seeds, c)]++;
			}),
			{ numRuns: RUNS, seed: SEED }
		);
		// Both sides of the line are reached: documents that import and documents that are refused.
		expect(outcomes.written).toBeGreaterThan(RUNS / 10);
		expect(outcomes.refused).toBeGreaterThan(RUNS / 10);
	}, 180_000);
});
