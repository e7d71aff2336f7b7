/**
 * The task table's own URL parameters (`sort dir page size`), beside the shared filters of
 * filters.ts: parsed with the same FilterError, serialised after the filters so a table view's
 * URL is `/tasks?<filters>&sort=…&dir=…&page=…&size=…` and can be bookmarked and shared.
 */
import { FilterError, serialiseFilters, type Filters } from './filters';

/** Columns the task table sorts by. `seq` is report order (序号); `status` uses the dashboard's status order. */
export const TASK_SORT_KEYS = ['seq', 'org', 'category', 'task', 'theme', 'owner', 'status', 'flags'] as const;
export type TaskSortKey = (typeof TASK_SORT_KEYS)[number];

export type SortDir = 'asc' | 'desc';

export const PAGE_SIZES = [10, 20, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 50;
/** Far beyond any real table; keeps OFFSET arithmetic and the URL sane. */
export const MAX_PAGE = 100_000;

export interface TableParams {
	sort: TaskSortKey;
	dir: SortDir;
	/** 1-based. */
	page: number;
	size: number;
}

export const DEFAULT_TABLE: TableParams = { sort: 'seq', dir: 'asc', page: 1, size: DEFAULT_PAGE_SIZE };

function isSortKey(value: string): value is TaskSortKey {
	return (TASK_SORT_KEYS as readonly string[]).includes(value);
}

/** Parses sort/dir/page/size; an absent or empty one takes its default, a bad one throws FilterError. */
export function parseTableParams(params: URLSearchParams): TableParams {
	const table = { ...DEFAULT_TABLE };
	const sort = params.get('sort')?.trim();
	if (sort) {
		if (!isSortKey(sort))
			throw new FilterError('sort', 'notOneOf', { value: sort, allowed: TASK_SORT_KEYS.join(', ') });
		table.sort = sort;
	}
	const dir = params.get('dir')?.trim();
	if (dir) {
		if (dir !== 'asc' && dir !== 'desc') throw new FilterError('dir', 'notOneOf', { value: dir, allowed: 'asc, desc' });
		table.dir = dir;
	}
	const page = params.get('page')?.trim();
	if (page) {
		if (!/^\d{1,6}$/.test(page) || Number(page) < 1 || Number(page) > MAX_PAGE) {
			throw new FilterError('page', 'notInteger', { value: page, min: 1, max: MAX_PAGE });
		}
		table.page = Number(page);
	}
	const size = params.get('size')?.trim();
	if (size) {
		if (!(PAGE_SIZES as readonly number[]).includes(Number(size)) || !/^\d+$/.test(size)) {
			throw new FilterError('size', 'notOneOf', { value: size, allowed: PAGE_SIZES.join(', ') });
		}
		table.size = Number(size);
	}
	return table;
}

/**
 * The query string of a task table view: the filters in canonical order, then the table
 * parameters that differ from their defaults. `overrides` replace table fields.
 */
export function serialiseTableView(filters: Filters, table: TableParams, overrides: Partial<TableParams> = {}): string {
	const merged = { ...table, ...overrides };
	const params = new URLSearchParams(serialiseFilters(filters).slice(1));
	if (merged.sort !== DEFAULT_TABLE.sort) params.set('sort', merged.sort);
	if (merged.dir !== DEFAULT_TABLE.dir) params.set('dir', merged.dir);
	if (merged.page !== DEFAULT_TABLE.page) params.set('page', String(merged.page));
	if (merged.size !== DEFAULT_TABLE.size) params.set('size', String(merged.size));
	const query = params.toString();
	return query ? `?${query}` : '';
}

/** Which page a 0-based row index falls on. */
export function pageOfIndex(index: number, size: number): number {
	return Math.floor(index / size) + 1;
}

export interface PageWindow {
	/** The page shown, clamped to [1, pageCount]. */
	page: number;
	pageCount: number;
	offset: number;
	/** The requested page lies past the last one (the page says so and shows the last). */
	clamped: boolean;
}

/** Clamps a requested page to the pages a total allows; an empty table has one (empty) page. */
export function pageWindow(total: number, page: number, size: number): PageWindow {
	const pageCount = Math.max(1, Math.ceil(total / size));
	const shown = Math.min(page, pageCount);
	return { page: shown, pageCount, offset: (shown - 1) * size, clamped: shown !== page };
}

/**
 * Page numbers for a pager: the first, the last, and `radius` pages either side of the current
 * one, with null where pages are skipped: [1, null, 4, 5, 6, null, 20].
 */
export function pageLinks(page: number, pageCount: number, radius = 2): (number | null)[] {
	const pages = new Set([1, pageCount]);
	for (let p = page - radius; p <= page + radius; p++) if (p >= 1 && p <= pageCount) pages.add(p);
	const sorted = [...pages].sort((a, b) => a - b);
	const out: (number | null)[] = [];
	for (const p of sorted) {
		const last = out.at(-1);
		if (typeof last === 'number' && p - last > 1) out.push(p - last === 2 ? p - 1 : null);
		out.push(p);
	}
	return out;
}
