/**
 * Synthetic data at city and province scale, written through the importer's own write step
 * (writeReport), one document per organization × year × quarter. Deterministic: the same
 * options give the same database, row for row, because every draw comes from a stream seeded
 * by (seed, organization, year, quarter) and writeReport is given the report's publication
 * time instead of the clock. Memory stays bounded: one plan is in memory at a time.
 */
import type { DB } from '../db';
import { writeReport } from '../queries/imports';
import { quarterDocuments } from './draft';
import { buildOrganizations } from './organizations';
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
}

export const PRESETS = {
	/** ≈ 200 organizations × 5 years × 4 quarters × 25 tasks ≈ 100 000 updates. */
	city: { organizations: 200, years: 5, tasksPerPlan: 25 },
	/** ≈ 2 000 organizations (a province of ten cities) × 5 years × 4 quarters × 25 tasks ≈ 1 000 000 updates. */
	province: { organizations: 2000, years: 5, tasksPerPlan: 25 }
} as const;

export const DEFAULT_LAST_YEAR = 2024;

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
	const summary: GenerateSummary = {
		organizations: organizations.length,
		plans: 0,
		documents: 0,
		updates: 0,
		flags: 0,
		expectedUpdates,
		elapsedMs: 0
	};
	let reported = started;

	for (const organization of organizations) {
		for (const year of years(options)) {
			const plan = buildPlan(options.seed, organization, year, options.tasksPerPlan);
			summary.plans++;
			for (const { draft, doc, now } of quarterDocuments(plan)) {
				const result = await writeReport(db, draft, doc, organization.chain, { now });
				summary.documents++;
				summary.updates += result.taskCount;
				summary.flags += result.flagCount;
			}
			const time = performance.now();
			if (options.onProgress && time - reported >= interval) {
				reported = time;
				options.onProgress({ ...summary, elapsedMs: time - started });
			}
		}
	}
	summary.elapsedMs = performance.now() - started;
	options.onProgress?.({ ...summary });
	return summary;
}
