/**
 * Synthetic data at city and province scale, written through the importer's own write step
 * (writeReport), one document per organization × year × quarter. Deterministic: the same
 * options give the same database, row for row, because every draw comes from a stream seeded
 * by (seed, organization, year, quarter) and writeReport is given the report's publication
 * time instead of the clock. Memory stays bounded: one plan is in memory at a time.
 */
import type { DB } from '../db';
import { writeReportIn } from '../queries/imports';
import { withSearchIndexesBuiltAfter } from '../queries/search-index';
import { writeTransaction } from '../queries/write-transaction';
import { quarterDocuments } from './draft';
import { buildOrganizations, type OrganizationNode } from './organizations';
import { buildPlan, taskCount } from './plan';

export interface GenerateOptions {
	/** Any text; the same seed gives the same database. */
	seed: string;
	/** Organizations in the tree (市, 区/县, 街道/镇; a 省 above several cities past 400). */
	organizations: number;
	/** Years of plans per organization, ending with `lastYear`. */
	years: number;
	/** Default 2024: a fixed year rather than the clock's, so that a seed means the same data next year. */
	lastYear?: number;
	/** Mean tasks per plan; each plan has 10–60. */
	tasksPerPlan: number;
	/** Called about every `progressInterval` ms and once at the end. */
	onProgress?: (progress: GenerateProgress) => void;
	progressInterval?: number;
}

export interface GenerateProgress {
	documents: number;
	updates: number;
	/** Known before the first write: task counts are drawn from their own streams. */
	expectedUpdates: number;
	elapsedMs: number;
}

export interface GenerateSummary extends GenerateProgress {
	organizations: number;
	plans: number;
	flags: number;
	/** Updates per second over the first and over the last tenth of the updates: alike when writing stays linear. */
	startRate: number;
	endRate: number;
	/** Of elapsedMs, the time building the search indexes after the last write. */
	searchIndexMs: number;
}

export const PRESETS = {
	/** ≈ 200 organizations × 5 years × 4 quarters × 25 tasks ≈ 100 000 updates. */
	city: { organizations: 200, years: 5, tasksPerPlan: 25 },
	/** ≈ 2 000 organizations (a province of ten cities) × 5 years × 4 quarters × 25 tasks ≈ 1 000 000 updates. */
	province: { organizations: 2000, years: 5, tasksPerPlan: 25 }
} as const;

export const DEFAULT_LAST_YEAR = 2024;

/**
 * Organizations written per transaction. City, alternating in the same minutes, same rows: one per
 * transaction 20.5, 23.3, 21.8 s; eight 19.8, 20.2, 20.9 s; twenty-five 20.2, 20.4 s.
 */
const ORGANIZATIONS_PER_TRANSACTION = 8;

function years(options: Pick<GenerateOptions, 'years' | 'lastYear'>): number[] {
	const last = options.lastYear ?? DEFAULT_LAST_YEAR;
	return Array.from({ length: options.years }, (_, i) => last - options.years + 1 + i);
}

/** How many updates `generateData` will write, without building a plan. */
export function countExpectedUpdates(options: Omit<GenerateOptions, 'onProgress'>): number {
	let total = 0;
	for (let org = 0; org < options.organizations; org++) {
		for (const year of years(options)) total += 4 * taskCount(options.seed, org, year, options.tasksPerPlan);
	}
	return total;
}

export async function generateData(db: DB, options: GenerateOptions): Promise<GenerateSummary> {
	if (!Number.isInteger(options.years) || options.years < 1)
		throw new Error(`years must be a positive integer, got ${options.years}`);
	if (!(options.tasksPerPlan > 0)) throw new Error(`tasks per plan must be positive, got ${options.tasksPerPlan}`);
	const organizations = buildOrganizations(options.seed, options.organizations);
	const expectedUpdates = countExpectedUpdates(options);
	const interval = options.progressInterval ?? 2000;
	const started = performance.now();
	const rates = new Rates(expectedUpdates, started);
	const summary: GenerateSummary = {
		organizations: organizations.length,
		plans: 0,
		documents: 0,
		updates: 0,
		flags: 0,
		expectedUpdates,
		elapsedMs: 0,
		startRate: 0,
		endRate: 0,
		searchIndexMs: 0
	};
	let reported = started;

	let written = 0;
	// The search indexes are built once at the end (search-index.ts): for a city, 0.9 s instead of 8.
	await withSearchIndexesBuiltAfter(db, async () => {
		for (let first = 0; first < organizations.length; first += ORGANIZATIONS_PER_TRANSACTION) {
			// Several organizations' documents in one transaction: each write touches the same pages (the
			// ancestors' rollup rows, the indexes' last leaves), which a commit per document, then per
			// organization, wrote out again each time.
			const batch = organizations.slice(first, first + ORGANIZATIONS_PER_TRANSACTION);
			await writeTransaction(db, async (trx) => {
				for (const { organization, plan } of plansOf(batch, options)) {
					summary.plans++;
					for (const { draft, doc, now } of quarterDocuments(plan)) {
						const result = await writeReportIn(trx, draft, doc, organization.chain, { now });
						summary.documents++;
						summary.updates += result.taskCount;
						summary.flags += result.flagCount;
					}
					const time = performance.now();
					rates.passed(summary.updates, time);
					if (options.onProgress && time - reported >= interval) {
						reported = time;
						options.onProgress({ ...summary, elapsedMs: time - started });
					}
				}
			});
		}
		written = performance.now();
	});
	const ended = performance.now();
	summary.elapsedMs = ended - started;
	summary.searchIndexMs = ended - written;
	Object.assign(summary, rates.result(summary.updates, written));
	options.onProgress?.({ ...summary });
	return summary;
}

/** Each organization's plan of each year, in the order they are written. */
function* plansOf(organizations: OrganizationNode[], options: GenerateOptions) {
	for (const organization of organizations) {
		for (const year of years(options)) {
			yield { organization, plan: buildPlan(options.seed, organization, year, options.tasksPerPlan) };
		}
	}
}

/** The write rate over the first and the last tenth of a run: the first sign of a write path that grows with the database. */
class Rates {
	private start: { updates: number; time: number } | null = null;
	private end: { updates: number; time: number } | null = null;
	constructor(
		private readonly expected: number,
		private readonly started: number
	) {}

	passed(updates: number, time: number) {
		if (!this.start && updates >= this.expected * 0.1) this.start = { updates, time };
		if (!this.end && updates >= this.expected * 0.9) this.end = { updates, time };
	}

	result(updates: number, time: number): { startRate: number; endRate: number } {
		const rate = (n: number, ms: number) => (ms > 0 ? (n / ms) * 1000 : 0);
		const start = this.start ?? { updates, time };
		const end = this.end ?? { updates: 0, time: this.started };
		return {
			startRate: rate(start.updates, start.time - this.started),
			endRate: rate(updates - end.updates, time - end.time)
		};
	}
}
