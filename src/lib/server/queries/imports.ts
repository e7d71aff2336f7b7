/**
 * The write step of an import: one document, one transaction. It reads what the database holds
 * of the document's plan (import-state.ts), plans every row from that and the draft, pure
 * (import-plan.ts), writes the rows table by table (import-rows.ts) and brings the rollups up to
 * date. Everything the reader produced (organization, plan, period, categories, tasks, targets,
 * themes, updates, flags) is written together or not at all.
 */
import type { DB } from '../db';
import { writePeriodSummary } from './summaries';
import type { ReportDraft } from '../import/types';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { findSameDocument, readWriteState, type WriteState } from './import-state';
import { planWrite, type Actor, type DocumentInput, type WritePlan } from './import-plan';
import { recordAudit } from './audit';
import { writePlan } from './import-rows';
import { applyPlanChange, contributionOf, readPlanFacts, type UpdateFact } from './rollups';
import { writeTransaction } from './write-transaction';

export type { Actor, DocumentInput } from './import-plan';

export type ImportOutcome =
	/** Written; this report's updates are now the current ones for its plan and period. */
	| 'imported'
	/** Written as history: a report published later already holds this plan and period. */
	| 'history'
	/** The same document (same sha256) was imported before; nothing changed. */
	| 'unchanged';

export interface ImportResult {
	outcome: ImportOutcome;
	sourceId: number;
	organizationId: number;
	planId: number;
	periodId: number;
	taskCount: number;
	/** Current updates of the same plan and period that this import replaced (kept as history). */
	replacedCount: number;
	flagCount: number;
	/** Updates written for a wide table's earlier periods (its 1-10月 column beside 1-11月). */
	historyCount: number;
	/** Statuses a person confirmed that this import kept (its reading of them is history). */
	keptConfirmedCount: number;
}

export interface WriteOptions {
	/**
	 * The time written as created_at, imported_at and superseded_at (ISO 8601); the clock's by
	 * default. The generator passes each report's publication time, so its databases are
	 * reproducible byte for byte.
	 */
	now?: string;
	/**
	 * Sample data (示例数据): organizations this write creates are marked is_sample, so pages label
	 * them and `npm run sample:remove` can take them out. An existing organization keeps its mark:
	 * writing sample data can never turn a real organization into one that removal deletes.
	 */
	sample?: boolean;
	/** Who imports; the audit row and the source's imported_by name them. No audit row without one (generated data). */
	actor?: Actor;
	/** Confirmed statuses the new reading replaces (import-plan.ts WriteInput); none by default. */
	replaceConfirmed?: boolean | readonly number[];
}

/**
 * Writes one document. `organization` is the chain of bodies from the top down
 * (['杭州市', '萧山区', '新街街道']); the last is the plan's owner, the others its parents.
 * Quality flags are the draft's, plus same_as_previous against the plan's previous period.
 */
export async function writeReport(
	db: DB,
	draft: ReportDraft,
	doc: DocumentInput,
	organization: string[],
	options: WriteOptions = {}
): Promise<ImportResult> {
	return writeTransaction(db, (trx) => writeReportIn(trx, draft, doc, organization, options));
}

/**
 * writeReport's work in a write transaction the caller holds: the generator writes each organization's
 * documents in one (generate/index.ts), rather than a commit per document.
 */
export async function writeReportIn(
	trx: Kysely<Database>,
	draft: ReportDraft,
	doc: DocumentInput,
	organization: string[],
	options: WriteOptions = {}
): Promise<ImportResult> {
	if (organization.length === 0) throw new Error('the report names no organization');
	const input = {
		draft,
		doc,
		organization,
		now: options.now ?? new Date().toISOString(),
		sample: !!options.sample,
		actor: options.actor ?? null,
		replaceConfirmed: options.replaceConfirmed ?? false
	};
	const same = await findSameDocument(trx, doc.sha256);
	if (same) {
		const { id, plan_id, period_id, organization_id } = same;
		const nothing = { taskCount: 0, replacedCount: 0, flagCount: 0, historyCount: 0, keptConfirmedCount: 0 };
		return {
			outcome: 'unchanged',
			sourceId: id,
			organizationId: organization_id,
			planId: plan_id,
			periodId: period_id,
			...nothing
		};
	}
	const state = await readWriteState(trx, draft, organization);
	const plan = planWrite(input, state);
	await writePlan(trx, plan);
	await writePeriodSummary(trx, plan.source.id!, draft.summary);
	await refreshRollups(trx, state, plan);
	const result = resultOf(plan);
	if (options.actor) await recordImport(trx, options.actor, input, result);
	return result;
}

/** The import's audit row, in its transaction: what was written where, and which confirmations it replaced or kept. */
async function recordImport(
	trx: Kysely<Database>,
	actor: Actor,
	input: { draft: ReportDraft; doc: DocumentInput; organization: string[] },
	result: ImportResult
) {
	const { draft, doc, organization } = input;
	await recordAudit(trx, {
		actor: actor.name,
		actorUserId: actor.userId,
		kind: 'import',
		organizationId: result.organizationId,
		subject: doc.fileName ?? draft.source.title ?? doc.sha256,
		after: {
			sourceId: result.sourceId,
			sha256: doc.sha256,
			title: draft.source.title,
			organization,
			period: `${draft.period.year} ${draft.period.label}`,
			outcome: result.outcome,
			tasks: result.taskCount,
			replaced: result.replacedCount,
			keptConfirmed: result.keptConfirmedCount
		}
	});
}

/**
 * The rollups' change is the plan's counts after the write minus before. When no task changed,
 * only the periods this document made current can differ, and there the current updates are
 * now exactly the ones it wrote: the cost is the document's, whatever the plan holds.
 */
async function refreshRollups(trx: Kysely<Database>, state: WriteState, plan: WritePlan) {
	const facts = state.plan?.facts ?? { updates: [], themes: [] };
	const periods = await changedPeriods(trx, facts.updates, plan.rollupPeriods);
	const before = contributionOf(facts, periods);
	// A kept confirmation stays current beside what this document wrote: then read the whole plan.
	const own = plan.updates.some((u) => u.keptConfirmed.length > 0) ? null : plan.source.id!;
	const after = contributionOf(await readPlanFacts(trx, plan.planId, periods && own), periods);
	await applyPlanChange(trx, plan.organizationIds.toReversed(), before, after);
}

/**
 * The periods whose rollups a write made current in `written` can change (null: any). A task's earlier
 * status and run behind are those of its previous reported period of the year (migration 0021), so when
 * the plan already holds a later period of that year, that period changes too: then the whole plan counts.
 */
async function changedPeriods(
	trx: Kysely<Database>,
	held: UpdateFact[],
	written: number[] | null
): Promise<number[] | null> {
	if (written === null || written.length === 0) return written;
	const periods = await trx
		.selectFrom('periods')
		.select(['year', 'month_end as monthEnd'])
		.where('id', 'in', written)
		.execute();
	const later = held.some((u) => periods.some((p) => u.year === p.year && u.monthEnd > p.monthEnd));
	return later ? null : written;
}

function resultOf(plan: WritePlan): ImportResult {
	const [own, ...earlier] = plan.updates;
	return {
		outcome: own.current ? 'imported' : 'history',
		sourceId: plan.source.id!,
		organizationId: plan.organizationIds.at(-1)!,
		planId: plan.planId,
		periodId: own.periodId,
		taskCount: own.rows.length,
		replacedCount: own.supersede.length,
		flagCount: plan.flags.length,
		historyCount: earlier.reduce((n, period) => n + period.rows.length, 0),
		keptConfirmedCount: plan.updates.reduce((n, period) => n + period.keptConfirmed.length, 0)
	};
}
