/**
 * The sample organization (示例街道) that a new installation shows beside the real reports, so
 * the quarter charts have a trend to draw before an office has imported a year of its own.
 * Two full years of quarterly reports, generated with a fixed seed, written through
 * writeReport and marked as sample data (organizations.is_sample), which pages label 示例数据
 * and `npm run sample:remove` takes out again.
 */
import type { DB } from '../db';
import { writeReport } from '../queries/imports';
import { quarterDocuments, type DocumentLabel } from './draft';
import type { OrganizationNode } from './organizations';
import { buildPlan } from './plan';

/** Invented parents, so the sample never sits under a real 市 or 区. */
export const SAMPLE_CHAIN = ['示例市', '示例区', '示例街道'];
/**
 * Fixed years rather than the clock's: the sample is the same on every installation and in
 * every test, all its quarters lie in the past, and 2024 sits beside the bundled real report of
 * 2024 Q2 (新街街道), so the year filters show both.
 */
export const SAMPLE_YEARS = [2023, 2024];
const SAMPLE_SEED = 'jindu sample organization';
const SAMPLE_TASKS = 14;

const SAMPLE_LABEL: DocumentLabel = {
	generator: 'jindu sample data (示例数据)',
	subject: '示例数据',
	titleSuffix: '（示例数据）'
};

const SAMPLE_NODE: OrganizationNode = {
	index: 0,
	name: SAMPLE_CHAIN[2],
	level: 'street',
	chain: SAMPLE_CHAIN,
	stem: '示例'
};

export interface SampleResult {
	organization: string[];
	documents: number;
	updates: number;
}

/** Adds the sample organization with its two years; a second call changes nothing (same documents). */
export async function addSampleOrganization(db: DB): Promise<SampleResult> {
	const result: SampleResult = { organization: SAMPLE_CHAIN, documents: 0, updates: 0 };
	for (const year of SAMPLE_YEARS) {
		const plan = buildPlan(SAMPLE_SEED, SAMPLE_NODE, year, SAMPLE_TASKS);
		for (const { draft, doc, now } of quarterDocuments(plan, SAMPLE_LABEL)) {
			const written = await writeReport(db, draft, doc, SAMPLE_CHAIN, { now, sample: true });
			if (written.outcome === 'unchanged') continue;
			result.documents++;
			result.updates += written.taskCount;
		}
	}
	return result;
}
