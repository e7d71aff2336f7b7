/**
 * What the write of one document needs to know of the database, read in one go at the start of
 * its transaction: the rows the document may reuse (organizations, plan, periods, categories,
 * tasks, themes), what it may replace (the plan's current updates, targets, rule themes), and
 * the next free id of each table. Every read is bounded by the document's plan, never by the
 * size of the database. The pure plan (import-plan.ts) decides from this alone.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { ReportDraft } from '../import/types';
import { periodEndMonth, type Period } from '../../domain/period';
import { readPlanFacts, type PlanFacts } from './rollups';

type Trx = Kysely<Database>;

export type TaskRow = Pick<
	Database['tasks'],
	'category_id' | 'position' | 'seq_no' | 'name' | 'content' | 'owner' | 'leader'
> & { id: number };
export type TargetRow = Pick<Database['targets'], 'value' | 'unit' | 'comparator' | 'text'>;

/** A plan already in the database, with what a new report of it may reuse or replace. */
export interface PlanState {
	id: number;
	title: string | null;
	categories: { id: number; name: string | null; position: number }[];
	/** In position order. */
	tasks: TaskRow[];
	/** Each task's targets in position order. */
	targets: Map<number, TargetRow[]>;
	/** Its current updates and its tasks' themes (also what the rollups count). */
	facts: PlanFacts;
	/** Periods (by key) for which a source published after this document already holds the plan. */
	laterPeriods: Set<string>;
	/** The plan's latest earlier period of the same year with a report, for same_as_previous. */
	previousPeriodId: number | null;
}

export interface WriteState {
	/** Ids of the organization chain, top down; null from the first level not in the database. */
	organizationIds: (number | null)[];
	plan: PlanState | null;
	/** Period ids by periodKey, for the periods the document speaks of that exist. */
	periods: Map<string, number>;
	/** Theme ids by name, for the themes the document assigns that exist. */
	themes: Map<string, number>;
	/** What AUTOINCREMENT would give next, per table. */
	nextIds: Map<string, number>;
}

export const periodKey = (period: Pick<Period, 'year'> & { monthEnd: number }) => `${period.year}-${period.monthEnd}`;
export const keyOfPeriod = (period: Period) => periodKey({ year: period.year, monthEnd: periodEndMonth(period) });

/** The periods a draft writes updates for: its own, then a wide table's earlier columns. */
export function draftPeriods(draft: ReportDraft): Period[] {
	const periods = new Map<string, Period>([[keyOfPeriod(draft.period), draft.period]]);
	for (const task of draft.categories.flatMap((c) => c.tasks)) {
		for (const entry of task.history ?? [])
			if (!periods.has(keyOfPeriod(entry.period))) periods.set(keyOfPeriod(entry.period), entry.period);
	}
	return [...periods.values()];
}

/** The import already made of this very document (same sha256), if any. */
export async function findSameDocument(trx: Trx, sha256: string) {
	return trx
		.selectFrom('sources')
		.innerJoin('plans', 'plans.id', 'sources.plan_id')
		.select(['sources.id', 'sources.plan_id', 'sources.period_id', 'plans.organization_id'])
		.where('sha256', '=', sha256)
		.executeTakeFirst();
}

export async function readWriteState(trx: Trx, draft: ReportDraft, chain: string[]): Promise<WriteState> {
	const organizationIds = await readOrganizationChain(trx, chain);
	const leaf = organizationIds.at(-1) ?? null;
	const plan = leaf === null ? undefined : await findPlan(trx, leaf, draft.period.year);
	const periods = await readPeriods(trx, draftPeriods(draft));
	const themeNames = [...new Set(draft.categories.flatMap((c) => c.tasks.flatMap((t) => t.themes)))];
	const themes =
		themeNames.length === 0
			? []
			: await trx.selectFrom('themes').select(['id', 'name']).where('name', 'in', themeNames).execute();
	return {
		organizationIds,
		plan: plan ? await readPlanState(trx, plan, draft, periods) : null,
		periods,
		themes: new Map(themes.map((t) => [t.name, t.id])),
		nextIds: await readNextIds(trx)
	};
}

export async function readOrganizationChain(trx: Trx, chain: string[]): Promise<(number | null)[]> {
	const ids: (number | null)[] = [];
	let parentId: number | null = null;
	for (const name of chain) {
		const found: { id: number } | undefined =
			ids.length > 0 && parentId === null
				? undefined
				: await trx
						.selectFrom('organizations')
						.select('id')
						.where(sql<number>`ifnull(parent_id, 0)`, '=', parentId ?? 0)
						.where('name', '=', name)
						.executeTakeFirst();
		parentId = found?.id ?? null;
		ids.push(parentId);
	}
	return ids;
}

async function findPlan(trx: Trx, organizationId: number, year: number) {
	return trx
		.selectFrom('plans')
		.select(['id', 'title'])
		.where('organization_id', '=', organizationId)
		.where('year', '=', year)
		.executeTakeFirst();
}

async function readPeriods(trx: Trx, periods: Period[]): Promise<Map<string, number>> {
	const rows = await trx
		.selectFrom('periods')
		.select(['id', 'year', 'month_end'])
		.where('year', 'in', [...new Set(periods.map((p) => p.year))])
		.execute();
	return new Map(rows.map((r) => [periodKey({ year: r.year, monthEnd: r.month_end }), r.id]));
}

async function readPlanState(
	trx: Trx,
	plan: { id: number; title: string | null },
	draft: ReportDraft,
	periods: Map<string, number>
): Promise<PlanState> {
	const categories = await trx
		.selectFrom('categories')
		.select(['id', 'name', 'position'])
		.where('plan_id', '=', plan.id)
		.execute();
	const tasks = await trx
		.selectFrom('tasks')
		.select(['id', 'category_id', 'position', 'seq_no', 'name', 'content', 'owner', 'leader'])
		.where('plan_id', '=', plan.id)
		.orderBy('position')
		.execute();
	const targets = new Map<number, TargetRow[]>();
	for (const { task_id, ...target } of await trx
		.selectFrom('targets')
		.innerJoin('tasks', 'tasks.id', 'targets.task_id')
		.select(['targets.task_id', 'targets.value', 'targets.unit', 'targets.comparator', 'targets.text'])
		.where('tasks.plan_id', '=', plan.id)
		.orderBy('targets.task_id')
		.orderBy('targets.position')
		.execute()) {
		targets.set(task_id, [...(targets.get(task_id) ?? []), target]);
	}
	return {
		...plan,
		categories,
		tasks,
		targets,
		facts: await readPlanFacts(trx, plan.id),
		laterPeriods: await readLaterPeriods(trx, plan.id, draft, periods),
		previousPeriodId: await readPreviousPeriod(trx, plan.id, draft.period)
	};
}

/**
 * The periods of this document that a source published after it already holds — as its own
 * period, or as a wide table's earlier column. This document's updates for them are history.
 */
async function readLaterPeriods(
	trx: Trx,
	planId: number,
	draft: ReportDraft,
	periods: Map<string, number>
): Promise<Set<string>> {
	const later = new Set<string>();
	const publishedOn = draft.source.publishedOn;
	if (!publishedOn) return later;
	for (const period of draftPeriods(draft)) {
		const periodId = periods.get(keyOfPeriod(period));
		if (periodId === undefined) continue;
		const found = await trx
			.selectFrom('sources')
			.select('id')
			.where('plan_id', '=', planId)
			.where('published_on', '>', publishedOn)
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
			.executeTakeFirst();
		if (found) later.add(keyOfPeriod(period));
	}
	return later;
}

async function readPreviousPeriod(trx: Trx, planId: number, period: Period): Promise<number | null> {
	const previous = await trx
		.selectFrom('periods')
		.innerJoin('sources', 'sources.period_id', 'periods.id')
		.select('periods.id')
		.where('sources.plan_id', '=', planId)
		.where('periods.year', '=', period.year)
		.where('periods.month_end', '<', periodEndMonth(period))
		.orderBy('periods.month_end', 'desc')
		.limit(1)
		.executeTakeFirst();
	return previous?.id ?? null;
}

/** Hands out the ids AUTOINCREMENT would give, table by table, from `nextIds`. */
export class Ids {
	private readonly next: Map<string, number>;
	constructor(nextIds: Map<string, number>) {
		this.next = new Map(nextIds);
	}
	take(table: keyof Database): number {
		const id = this.next.get(table) ?? 1;
		this.next.set(table, id + 1);
		return id;
	}
}

/** AUTOINCREMENT's next id is the table's sqlite_sequence entry + 1 (1 for a table never written). */
async function readNextIds(trx: Trx): Promise<Map<string, number>> {
	const { rows } = await sql<{ name: string; seq: number }>`select name, seq from sqlite_sequence`.execute(trx);
	return new Map(rows.map((r) => [r.name, Number(r.seq) + 1]));
}
