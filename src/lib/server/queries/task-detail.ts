/**
 * One task as its page shows it: the task with its themes and targets, every update of its history with
 * flags, and the documents the updates came from.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../db/schema';
import type { DB } from '../db';
import type { TaskDetail, TaskSource, TaskUpdate } from '../../types/tasks';

/** One task by id, with its themes and targets; undefined when there is no such task. */
export async function getTask(db: DB, taskId: number): Promise<TaskDetail | undefined> {
	const task = await db
		.selectFrom('tasks')
		.innerJoin('categories', 'categories.id', 'tasks.category_id')
		.innerJoin('plans', 'plans.id', 'tasks.plan_id')
		.innerJoin('organizations', 'organizations.id', 'plans.organization_id')
		.leftJoin('organizations as parent', 'parent.id', 'organizations.parent_id')
		.select([
			'tasks.id',
			'tasks.plan_id as planId',
			'plans.year',
			'organizations.name as organization',
			'organizations.is_sample as organizationIsSample',
			'parent.name as parentOrganization',
			'categories.name as category',
			'tasks.seq_no as seqNo',
			'tasks.position',
			'tasks.name',
			'tasks.content',
			'tasks.owner',
			'tasks.leader'
		])
		.where('tasks.id', '=', taskId)
		.executeTakeFirst();
	if (!task) return undefined;
	const themes = await db
		.selectFrom('task_themes')
		.innerJoin('themes', 'themes.id', 'task_themes.theme_id')
		.select(['themes.name', 'themes.name_en as nameEn'])
		.where('task_themes.task_id', '=', taskId)
		.orderBy('themes.name')
		.execute();
	const targets = await db
		.selectFrom('targets')
		.select(['value', 'unit', 'comparator', 'text'])
		.where('task_id', '=', taskId)
		.orderBy('position')
		.execute();
	return { ...task, organizationIsSample: task.organizationIsSample === 1, themes, targets };
}

/**
 * Every update of a task, oldest period first; within a period the current one first, then
 * superseded ones newest first. Grain: one row per update.
 */
export async function getTaskHistory(db: DB, taskId: number): Promise<TaskUpdate[]> {
	const rows = await db
		.selectFrom('updates')
		.innerJoin('periods', 'periods.id', 'updates.period_id')
		.leftJoin('sources', 'sources.id', 'updates.source_id')
		.select([
			'updates.id',
			'updates.period_id as periodId',
			'periods.year',
			'periods.quarter',
			'periods.month_start as monthStart',
			'periods.month_end as monthEnd',
			'periods.label as periodLabel',
			'updates.status_text as statusText',
			'updates.status',
			'updates.status_source as statusSource',
			'updates.evidence',
			'updates.percent',
			'updates.actual_value as actualValue',
			'updates.period_target as periodTarget',
			'updates.notes',
			'updates.created_at as createdAt',
			'updates.superseded_at as supersededAt',
			'updates.confirmed_by as confirmedBy',
			'updates.reason',
			'updates.source_id as sourceId',
			'sources.title as sourceTitle',
			'sources.published_on as sourcePublishedOn'
		])
		.where('updates.task_id', '=', taskId)
		.orderBy('periods.year')
		.orderBy('periods.month_end')
		.orderBy(sql`updates.superseded_at is not null`)
		.orderBy('updates.created_at', 'desc')
		.orderBy('updates.id', 'desc')
		.execute();
	if (rows.length === 0) return [];
	const flags = await db
		.selectFrom('quality_flags')
		.leftJoin('tasks as related', 'related.id', 'quality_flags.related_task_id')
		.select([
			'quality_flags.update_id as updateId',
			'quality_flags.kind',
			'quality_flags.detail',
			'quality_flags.related_task_id as relatedTaskId',
			'related.name as relatedTaskName'
		])
		.where(
			'quality_flags.update_id',
			'in',
			rows.map((r) => r.id)
		)
		.orderBy('quality_flags.id')
		.execute();
	return rows.map(({ evidence, ...row }) => ({
		...row,
		evidence: parseEvidence(evidence),
		flags: flags.filter((f) => f.updateId === row.id).map(({ updateId: _updateId, ...flag }) => flag)
	}));
}

function parseEvidence(json: string): string[] {
	try {
		const value: unknown = JSON.parse(json);
		return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
	} catch {
		return [];
	}
}

/**
 * Sources one of the task's updates came from: a task's page reaches no other document. From the
 * task's few updates to their sources by key: an EXISTS per source scanned every source of the
 * database (≈ 90 ms for one task page of a city).
 */
const behindTask = (taskId: number) => (eb: ExpressionBuilder<Database, 'sources'>) =>
	eb('sources.id', 'in', eb.selectFrom('updates').select('updates.source_id').where('updates.task_id', '=', taskId));

/** The documents behind a task's updates, newest period first. Grain: one row per source. */
export async function listTaskSources(db: DB, taskId: number): Promise<TaskSource[]> {
	// The excerpt is cut in SQL so a long document never travels whole to build one task's page.
	const at = sql<number>`max(1, instr(sources.text, tasks.name) - 150)`;
	return db
		.selectFrom('sources')
		.innerJoin('periods', 'periods.id', 'sources.period_id')
		.innerJoin('tasks', (join) => join.on('tasks.id', '=', taskId))
		.where(behindTask(taskId))
		.select([
			'sources.id',
			'sources.file_name as fileName',
			'sources.title',
			'sources.index_no as indexNo',
			'sources.publisher',
			'sources.written_on as writtenOn',
			'sources.published_on as publishedOn',
			'sources.subject',
			'sources.url',
			'sources.imported_at as importedAt',
			'periods.label as periodLabel',
			sql<number>`length(sources.text)`.as('textLength'),
			sql<string>`substr(sources.text, ${at}, 1000)`.as('excerpt'),
			sql<number>`${at} - 1`.as('excerptStart')
		])
		.orderBy('periods.year', 'desc')
		.orderBy('periods.month_end', 'desc')
		.orderBy('sources.id', 'desc')
		.execute();
}

/** The full decoded text of a source, only when one of the task's updates came from it. */
export async function getTaskSourceText(
	db: DB,
	taskId: number,
	sourceId: number
): Promise<{ fileName: string | null; text: string } | undefined> {
	return db
		.selectFrom('sources')
		.select(['sources.file_name as fileName', 'sources.text'])
		.where('sources.id', '=', sourceId)
		.where(behindTask(taskId))
		.executeTakeFirst();
}
