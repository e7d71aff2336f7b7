/**
 * The write step of an import: one document, one transaction. Everything the reader produced
 * (organization, plan, period, categories, tasks, targets, themes, updates, flags) is written
 * together or not at all.
 */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db';
import type { Database } from '../db/schema';
import type { DraftTask, ReportDraft } from '../import/types';
import { periodEndMonth } from '../../domain/period';

type Trx = Transaction<Database>;

/** The document as received: its bytes (kept verbatim), decoded text and identity. */
export interface DocumentInput {
	bytes: Uint8Array;
	text: string;
	sha256: string;
	fileName: string | null;
	format: string;
}

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
}

/**
 * Writes one document. `organization` is the chain of bodies from the top down
 * (['杭州市', '萧山区', '新街街道']); the last is the plan's owner, the others its parents.
 * `previousTexts` may be supplied by the caller's checks; same_as_previous flags are
 * computed here from the database, since they need the plan's earlier period.
 */
export async function writeReport(
	db: DB,
	draft: ReportDraft,
	doc: DocumentInput,
	organization: string[],
	options: { flagSameAsPrevious?: (previousTextByTask: Map<string, string>) => ReportDraft['flags'] } = {}
): Promise<ImportResult> {
	return db.transaction().execute(async (trx) => {
		const existing = await trx
			.selectFrom('sources')
			.innerJoin('plans', 'plans.id', 'sources.plan_id')
			.select(['sources.id', 'sources.plan_id', 'sources.period_id', 'plans.organization_id'])
			.where('sha256', '=', doc.sha256)
			.executeTakeFirst();
		if (existing) {
			return {
				outcome: 'unchanged',
				sourceId: existing.id,
				organizationId: existing.organization_id,
				planId: existing.plan_id,
				periodId: existing.period_id,
				taskCount: 0,
				replacedCount: 0,
				flagCount: 0
			};
		}

		const organizationId = await ensureOrganizationChain(trx, organization);
		const planId = await ensurePlan(trx, organizationId, draft.period.year, draft.source.title);
		const periodId = await ensurePeriod(trx, draft);

		const sourceId = (
			await trx
				.insertInto('sources')
				.values({
					sha256: doc.sha256,
					file_name: doc.fileName,
					format: doc.format,
					body: doc.bytes,
					text: doc.text,
					title: draft.source.title,
					index_no: draft.source.indexNo,
					publisher: draft.source.publisher,
					written_on: draft.source.writtenOn,
					published_on: draft.source.publishedOn,
					subject: draft.source.subject,
					url: draft.source.url,
					plan_id: planId,
					period_id: periodId,
					warnings: JSON.stringify(draft.warnings)
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;

		const isNewest = await isNewestSource(trx, planId, periodId, sourceId, draft.source.publishedOn);
		const now = new Date().toISOString();
		let replacedCount = 0;
		if (isNewest) {
			const replaced = await trx
				.updateTable('updates')
				.set({ superseded_at: now })
				.where('superseded_at', 'is', null)
				.where('period_id', '=', periodId)
				.where('task_id', 'in', (eb) => eb.selectFrom('tasks').select('id').where('plan_id', '=', planId))
				.executeTakeFirst();
			replacedCount = Number(replaced.numUpdatedRows);
		}

		const taskIds = new Map<DraftTask, number>();
		for (const category of draft.categories) {
			const categoryId = await ensureCategory(trx, planId, category.name);
			for (const task of category.tasks) taskIds.set(task, await upsertTask(trx, planId, categoryId, task));
		}

		const updateIds = new Map<number, number>();
		for (const [task, taskId] of taskIds) {
			const update = await trx
				.insertInto('updates')
				.values({
					task_id: taskId,
					period_id: periodId,
					source_id: sourceId,
					status_text: task.statusText,
					status: task.status,
					status_source: task.statusSource,
					evidence: JSON.stringify(task.evidence),
					percent: task.percent,
					actual_value: null,
					period_target: task.periodTarget,
					notes: task.notes,
					superseded_at: isNewest ? null : now
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			updateIds.set(taskId, update.id);
		}

		const flags = [...draft.flags];
		if (options.flagSameAsPrevious) {
			flags.push(...options.flagSameAsPrevious(await previousTexts(trx, planId, draft, taskIds)));
		}
		const idByName = new Map<string, number>();
		for (const [task, id] of taskIds) if (!idByName.has(task.name)) idByName.set(task.name, id);
		let flagCount = 0;
		for (const flag of flags) {
			const ids = flag.tasks.map((name) => idByName.get(name)).filter((id) => id !== undefined);
			for (const taskId of ids) {
				const updateId = updateIds.get(taskId);
				if (updateId === undefined) continue;
				await trx
					.insertInto('quality_flags')
					.values({
						update_id: updateId,
						kind: flag.kind,
						related_task_id: ids.find((other) => other !== taskId) ?? null,
						detail: flag.detail
					})
					.execute();
				flagCount++;
			}
		}

		return {
			outcome: isNewest ? 'imported' : 'history',
			sourceId,
			organizationId,
			planId,
			periodId,
			taskCount: taskIds.size,
			replacedCount,
			flagCount
		};
	});
}

async function ensureOrganizationChain(trx: Trx, chain: string[]): Promise<number> {
	if (chain.length === 0) throw new Error('the report names no organization');
	let parentId: number | null = null;
	for (const name of chain) {
		const found: { id: number } | undefined = await trx
			.selectFrom('organizations')
			.select('id')
			.where('name', '=', name)
			.where(sql<number>`ifnull(parent_id, 0)`, '=', parentId ?? 0)
			.executeTakeFirst();
		parentId = found
			? found.id
			: (await trx.insertInto('organizations').values({ name, parent_id: parentId }).returning('id').executeTakeFirstOrThrow()).id;
	}
	return parentId as number;
}

async function ensurePlan(trx: Trx, organizationId: number, year: number, title: string | null): Promise<number> {
	const found = await trx
		.selectFrom('plans')
		.select(['id', 'title'])
		.where('organization_id', '=', organizationId)
		.where('year', '=', year)
		.executeTakeFirst();
	if (found) {
		if (!found.title && title) await trx.updateTable('plans').set({ title }).where('id', '=', found.id).execute();
		return found.id;
	}
	return (
		await trx.insertInto('plans').values({ organization_id: organizationId, year, title }).returning('id').executeTakeFirstOrThrow()
	).id;
}

async function ensurePeriod(trx: Trx, draft: ReportDraft): Promise<number> {
	const { year, quarter, months, label } = draft.period;
	const monthEnd = periodEndMonth(draft.period);
	const found = await trx
		.selectFrom('periods')
		.select('id')
		.where('year', '=', year)
		.where('month_end', '=', monthEnd)
		.executeTakeFirst();
	if (found) return found.id;
	return (
		await trx
			.insertInto('periods')
			.values({ year, month_end: monthEnd, month_start: months?.[0] ?? null, quarter, label })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
}

/** A report is the newest for its plan and period unless another one was published later. */
async function isNewestSource(
	trx: Trx,
	planId: number,
	periodId: number,
	sourceId: number,
	publishedOn: string | null
): Promise<boolean> {
	if (!publishedOn) return true;
	const later = await trx
		.selectFrom('sources')
		.select('id')
		.where('plan_id', '=', planId)
		.where('period_id', '=', periodId)
		.where('id', '!=', sourceId)
		.where('published_on', '>', publishedOn)
		.executeTakeFirst();
	return later === undefined;
}

async function ensureCategory(trx: Trx, planId: number, name: string | null): Promise<number> {
	const found = await trx
		.selectFrom('categories')
		.select('id')
		.where('plan_id', '=', planId)
		.where(sql<string>`ifnull(name, '')`, '=', name ?? '')
		.executeTakeFirst();
	if (found) return found.id;
	const { next } = await trx
		.selectFrom('categories')
		.select(sql<number>`ifnull(max(position), 0) + 1`.as('next'))
		.where('plan_id', '=', planId)
		.executeTakeFirstOrThrow();
	return (
		await trx.insertInto('categories').values({ plan_id: planId, name, position: next }).returning('id').executeTakeFirstOrThrow()
	).id;
}

/**
 * Finds the task a report row speaks of — same name in the same category, else the same name
 * anywhere in the plan — and brings its attributes up to this report; otherwise creates it.
 */
async function upsertTask(trx: Trx, planId: number, categoryId: number, task: DraftTask): Promise<number> {
	const candidates = await trx
		.selectFrom('tasks')
		.select(['id', 'category_id'])
		.where('plan_id', '=', planId)
		.where('name', '=', task.name)
		.orderBy('position')
		.execute();
	const match = candidates.find((c) => c.category_id === categoryId) ?? (candidates.length === 1 ? candidates[0] : undefined);
	const attributes = {
		category_id: categoryId,
		seq_no: task.seqNo,
		name: task.name,
		content: task.content,
		owner: task.owner,
		leader: task.leader
	};
	let taskId: number;
	if (match) {
		taskId = match.id;
		await trx.updateTable('tasks').set(attributes).where('id', '=', taskId).execute();
		await trx.deleteFrom('targets').where('task_id', '=', taskId).execute();
		await trx.deleteFrom('task_themes').where('task_id', '=', taskId).where('assigned_by', '=', 'rule').execute();
	} else {
		const { next } = await trx
			.selectFrom('tasks')
			.select(sql<number>`ifnull(max(position), 0) + 1`.as('next'))
			.where('plan_id', '=', planId)
			.executeTakeFirstOrThrow();
		taskId = (
			await trx
				.insertInto('tasks')
				.values({ plan_id: planId, position: next, ...attributes })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	}

	for (const [position, target] of task.targets.entries()) {
		await trx
			.insertInto('targets')
			.values({ task_id: taskId, position: position + 1, ...target })
			.execute();
	}
	for (const theme of task.themes) {
		const themeId = await ensureTheme(trx, theme);
		await trx
			.insertInto('task_themes')
			.values({ task_id: taskId, theme_id: themeId })
			.onConflict((oc) => oc.columns(['task_id', 'theme_id']).doNothing())
			.execute();
	}
	return taskId;
}

async function ensureTheme(trx: Trx, name: string): Promise<number> {
	const found = await trx.selectFrom('themes').select('id').where('name', '=', name).executeTakeFirst();
	if (found) return found.id;
	return (await trx.insertInto('themes').values({ name }).returning('id').executeTakeFirstOrThrow()).id;
}

/** Each written task's current status text in the plan's latest earlier period of the same year. */
async function previousTexts(
	trx: Trx,
	planId: number,
	draft: ReportDraft,
	taskIds: Map<DraftTask, number>
): Promise<Map<string, string>> {
	const previous = await trx
		.selectFrom('periods')
		.innerJoin('sources', 'sources.period_id', 'periods.id')
		.select('periods.id')
		.where('sources.plan_id', '=', planId)
		.where('periods.year', '=', draft.period.year)
		.where('periods.month_end', '<', periodEndMonth(draft.period))
		.orderBy('periods.month_end', 'desc')
		.limit(1)
		.executeTakeFirst();
	const texts = new Map<string, string>();
	if (!previous || taskIds.size === 0) return texts;
	const rows = await trx
		.selectFrom('updates')
		.innerJoin('tasks', 'tasks.id', 'updates.task_id')
		.select(['tasks.name', 'updates.status_text'])
		.where('updates.period_id', '=', previous.id)
		.where('updates.superseded_at', 'is', null)
		.where('updates.task_id', 'in', [...taskIds.values()])
		.execute();
	for (const row of rows) if (row.status_text) texts.set(row.name, row.status_text);
	return texts;
}
