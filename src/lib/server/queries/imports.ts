/**
 * The write step of an import: one document, one transaction. Everything the reader produced
 * (organization, plan, period, categories, tasks, targets, themes, updates, flags) is written
 * together or not at all.
 */
import { sql, type Insertable, type Transaction } from 'kysely';
import type { DB } from '../db';
import { applyPlanChange, planContribution } from './rollups';
import { writePeriodSummary } from './summaries';
import type { Database } from '../db/schema';
import type { DraftHistoryEntry, DraftTask, ReportDraft, Target } from '../import/types';
import { periodEndMonth, type Period } from '../../domain/period';

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
	/** Updates written for a wide table's earlier periods (its 1-10月 column beside 1-11月). */
	historyCount: number;
}

export interface WriteOptions {
	flagSameAsPrevious?: (previousTextByTask: Map<string, string>) => ReportDraft['flags'];
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
	options: WriteOptions = {}
): Promise<ImportResult> {
	const now = options.now ?? new Date().toISOString();
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
				flagCount: 0,
				historyCount: 0
			};
		}

		const organizationId = await ensureOrganizationChain(trx, organization, now, options.sample ?? false);
		const planId = await ensurePlan(trx, organizationId, draft.period.year, draft.source.title);
		const rollupBefore = await planContribution(trx, planId);
		const periodId = await ensurePeriod(trx, draft.period);

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
					warnings: JSON.stringify(draft.warnings),
					imported_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;

		await writePeriodSummary(trx, sourceId, draft.summary);

		const isNewest = await isNewestSource(trx, planId, periodId, sourceId, draft.source.publishedOn);
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

		const taskIds = await writeTasks(trx, planId, draft);

		const updateIds = new Map<number, number>();
		const updateRows = [...taskIds].map(([task, taskId]) => ({
			task_id: taskId,
			period_id: periodId,
			source_id: sourceId,
			status_text: task.statusText,
			status: task.status,
			status_source: task.statusSource,
			evidence: JSON.stringify(task.evidence),
			percent: task.percent,
			actual_value: task.actual ?? null,
			period_target: task.periodTarget,
			notes: task.notes,
			created_at: now,
			superseded_at: isNewest ? null : now
		}));
		for (const rows of chunks(updateRows)) {
			for (const row of await trx.insertInto('updates').values(rows).returning(['id', 'task_id']).execute())
				updateIds.set(row.task_id, row.id);
		}

		const historyCount = await writeHistory(trx, planId, sourceId, taskIds, draft.source.publishedOn, now);

		const flags = [...draft.flags];
		if (options.flagSameAsPrevious) {
			flags.push(...options.flagSameAsPrevious(await previousTexts(trx, planId, draft, taskIds)));
		}
		const idByName = new Map<string, number>();
		for (const [task, id] of taskIds) if (!idByName.has(task.name)) idByName.set(task.name, id);
		const flagRows: Insertable<Database['quality_flags']>[] = [];
		for (const flag of flags) {
			const ids = flag.tasks.map((name) => idByName.get(name)).filter((id) => id !== undefined);
			for (const taskId of ids) {
				const updateId = updateIds.get(taskId);
				if (updateId === undefined) continue;
				flagRows.push({
					update_id: updateId,
					kind: flag.kind,
					related_task_id: ids.find((other) => other !== taskId) ?? null,
					detail: flag.detail
				});
			}
		}
		for (const rows of chunks(flagRows)) await trx.insertInto('quality_flags').values(rows).execute();
		const flagCount = flagRows.length;
		await applyPlanChange(trx, planId, rollupBefore);

		return {
			outcome: isNewest ? 'imported' : 'history',
			sourceId,
			organizationId,
			planId,
			periodId,
			taskCount: taskIds.size,
			replacedCount,
			flagCount,
			historyCount
		};
	});
}

async function ensureOrganizationChain(trx: Trx, chain: string[], now: string, sample: boolean): Promise<number> {
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
			: (
					await trx
						.insertInto('organizations')
						.values({ name, parent_id: parentId, created_at: now, is_sample: sample ? 1 : 0 })
						.returning('id')
						.executeTakeFirstOrThrow()
				).id;
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
		await trx
			.insertInto('plans')
			.values({ organization_id: organizationId, year, title })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
}

async function ensurePeriod(trx: Trx, period: Period): Promise<number> {
	const { year, quarter, months, label } = period;
	const monthEnd = periodEndMonth(period);
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

/**
 * A report is the newest for its plan and period unless another one was published later — one
 * whose own period it is, or a wide table that holds it as an earlier column.
 */
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
		.where((eb) =>
			eb.or([
				eb('period_id', '=', periodId),
				eb.exists(
					eb
						.selectFrom('updates')
						.select('updates.id')
						.whereRef('updates.source_id', '=', 'sources.id')
						.where('updates.period_id', '=', periodId)
				)
			])
		)
		.where('id', '!=', sourceId)
		.where('published_on', '>', publishedOn)
		.executeTakeFirst();
	return later === undefined;
}

/**
 * Writes a wide table's earlier periods: per period, the same rules as the report's own period
 * (the newest report for it replaces that period's current updates; an older one is history).
 * Returns how many updates it wrote.
 */
async function writeHistory(
	trx: Trx,
	planId: number,
	sourceId: number,
	taskIds: Map<DraftTask, number>,
	publishedOn: string | null,
	now: string
): Promise<number> {
	const byPeriod = new Map<string, { period: Period; entries: [number, DraftHistoryEntry][] }>();
	for (const [task, taskId] of taskIds) {
		for (const entry of task.history ?? []) {
			const key = `${entry.period.year}-${periodEndMonth(entry.period)}`;
			const group = byPeriod.get(key) ?? { period: entry.period, entries: [] };
			group.entries.push([taskId, entry]);
			byPeriod.set(key, group);
		}
	}
	let written = 0;
	for (const { period, entries } of byPeriod.values()) {
		const periodId = await ensurePeriod(trx, period);
		const isNewest = await isNewestSource(trx, planId, periodId, sourceId, publishedOn);
		if (isNewest) {
			await trx
				.updateTable('updates')
				.set({ superseded_at: now })
				.where('superseded_at', 'is', null)
				.where('period_id', '=', periodId)
				.where('task_id', 'in', (eb) => eb.selectFrom('tasks').select('id').where('plan_id', '=', planId))
				.execute();
		}
		const rows = entries.map(([taskId, entry]) => ({
			task_id: taskId,
			period_id: periodId,
			source_id: sourceId,
			status_text: entry.statusText,
			status: entry.status,
			status_source: entry.statusSource,
			evidence: JSON.stringify(entry.evidence),
			percent: entry.percent,
			actual_value: entry.actual ?? null,
			period_target: entry.periodTarget ?? null,
			notes: entry.notes,
			created_at: now,
			superseded_at: isNewest ? null : now
		}));
		for (const chunk of chunks(rows)) await trx.insertInto('updates').values(chunk).execute();
		written += rows.length;
	}
	return written;
}

/** Rows per multi-row INSERT: well under SQLite's limit of 32 766 bound values at 13 columns. */
const CHUNK = 500;

function chunks<T>(rows: T[], size = CHUNK): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
	return out;
}

type TaskAttributes = Pick<Database['tasks'], 'category_id' | 'seq_no' | 'name' | 'content' | 'owner' | 'leader'>;
interface TaskRow extends TaskAttributes {
	/** undefined until a new task is inserted. */
	id: number | undefined;
	position: number;
	changed: boolean;
}

/**
 * Writes the draft's categories and tasks with their targets and themes; returns each draft
 * task's id. A task is the one a report row speaks of — same name in the same category, else
 * the same name anywhere in the plan when only one has it — brought up to this report;
 * otherwise a new one. The plan's tasks are read once and written in batches, and rows that
 * already say what the report says are left alone, so a plan's second quarter costs about a
 * dozen statements rather than several per task.
 */
async function writeTasks(trx: Trx, planId: number, draft: ReportDraft): Promise<Map<DraftTask, number>> {
	const categories = await trx
		.selectFrom('categories')
		.select(['id', 'name', 'position'])
		.where('plan_id', '=', planId)
		.execute();
	const tasks: TaskRow[] = (
		await trx
			.selectFrom('tasks')
			.select(['id', 'category_id', 'position', 'seq_no', 'name', 'content', 'owner', 'leader'])
			.where('plan_id', '=', planId)
			.orderBy('position')
			.execute()
	).map((t) => ({ ...t, changed: false }));
	const byName = new Map<string, TaskRow[]>();
	for (const task of tasks) byName.set(task.name, [...(byName.get(task.name) ?? []), task]);
	let lastPosition = tasks.reduce((max, t) => Math.max(max, t.position), 0);
	let lastCategory = categories.reduce((max, c) => Math.max(max, c.position), 0);

	const rowOf = new Map<DraftTask, TaskRow>();
	for (const category of draft.categories) {
		let categoryId = categories.find((c) => (c.name ?? '') === (category.name ?? ''))?.id;
		if (categoryId === undefined) {
			const row = { plan_id: planId, name: category.name, position: ++lastCategory };
			categoryId = (await trx.insertInto('categories').values(row).returning('id').executeTakeFirstOrThrow()).id;
			categories.push({ id: categoryId, name: row.name, position: row.position });
		}
		for (const task of category.tasks) {
			const attributes: TaskAttributes = {
				category_id: categoryId,
				seq_no: task.seqNo,
				name: task.name,
				content: task.content,
				owner: task.owner,
				leader: task.leader
			};
			const candidates = byName.get(task.name) ?? [];
			const match =
				candidates.find((c) => c.category_id === categoryId) ?? (candidates.length === 1 ? candidates[0] : undefined);
			if (match) {
				if ((Object.keys(attributes) as (keyof TaskAttributes)[]).some((key) => match[key] !== attributes[key])) {
					Object.assign(match, attributes, { changed: true });
				}
				rowOf.set(task, match);
			} else {
				const row: TaskRow = { ...attributes, id: undefined, position: ++lastPosition, changed: false };
				byName.set(task.name, [...candidates, row]);
				rowOf.set(task, row);
			}
		}
	}

	const matched = [...new Set([...rowOf.values()].filter((row) => row.id !== undefined))];
	for (const row of matched.filter((r) => r.changed)) {
		const { category_id, seq_no, name, content, owner, leader } = row;
		await trx
			.updateTable('tasks')
			.set({ category_id, seq_no, name, content, owner, leader })
			.where('id', '=', row.id!)
			.execute();
	}
	const created = [...new Set([...rowOf.values()].filter((row) => row.id === undefined))];
	for (const rows of chunks(created)) {
		const inserted = await trx
			.insertInto('tasks')
			.values(
				rows.map(({ category_id, seq_no, name, content, owner, leader, position }) => ({
					plan_id: planId,
					position,
					category_id,
					seq_no,
					name,
					content,
					owner,
					leader
				}))
			)
			.returning(['id', 'position'])
			.execute();
		const idByPosition = new Map(inserted.map((r) => [r.position, r.id]));
		for (const row of rows) row.id = idByPosition.get(row.position);
	}

	// Targets and rule-assigned themes follow the latest report; where a task lists the same ones as before, nothing is written.
	const targetsOf = new Map<number, Target[]>();
	const themesOf = new Map<number, string[]>();
	for (const [task, row] of rowOf) {
		targetsOf.set(row.id!, task.targets);
		themesOf.set(row.id!, task.themes);
	}
	const themeIds = await ensureThemes(trx, [...new Set([...themesOf.values()].flat())]);
	const matchedIds = matched.map((row) => row.id!);
	const oldTargets = new Map<number, string[]>();
	const oldThemes = new Map<number, Set<number>>();
	for (const ids of chunks(matchedIds)) {
		const targetRows = await trx
			.selectFrom('targets')
			.select(['task_id', 'value', 'unit', 'comparator', 'text'])
			.where('task_id', 'in', ids)
			.orderBy('task_id')
			.orderBy('position')
			.execute();
		for (const t of targetRows) oldTargets.set(t.task_id, [...(oldTargets.get(t.task_id) ?? []), targetKey(t)]);
		const themeRows = await trx
			.selectFrom('task_themes')
			.select(['task_id', 'theme_id'])
			.where('task_id', 'in', ids)
			.where('assigned_by', '=', 'rule')
			.execute();
		for (const t of themeRows) oldThemes.set(t.task_id, (oldThemes.get(t.task_id) ?? new Set()).add(t.theme_id));
	}
	const isNew = new Set(created.map((row) => row.id!));
	const retarget = [...targetsOf].filter(
		([id, targets]) => isNew.has(id) || (oldTargets.get(id) ?? []).join('\n') !== targets.map(targetKey).join('\n')
	);
	const retheme = [...themesOf].filter(([id, names]) => {
		if (isNew.has(id)) return true;
		const old = oldThemes.get(id) ?? new Set<number>();
		const now = new Set(names.map((name) => themeIds.get(name)!));
		return old.size !== now.size || [...now].some((themeId) => !old.has(themeId));
	});
	for (const ids of chunks(retarget.filter(([id]) => !isNew.has(id)).map(([id]) => id))) {
		await trx.deleteFrom('targets').where('task_id', 'in', ids).execute();
	}
	for (const ids of chunks(retheme.filter(([id]) => !isNew.has(id)).map(([id]) => id))) {
		await trx.deleteFrom('task_themes').where('task_id', 'in', ids).where('assigned_by', '=', 'rule').execute();
	}
	const targetRows = retarget.flatMap(([taskId, targets]) =>
		targets.map((target, i) => ({ task_id: taskId, position: i + 1, ...target }))
	);
	for (const rows of chunks(targetRows)) await trx.insertInto('targets').values(rows).execute();
	const themeRows = retheme.flatMap(([taskId, names]) =>
		[...new Set(names)].map((name) => ({ task_id: taskId, theme_id: themeIds.get(name)! }))
	);
	for (const rows of chunks(themeRows)) {
		await trx
			.insertInto('task_themes')
			.values(rows)
			.onConflict((oc) => oc.columns(['task_id', 'theme_id']).doNothing())
			.execute();
	}

	return new Map([...rowOf].map(([task, row]) => [task, row.id!]));
}

function targetKey(t: Pick<Target, 'value' | 'unit' | 'comparator' | 'text'>): string {
	return JSON.stringify([t.value, t.unit, t.comparator, t.text]);
}

/** Theme ids by name, creating the themes not seen before. */
async function ensureThemes(trx: Trx, names: string[]): Promise<Map<string, number>> {
	const ids = new Map<string, number>();
	if (names.length === 0) return ids;
	for (const row of await trx.selectFrom('themes').select(['id', 'name']).where('name', 'in', names).execute())
		ids.set(row.name, row.id);
	for (const name of names) {
		if (!ids.has(name))
			ids.set(name, (await trx.insertInto('themes').values({ name }).returning('id').executeTakeFirstOrThrow()).id);
	}
	return ids;
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
