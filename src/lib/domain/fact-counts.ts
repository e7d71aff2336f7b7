/**
 * Counts of current updates grouped in memory from one read of their facts: what a page that counts the same
 * filtered updates several ways (by status, by category, by theme, each child organization by category) groups
 * once read, instead of one GROUP BY over the same rows per count. The same rows as the SQL GROUP BY of
 * src/lib/server/queries/measures.ts (`groupUpdates`), which fact-counts.spec.ts and measures.spec.ts compare.
 */
import { countUpdate, NO_MEASURES, type StatusCount } from './measures';
import { STATUSES, STATUS_SOURCES, type Status, type StatusSource } from './status';

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
	/** Its task's status in the scope's earlier period (null: none then, or no earlier period). */
	earlier: Status | null;
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
	// Cells by key, owner and period, then by status × source at a small index: one text made per update for
	// its cell's name (five parts joined) was two thirds of the time, a whole province's overview under a theme
	// counting its 14 592 updates five ways.
	const byKey = new Map<string, Map<number, Map<number, FactCount[]>>>();
	const counted: FactCount[] = [];
	const add = (fact: UpdateFacts, owner: number, key: string, order: number) => {
		let byOwner = byKey.get(key);
		if (!byOwner) byKey.set(key, (byOwner = new Map()));
		let byPeriod = byOwner.get(owner);
		if (!byPeriod) byOwner.set(owner, (byPeriod = new Map()));
		let cells = byPeriod.get(fact.periodId);
		if (!cells) byPeriod.set(fact.periodId, (cells = []));
		const at = statusSourceIndex(fact);
		let cell = cells[at];
		if (!cell) {
			cell = cells[at] = {
				owner,
				periodId: fact.periodId,
				key,
				order,
				status: fact.status,
				statusSource: fact.statusSource,
				...NO_MEASURES
			};
			counted.push(cell);
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
	return counted.sort(
		(a, b) =>
			a.periodId - b.periodId ||
			byCodePoints(a.key, b.key) ||
			byCodePoints(a.status, b.status) ||
			byCodePoints(a.statusSource, b.statusSource)
	);
}

const STATUS_INDEX = new Map<string, number>(STATUSES.map((status, i) => [status, i]));
const SOURCE_INDEX = new Map<string, number>(STATUS_SOURCES.map((source, i) => [source, i]));

/** A cell's place among an owner's cells of one key and period: one for each status and source. */
function statusSourceIndex(fact: Pick<UpdateFacts, 'status' | 'statusSource'>): number {
	const status = STATUS_INDEX.get(fact.status);
	const source = SOURCE_INDEX.get(fact.statusSource);
	// The database's checks allow no other (migrations' check constraints); a new one must be added to status.ts.
	if (status === undefined || source === undefined)
		throw new Error(`an update's status ${fact.status} / ${fact.statusSource} is not one status.ts knows`);
	return status * STATUS_SOURCES.length + source;
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
	// By key, organization and change (maps, not one text made per update: see countFacts).
	const byKey = new Map<string, Map<number, Map<string, ChangeFactCount>>>();
	const counted: ChangeFactCount[] = [];
	for (const fact of facts) {
		let byOrganization = byKey.get(fact.categoryKey);
		if (!byOrganization) byKey.set(fact.categoryKey, (byOrganization = new Map()));
		let byChange = byOrganization.get(fact.organizationId);
		if (!byChange) byOrganization.set(fact.organizationId, (byChange = new Map()));
		const cell = byChange.get(fact.change);
		if (!cell) {
			const made = {
				organizationId: fact.organizationId,
				key: fact.categoryKey,
				position: fact.categoryOrder,
				change: fact.change,
				taskCount: 1
			};
			byChange.set(fact.change, made);
			counted.push(made);
		} else {
			cell.taskCount++;
			if (fact.categoryOrder < cell.position) cell.position = fact.categoryOrder;
		}
	}
	return counted.sort(
		(a, b) => a.organizationId - b.organizationId || byCodePoints(a.key, b.key) || byCodePoints(a.change, b.change)
	);
}

/** Updates of one category (by key) whose status changed from `from` to `to`, as the deck's notes count them. */
export interface StatusChangeFactCount {
	key: string;
	from: Status;
	to: Status;
	count: number;
}

/**
 * The facts whose status differs from their task's in the scope's earlier period, counted per category key ×
 * earlier status × status, in the GROUP BY's order (countStatusChanges in queries/changes.ts).
 */
export function countStatusChangeFacts(facts: readonly UpdateFacts[]): StatusChangeFactCount[] {
	const byKey = new Map<string, Map<string, StatusChangeFactCount>>();
	const counted: StatusChangeFactCount[] = [];
	for (const fact of facts) {
		if (fact.earlier === null || fact.earlier === fact.status) continue;
		let byPair = byKey.get(fact.categoryKey);
		if (!byPair) byKey.set(fact.categoryKey, (byPair = new Map()));
		const pair = `${fact.earlier}>${fact.status}`;
		const cell = byPair.get(pair);
		if (cell) cell.count++;
		else {
			const made = { key: fact.categoryKey, from: fact.earlier, to: fact.status, count: 1 };
			byPair.set(pair, made);
			counted.push(made);
		}
	}
	return counted.sort((a, b) => byCodePoints(a.key, b.key) || byCodePoints(a.from, b.from) || byCodePoints(a.to, b.to));
}
