/**
 * Counts of current updates grouped in memory from one read of their facts: what a page that counts the same
 * filtered updates several ways (by status, by category, by theme, each child organization by category) groups
 * once read, instead of one GROUP BY over the same rows per count. The same rows as the SQL GROUP BY of
 * src/lib/server/queries/measures.ts (`groupUpdates`), which fact-counts.spec.ts and measures.spec.ts compare.
 */
import { countUpdate, NO_MEASURES, type StatusCount } from './measures';
import type { Status, StatusSource } from './status';

/** What a count groups its rows by besides period, status and source (the rollups' dimensions too). */
export type Dimension = 'status' | 'category' | 'theme';

/** One current update with what a count reads of it. */
export interface UpdateFacts {
	organizationId: number;
	periodId: number;
	status: Status;
	statusSource: StatusSource;
	/** The category's key (category-key.ts) and report position. */
	categoryKey: string;
	categoryOrder: number;
	/** Its task's theme ids, comma-separated as SQLite's group_concat gives them; null for none. */
	themes: string | null;
	/** 1 when it carries a quality flag. */
	flagged: number;
	ratio: number | null;
	/** Its kind of change since the scope's earlier period (domain/changes.ts; any other text: none). */
	change: string;
	/** Its periods in a row behind or not started (behindStreak). */
	behindRun: number;
}

/** A count row, as countUpdates returns them, for the organization `owner` groups its update under. */
export interface FactCount extends StatusCount {
	owner: number;
	key: string;
	order: number;
}

/**
 * The facts counted per owner × period × dimension key × status × source, in the GROUP BY's order: by period,
 * key, status and source (an owner's rows in that order too). `ownerOf` names each update's owner
 * by its organization (a compared child, say); an update it gives no owner is left out. Without it every update
 * is owner 0. By theme, an update counts once under each of its task's themes, and not at all without one (as
 * the SQL's join to task_themes); by category, `order` is the category's least position.
 */
export function countFacts(
	facts: readonly UpdateFacts[],
	dimension: Dimension,
	ownerOf: ((organizationId: number) => number | undefined) | null = null
): FactCount[] {
	const cells = new Map<string, FactCount>();
	const add = (fact: UpdateFacts, owner: number, key: string, order: number) => {
		const id = `${owner}\u0000${fact.periodId}\u0000${key}\u0000${fact.status}\u0000${fact.statusSource}`;
		let cell = cells.get(id);
		if (!cell) {
			cell = {
				owner,
				periodId: fact.periodId,
				key,
				order,
				status: fact.status,
				statusSource: fact.statusSource,
				...NO_MEASURES
			};
			cells.set(id, cell);
		}
		if (order < cell.order) cell.order = order;
		countUpdate(cell, fact);
	};
	for (const fact of facts) {
		const owner = ownerOf ? ownerOf(fact.organizationId) : 0;
		if (owner === undefined) continue;
		if (dimension === 'status') add(fact, owner, '', 0);
		else if (dimension === 'category') add(fact, owner, fact.categoryKey, fact.categoryOrder);
		else if (fact.themes !== null) for (const theme of fact.themes.split(',')) add(fact, owner, theme, 0);
	}
	return [...cells.values()].sort(
		(a, b) =>
			a.periodId - b.periodId ||
			byCodePoints(a.key, b.key) ||
			byCodePoints(a.status, b.status) ||
			byCodePoints(a.statusSource, b.statusSource)
	);
}

/**
 * Two strings in code point order, as SQLite's BINARY collation orders their UTF-8 (JavaScript's `<` compares
 * UTF-16 units, which puts a character beyond U+FFFF before U+E000–U+FFFF).
 */
function byCodePoints(a: string, b: string): number {
	for (let i = 0, j = 0; i < a.length && j < b.length; ) {
		const x = a.codePointAt(i)!;
		const y = b.codePointAt(j)!;
		if (x !== y) return x - y;
		i += x > 0xffff ? 2 : 1;
		j += y > 0xffff ? 2 : 1;
	}
	return a.length - b.length;
}

/** Updates of one organization and category (by key) of one kind of change, as the change panel counts them. */
export interface ChangeFactCount {
	organizationId: number;
	key: string;
	/** The category's least report position. */
	position: number;
	change: string;
	taskCount: number;
}

/** The facts counted per organization × category key × kind of change, as the change panel's one pass counts them. */
export function countChangeFacts(facts: readonly UpdateFacts[]): ChangeFactCount[] {
	const cells = new Map<string, ChangeFactCount>();
	for (const fact of facts) {
		const id = `${fact.organizationId}\u0000${fact.categoryKey}\u0000${fact.change}`;
		const cell = cells.get(id);
		if (!cell)
			cells.set(id, {
				organizationId: fact.organizationId,
				key: fact.categoryKey,
				position: fact.categoryOrder,
				change: fact.change,
				taskCount: 1
			});
		else {
			cell.taskCount++;
			if (fact.categoryOrder < cell.position) cell.position = fact.categoryOrder;
		}
	}
	return [...cells.values()].sort(
		(a, b) => a.organizationId - b.organizationId || byCodePoints(a.key, b.key) || byCodePoints(a.change, b.change)
	);
}
