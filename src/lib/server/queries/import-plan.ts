/**
 * The rows one document writes, decided from the draft and what the database holds
 * (import-state.ts) — pure, no SQL. Every row is whole, foreign keys included: new rows get
 * their ids here, the ids AUTOINCREMENT would have given (the write runs in an IMMEDIATE
 * transaction, so nobody else can take them meanwhile). import-rows.ts then writes the plan
 * table by table.
 */
import type { Insertable } from 'kysely';
import type { Database } from '../db/schema';
import type { DraftFlag, DraftTask, ReportDraft, Target } from '../import/types';
import { checkQuality, flagSameAsPrevious } from '../import/quality';
import { periodEndMonth } from '../../domain/period';
import { draftPeriods, Ids, keyOfPeriod, type PlanState, type TaskRow, type WriteState } from './import-state';
import { matchTasks } from './import-tasks';
import { englishThemeName } from '../import/themes';
import type { UpdateFact } from './rollups';

type Row<T extends keyof Database> = Insertable<Database[T]>;

/** The document as received: its bytes (kept verbatim), decoded text and identity. */
export interface DocumentInput {
	bytes: Uint8Array;
	text: string;
	sha256: string;
	fileName: string | null;
	format: string;
}

export interface WriteInput {
	draft: ReportDraft;
	doc: DocumentInput;
	/** The chain of bodies from the top down; the last owns the plan. */
	organization: string[];
	now: string;
	sample: boolean;
	/** Who imports: the account, or the shell user for the CLI. */
	actor?: Actor | null;
	/**
	 * Whether the new reading replaces statuses a person confirmed in the document's periods: false
	 * keeps every one (the new reading is written as history beside it), true replaces every one,
	 * a list replaces those of these task ids only.
	 */
	replaceConfirmed?: boolean | readonly number[];
}

/** Who writes: an account's name and id, or the shell user's name with a null id. */
export interface Actor {
	name: string;
	userId: number | null;
}

/** One period's updates: the current ones they replace, and the rows. Written the same way for every period. */
export interface PeriodUpdates {
	periodId: number;
	/** false: a later report holds this period, so these rows are history from the start. */
	current: boolean;
	supersede: number[];
	/** The write's time, given to the rows it supersedes. */
	supersededAt: string;
	rows: Row<'updates'>[];
	/** Confirmed current updates kept: the document's reading of their tasks is written as history. */
	keptConfirmed: number[];
}

export interface WritePlan {
	/** The chain's ids, top down. */
	organizationIds: number[];
	organizations: Row<'organizations'>[];
	planId: number;
	plan: Row<'plans'> | null;
	/** A title for an existing plan that had none. */
	planTitle: string | null;
	periods: Row<'periods'>[];
	source: Row<'sources'>;
	categories: Row<'categories'>[];
	tasks: Row<'tasks'>[];
	changedTasks: TaskRow[];
	themes: Row<'themes'>[];
	/** Tasks whose targets (or rule themes) are replaced by `rows`. */
	targets: { replace: number[]; rows: Row<'targets'>[] };
	taskThemes: { replace: number[]; rows: Row<'task_themes'>[] };
	/** The document's own period first, then a wide table's earlier ones. */
	updates: PeriodUpdates[];
	flags: Row<'quality_flags'>[];
	/**
	 * The periods whose rollups this write changes: those where its updates become the current
	 * ones (and hold nothing else of the plan), or null (all the plan's) when it changed tasks
	 * that every period counts (category, targets, themes).
	 */
	rollupPeriods: number[] | null;
}

/** Every row one document writes, decided from its draft and what the database holds (pure). */
export function planWrite(input: WriteInput, state: WriteState): WritePlan {
	const ids = new Ids(state.nextIds);
	const { draft } = input;
	const organizations = planOrganizations(input, state, ids);
	const planId = state.plan?.id ?? ids.take('plans');
	const periods = planPeriods(draft, state, ids);
	const sourceId = ids.take('sources');
	const tasks = matchTasks(draft, state.plan, planId, ids);
	const themes = planThemes(draft, state, ids);
	const targets = planTargets(tasks.idOf, tasks.isNew, state.plan, ids);
	const taskThemes = planTaskThemes(tasks.idOf, tasks.isNew, state.plan, themes.idOf);
	const updates = planUpdates(input, state.plan, periods.idOf, tasks.idOf, sourceId, ids);
	const tasksUnchanged = tasks.changed.length + targets.replace.length + taskThemes.replace.length === 0;
	return {
		organizationIds: organizations.ids,
		organizations: organizations.rows,
		planId,
		plan: state.plan
			? null
			: { id: planId, organization_id: organizations.ids.at(-1)!, year: draft.period.year, title: draft.source.title },
		planTitle: state.plan && !state.plan.title && draft.source.title ? draft.source.title : null,
		periods: periods.rows,
		source: sourceRow(input, sourceId, planId, periods.idOf.get(keyOfPeriod(draft.period))!),
		categories: tasks.categories,
		tasks: tasks.created,
		changedTasks: tasks.changed,
		themes: themes.rows,
		targets,
		taskThemes,
		updates,
		flags: planFlags(draft, state.plan, tasks.idOf, updates, ids),
		rollupPeriods: tasksUnchanged ? updates.filter((u) => u.current).map((u) => u.periodId) : null
	};
}

function planOrganizations(input: WriteInput, state: WriteState, ids: Ids) {
	const rows: Row<'organizations'>[] = [];
	const chainIds: number[] = [];
	input.organization.forEach((name, level) => {
		let id = state.organizationIds[level];
		if (id === null || id === undefined) {
			id = ids.take('organizations');
			const parent_id = level === 0 ? null : chainIds[level - 1];
			rows.push({ id, name, parent_id, created_at: input.now, is_sample: input.sample ? 1 : 0 });
		}
		chainIds.push(id);
	});
	return { rows, ids: chainIds };
}

function planPeriods(draft: ReportDraft, state: WriteState, ids: Ids) {
	const rows: Row<'periods'>[] = [];
	const idOf = new Map(state.periods);
	for (const period of draftPeriods(draft)) {
		const key = keyOfPeriod(period);
		if (idOf.has(key)) continue;
		const id = ids.take('periods');
		idOf.set(key, id);
		const { year, quarter, months, label } = period;
		rows.push({ id, year, month_end: periodEndMonth(period), month_start: months?.[0] ?? null, quarter, label });
	}
	return { rows, idOf };
}

function sourceRow(
	{ draft, doc, now, actor }: WriteInput,
	id: number,
	planId: number,
	periodId: number
): Row<'sources'> {
	const { source } = draft;
	return {
		id,
		sha256: doc.sha256,
		file_name: doc.fileName,
		format: doc.format,
		body: doc.bytes,
		text: doc.text,
		title: source.title,
		index_no: source.indexNo,
		publisher: source.publisher,
		written_on: source.writtenOn,
		published_on: source.publishedOn,
		subject: source.subject,
		url: source.url,
		plan_id: planId,
		period_id: periodId,
		warnings: JSON.stringify(draft.warnings),
		imported_at: now,
		// Only with an actor: generated data names none, and the write then needs no column of migration 0020.
		...(actor ? { imported_by: actor.name, imported_by_user_id: actor.userId } : {})
	};
}

/** Themes the draft assigns, by name, creating those not seen before (in the draft's order). */
function planThemes(draft: ReportDraft, state: WriteState, ids: Ids) {
	const idOf = new Map(state.themes);
	const rows: Row<'themes'>[] = [];
	for (const name of draft.categories.flatMap((c) => c.tasks.flatMap((t) => t.themes))) {
		if (idOf.has(name)) continue;
		const id = ids.take('themes');
		idOf.set(name, id);
		// The bundled rules name their themes in English too (the English pages show it).
		rows.push({ id, name, name_en: englishThemeName(name) });
	}
	return { rows, idOf };
}

const targetKey = (t: Pick<Target, 'value' | 'unit' | 'comparator' | 'text'>) =>
	JSON.stringify([t.value, t.unit, t.comparator, t.text]);

/** Targets follow the latest report; a task that lists the same ones as before keeps its rows. */
function planTargets(idOf: Map<DraftTask, number>, isNew: Set<number>, plan: PlanState | null, ids: Ids) {
	const replace: number[] = [];
	const rows: Row<'targets'>[] = [];
	for (const [task, taskId] of idOf) {
		const old = (plan?.targets.get(taskId) ?? []).map(targetKey).join('\n');
		if (!isNew.has(taskId) && old === task.targets.map(targetKey).join('\n')) continue;
		if (!isNew.has(taskId)) replace.push(taskId);
		task.targets.forEach((target, i) =>
			rows.push({ id: ids.take('targets'), task_id: taskId, position: i + 1, ...target })
		);
	}
	return { replace, rows };
}

/** Rule-assigned themes follow the latest report too; themes a person assigned stay. */
function planTaskThemes(
	idOf: Map<DraftTask, number>,
	isNew: Set<number>,
	plan: PlanState | null,
	themeIds: Map<string, number>
) {
	const old = new Map<number, Set<number>>();
	for (const t of plan?.facts.themes ?? []) {
		if (t.assignedBy === 'rule') old.set(t.taskId, (old.get(t.taskId) ?? new Set()).add(t.themeId));
	}
	const replace: number[] = [];
	const rows: Row<'task_themes'>[] = [];
	for (const [task, taskId] of idOf) {
		const now = new Set(task.themes.map((name) => themeIds.get(name)!));
		const before = old.get(taskId) ?? new Set<number>();
		if (!isNew.has(taskId) && before.size === now.size && [...now].every((id) => before.has(id))) continue;
		if (!isNew.has(taskId)) replace.push(taskId);
		for (const theme_id of now) rows.push({ task_id: taskId, theme_id });
	}
	return { replace, rows };
}

/**
 * The document's own period, then a wide table's earlier columns: per period, the newest report
 * for it replaces the plan's current updates there; an older one is written as history.
 */
function planUpdates(
	input: WriteInput,
	plan: PlanState | null,
	periodIds: Map<string, number>,
	idOf: Map<DraftTask, number>,
	sourceId: number,
	ids: Ids
): PeriodUpdates[] {
	const { draft, now } = input;
	const tasks = [...idOf.keys()];
	const entries = draftPeriods(draft).map((period, i) => ({
		period,
		updates:
			i === 0
				? tasks.map((task) => [task, task] as const)
				: tasks.flatMap((task) =>
						(task.history ?? [])
							.filter((e) => keyOfPeriod(e.period) === keyOfPeriod(period))
							.map((e) => [task, e] as const)
					)
	}));
	return entries.map(({ period, updates }) => {
		const periodId = periodIds.get(keyOfPeriod(period))!;
		const current = !plan?.laterPeriods.has(keyOfPeriod(period));
		const held = current ? (plan?.facts.updates ?? []).filter((u) => u.periodId === periodId) : [];
		const kept = held.filter((u) => keepsConfirmed(input.replaceConfirmed, u));
		const keptTasks = new Set(kept.map((u) => u.taskId));
		const rows = updates.map(([task, entry]) => {
			const taskId = idOf.get(task)!;
			return {
				id: ids.take('updates'),
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
				superseded_at: current && !keptTasks.has(taskId) ? null : now
			};
		});
		const supersede = held.filter((u) => !keptTasks.has(u.taskId)).map((u) => u.id);
		return { periodId, current, supersede, supersededAt: now, rows, keptConfirmed: kept.map((u) => u.id) };
	});
}

/** A person's confirmation stays unless the importer chose the new reading for its task (or for all). */
function keepsConfirmed(replace: WriteInput['replaceConfirmed'], update: UpdateFact): boolean {
	if (update.statusSource !== 'confirmed') return false;
	return replace === undefined || replace === false
		? true
		: replace === true
			? false
			: !replace.includes(update.taskId);
}

/** The draft's own flags and same_as_previous, each on the update of every task it names. */
function planFlags(
	draft: ReportDraft,
	plan: PlanState | null,
	idOf: Map<DraftTask, number>,
	updates: PeriodUpdates[],
	ids: Ids
): Row<'quality_flags'>[] {
	const updateOf = new Map(updates[0].rows.map((row) => [row.task_id, row.id!]));
	const byName = new Map<string, DraftTask[]>();
	for (const task of idOf.keys()) byName.set(task.name, [...(byName.get(task.name) ?? []), task]);
	const previous = previousTexts(draft, plan, idOf, updates);
	const flags = [...draft.flags, ...flagSameAsPrevious(draft, previous)];
	return flags.flatMap((flag) => {
		const taskIds = flaggedTasks(flag, byName, previous).map((task) => idOf.get(task)!);
		return taskIds.map((taskId) => ({
			id: ids.take('quality_flags'),
			update_id: updateOf.get(taskId)!,
			kind: flag.kind,
			related_task_id: taskIds.find((other) => other !== taskId) ?? null,
			detail: flag.detail
		}));
	});
}

/**
 * The tasks a flag names. Flags name tasks by name; where two tasks share one, the k-th mention
 * in a duplicate_text flag is the k-th task of that name, and a flag on one task is on the task
 * whose own check gives that very flag.
 */
function flaggedTasks(flag: DraftFlag, byName: Map<string, DraftTask[]>, previous: Map<string, string>): DraftTask[] {
	const mentions = new Map<string, number>();
	return flag.tasks.flatMap((name) => {
		const tasks = byName.get(name) ?? [];
		if (tasks.length <= 1) return tasks;
		if (flag.kind === 'duplicate_text') {
			const k = mentions.get(name) ?? 0;
			mentions.set(name, k + 1);
			return [tasks[Math.min(k, tasks.length - 1)]];
		}
		const own = (task: DraftTask) => {
			const alone = { categories: [{ name: null, tasks: [task] }] };
			return [...checkQuality(alone), ...flagSameAsPrevious(alone, previous)];
		};
		return [tasks.find((task) => own(task).some((f) => f.kind === flag.kind && f.detail === flag.detail)) ?? tasks[0]];
	});
}

/**
 * Each task's status text in the plan's previous period, by task name: what will be current
 * there once this document is written, then a wide table's own column for the period before
 * the latest, the closest previous text there is.
 */
function previousTexts(
	draft: ReportDraft,
	plan: PlanState | null,
	idOf: Map<DraftTask, number>,
	updates: PeriodUpdates[]
): Map<string, string> {
	const texts = new Map<string, string>();
	const previousId = plan?.previousPeriodId ?? null;
	if (previousId !== null) {
		const written = updates.find((u) => u.periodId === previousId && u.current);
		const current = written
			? written.rows.map((r) => ({ taskId: r.task_id, text: r.status_text ?? null }))
			: plan!.facts.updates
					.filter((u) => u.periodId === previousId)
					.map((u) => ({ taskId: u.taskId, text: u.statusText }));
		const textOf = new Map(current.map((u) => [u.taskId, u.text]));
		for (const [task, id] of idOf) {
			const text = textOf.get(id);
			if (text) texts.set(task.name, text);
		}
	}
	for (const task of draft.categories.flatMap((c) => c.tasks)) {
		const text = task.history?.at(-1)?.statusText;
		if (text) texts.set(task.name, text);
	}
	return texts;
}
