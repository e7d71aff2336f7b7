/**
 * The slides' attention lists, each read in one query: the most severe tasks of every category that
 * gets a slide, and the most severe tasks carrying any kind of data-quality flag. Both return exactly
 * what `listAttentionTasks` (queries/overview.ts) returns called once per category or once per kind of
 * flag and merged — attention-lists.spec.ts compares them on generated data — without its 19 queries
 * (and their totals, which the slides do not show) per deck.
 */
import { sql } from 'kysely';
import type { DB } from '../db';
import { categoryKey } from '../../domain/category-key';
import { ATTENTION_STATUSES } from '../../domain/measures';
import type { FlagKind } from '../../domain/flags';
import type { TrafficLightRule } from '../../domain/schedule';
import type { Scope, TaskFilters } from '../../types/scope';
import type { AttentionTask } from '../../types/overview';
import {
	attentionFacts,
	attentionOrder,
	attentionRows,
	narrowStatuses,
	rankFacts,
	RANKED_COLUMNS,
	rankedUpdates
} from './overview';

/**
 * The behind and not-started tasks among those the filters select in each of `categories` (names or
 * keys; the filters' own category is replaced), the most severe `limit` of each, by category as given.
 * Statuses outside behind and not started are left out of the filters' (the flagged-only tier is not
 * listed). A window numbers each category's rows in attention order, so the period's behind and
 * not-started updates in scope are sorted once, whatever the number of categories.
 */
export async function listSevereTasksByCategory(
	db: DB,
	scope: Scope,
	periodId: number,
	filters: TaskFilters,
	categories: string[],
	limit: number,
	rule: TrafficLightRule
): Promise<Map<string, AttentionTask[]>> {
	const lists = new Map(categories.map((category) => [category, [] as AttentionTask[]]));
	const severe = narrowStatuses({ ...filters, category: null }, (s) => ATTENTION_STATUSES.includes(s));
	const keys = [...new Set(categories.map(categoryKey))];
	if (!severe || keys.length === 0 || limit <= 0) return lists;
	const facts = attentionFacts(db, scope, periodId, severe, { categories: true, plans: false })
		.where('categories.name_key', 'in', keys)
		.select('categories.name_key as categoryKey');
	const numbered = db
		.selectFrom(facts.as('ranked'))
		.select([
			...RANKED_COLUMNS,
			'ranked.taskId',
			'ranked.categoryKey',
			sql<number>`row_number() over (partition by ranked.categoryKey order by ${attentionOrder(rule)})`.as('rank')
		]);
	const top = await db
		.selectFrom(numbered.as('numbered'))
		.selectAll()
		.where('numbered.rank', '<=', limit)
		.orderBy('numbered.categoryKey')
		.orderBy('numbered.rank')
		.execute();
	// One read of names and flags for every category's rows; kept in rank order within each category.
	const keyOf = new Map(top.map((r) => [r.taskId, r.categoryKey]));
	const byKey = new Map<string, AttentionTask[]>();
	for (const row of await attentionRows(db, rankedUpdates(top, rule))) {
		const key = keyOf.get(row.taskId)!;
		const list = byKey.get(key);
		if (list) list.push(row);
		else byKey.set(key, [row]);
	}
	for (const category of categories) lists.set(category, byKey.get(categoryKey(category)) ?? []);
	return lists;
}

/**
 * The most severe `limit` tasks the filters select that carry a flag of one of `kinds`, whatever their
 * status: the merge of one attention list per kind, in one ranking. A task in the first `limit` of all is
 * in the first `limit` of each of its kinds, so one ranking of the union gives the same rows. As in the
 * attention list, the behind and not-started ones are ranked first, through the (period, status) index,
 * and the others only when those leave room: every severe tier comes before the flagged-only one.
 */
export async function listFlaggedAttentionTasks(
	db: DB,
	scope: Scope,
	periodId: number,
	filters: TaskFilters,
	kinds: readonly FlagKind[],
	limit: number,
	rule: TrafficLightRule
): Promise<AttentionTask[]> {
	if (kinds.length === 0 || limit <= 0) return [];
	const severe = narrowStatuses(filters, (s) => ATTENTION_STATUSES.includes(s));
	const top = severe ? await rankFlagged(db, scope, periodId, severe, kinds, limit, rule) : [];
	const others = narrowStatuses(filters, (s) => !ATTENTION_STATUSES.includes(s));
	if (top.length < limit && others)
		top.push(...(await rankFlagged(db, scope, periodId, others, kinds, limit - top.length, rule)));
	return attentionRows(db, top);
}

/** The first `limit` updates the filters select that carry a flag of one of `kinds`, in attention order. */
function rankFlagged(
	db: DB,
	scope: Scope,
	periodId: number,
	filters: TaskFilters,
	kinds: readonly FlagKind[],
	limit: number,
	rule: TrafficLightRule
) {
	const facts = attentionFacts(db, scope, periodId, filters).where((eb) =>
		eb.exists(
			eb
				.selectFrom('quality_flags')
				.select('quality_flags.id')
				.whereRef('quality_flags.update_id', '=', 'updates.id')
				.where('quality_flags.kind', 'in', kinds)
		)
	);
	return rankFacts(db, facts, limit, rule);
}
