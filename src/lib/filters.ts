/**
 * The URL contract shared by every page: `org year quarter months category theme status lang`
 * (plus the task table's own `source flag owner q sort dir page size`). Parsed once per request,
 * validated with a message that names the bad parameter, and serialised back in one canonical
 * order so links built anywhere look the same.
 */
import { filterErrorText, type ErrorValues, type FilterErrorKind } from './errors';
import { isStatus, isStatusSource, STATUSES, STATUS_SOURCES, type Status, type StatusSource } from './domain/status';
import { isLang, type Lang } from './i18n';
import { FLAG_KINDS, isFlagKind, type FlagKind } from './domain/flags';
import { CHANGE_KINDS, isChangeKind, type ChangeKind } from './domain/changes';

export interface Filters {
	/** An organization id or its exact name; a parent includes its children. */
	org: string | null;
	year: number | null;
	quarter: number | null;
	/** A month range such as 1-11 (1-11月). Exclusive with quarter. */
	months: [number, number] | null;
	category: string | null;
	theme: string | null;
	/** One status or several (status=ahead,on_track), in the order given. */
	status: Status[] | null;
	/** One status source or several (source=reported,confirmed). */
	source: StatusSource[] | null;
	flag: FlagKind | null;
	owner: string | null;
	/**
	 * Only tasks that need attention (attention=1): behind or not started, or carrying a quality flag
	 * whatever their status — the set the overview's 需要关注 counts, so its 查看全部 lists the same rows.
	 */
	attention: boolean;
	/**
	 * The earlier period a change view compares the selected one with, in the selected year: `q1` or `m1-5`
	 * (the filter bar's period form). Null: the one before (domain/period.ts `periodBefore`).
	 */
	since: string | null;
	/** Only tasks of this kind of change since that period (domain/changes.ts). */
	change: ChangeKind | null;
	/** Only tasks behind or not started for at least this many of their periods in a row, up to the selected one. */
	streak: number | null;
	q: string | null;
	lang: Lang | null;
}

export const FILTER_KEYS = [
	'org',
	'year',
	'quarter',
	'months',
	'category',
	'theme',
	'status',
	'source',
	'flag',
	'owner',
	'attention',
	'since',
	'change',
	'streak',
	'q',
	'lang'
] as const;

export const EMPTY_FILTERS: Filters = {
	org: null,
	year: null,
	quarter: null,
	months: null,
	category: null,
	theme: null,
	status: null,
	source: null,
	flag: null,
	owner: null,
	attention: false,
	since: null,
	change: null,
	streak: null,
	q: null,
	lang: null
};

/**
 * A bad URL parameter; `param` names it so the 400 page can say which. The message is English (logs, the
 * command line); the page words `kind` and `values` in the UI language (src/lib/errors.ts).
 */
export class FilterError extends Error {
	constructor(
		readonly param: string,
		readonly kind: FilterErrorKind,
		readonly values: ErrorValues = {}
	) {
		super(filterErrorText('en', param, kind, values));
		this.name = 'FilterError';
	}
}

const MAX_TEXT = 200;

function text(params: URLSearchParams, key: string, max = MAX_TEXT): string | null {
	const value = params.get(key)?.trim();
	if (!value) return null;
	if (value.length > max) throw new FilterError(key, 'tooLong', { max });
	return value;
}

function integer(params: URLSearchParams, key: string, min: number, max: number): number | null {
	const value = params.get(key)?.trim();
	if (!value) return null;
	if (!/^\d{1,4}$/.test(value) || Number(value) < min || Number(value) > max) {
		throw new FilterError(key, 'notInteger', { value, min, max });
	}
	return Number(value);
}

function listOf<T>(
	params: URLSearchParams,
	key: string,
	guard: (v: unknown) => v is T,
	allowed: readonly string[]
): T[] | null {
	// A form's checkboxes send status=a&status=b; links write status=a,b. Both mean the same.
	const value = params
		.getAll(key)
		.map((v) => v.trim())
		.filter(Boolean)
		.join(',');
	if (!value) return null;
	const items = [
		...new Set(
			value
				.split(',')
				.map((item) => item.trim())
				.filter(Boolean)
		)
	];
	const bad = items.find((item) => !guard(item));
	if (bad !== undefined) throw new FilterError(key, 'notOneOf', { value: bad, allowed: allowed.join(', ') });
	return items.length > 0 ? (items as T[]) : null;
}

function oneOf<T>(
	params: URLSearchParams,
	key: string,
	guard: (v: unknown) => v is T,
	allowed: readonly string[]
): T | null {
	const value = params.get(key)?.trim();
	if (!value) return null;
	if (!guard(value)) throw new FilterError(key, 'notOneOf', { value, allowed: allowed.join(', ') });
	return value;
}

/** `attention=1` (or 0, or absent); anything else is a bad parameter. */
function attentionFlag(params: URLSearchParams): boolean {
	const value = params.get('attention')?.trim();
	if (!value || value === '0') return false;
	if (value !== '1') throw new FilterError('attention', 'notOneOf', { value, allowed: '0, 1' });
	return true;
}

/** `since=q1` or `since=m1-5`, as the filter bar's period field writes a period; checked against the data later. */
function sincePeriod(params: URLSearchParams): string | null {
	const value = text(params, 'since', 10);
	if (!value) return null;
	const match = /^(?:q[1-4]|m(\d{1,2})-(\d{1,2}))$/.exec(value);
	if (!match) throw new FilterError('since', 'notPeriod', { value });
	if (match[1] && !(Number(match[1]) >= 1 && Number(match[2]) <= 12 && Number(match[1]) <= Number(match[2])))
		throw new FilterError('since', 'notMonthRange', { value });
	return value;
}

/** The last month of a `since` value (q2 → 6, m1-5 → 5). */
export function sinceMonthEnd(since: string): number {
	return since.startsWith('q') ? Number(since.slice(1)) * 3 : Number(since.split('-')[1]);
}

/** Parses the shared filters; throws FilterError naming the first bad parameter. */
export function parseFilters(params: URLSearchParams): Filters {
	const monthsText = text(params, 'months', 10);
	let months: [number, number] | null = null;
	if (monthsText) {
		const match = /^(\d{1,2})\s*-\s*(\d{1,2})$/.exec(monthsText);
		const from = Number(match?.[1]);
		const to = Number(match?.[2]);
		if (!match || from < 1 || to > 12 || from > to)
			throw new FilterError('months', 'notMonthRange', { value: monthsText });
		months = [from, to];
	}
	let quarter = integer(params, 'quarter', 1, 4);
	// The filter bar's form sends one `period` field (q2, m1-11) where links use quarter or months.
	const period = text(params, 'period', 10);
	if (period && quarter === null && months === null) {
		const match = /^(?:q([1-4])|m(\d{1,2})-(\d{1,2}))$/.exec(period);
		if (!match) throw new FilterError('period', 'notPeriod', { value: period });
		if (match[1]) quarter = Number(match[1]);
		else if (Number(match[2]) >= 1 && Number(match[3]) <= 12 && Number(match[2]) <= Number(match[3]))
			months = [Number(match[2]), Number(match[3])];
		else throw new FilterError('period', 'notMonthRange', { value: period });
	}
	if (quarter !== null && months !== null) throw new FilterError('months', 'quarterAndMonths');
	return {
		org: text(params, 'org'),
		year: integer(params, 'year', 1949, 2200),
		quarter,
		months,
		category: text(params, 'category'),
		theme: text(params, 'theme'),
		status: listOf(params, 'status', isStatus, STATUSES),
		source: listOf(params, 'source', isStatusSource, STATUS_SOURCES),
		flag: oneOf(params, 'flag', isFlagKind, FLAG_KINDS),
		owner: text(params, 'owner'),
		attention: attentionFlag(params),
		since: sincePeriod(params),
		change: oneOf(params, 'change', isChangeKind, CHANGE_KINDS),
		streak: integer(params, 'streak', 1, 12),
		// Search text may be long (pasted paragraphs); it is bounded, not rejected.
		q: params.get('q')?.trim().slice(0, 1000) || null,
		lang: oneOf(params, 'lang', isLang, ['zh', 'en'])
	};
}

/** The filters as a query string in canonical order, without empty values; `overrides` replace fields. */
export function serialiseFilters(filters: Filters, overrides: Partial<Filters> = {}): string {
	const merged = { ...filters, ...overrides };
	const params = new URLSearchParams();
	for (const key of FILTER_KEYS) {
		const value = merged[key];
		if (value === null || value === undefined || value === false) continue;
		params.set(
			key,
			key === 'months'
				? `${(value as number[])[0]}-${(value as number[])[1]}`
				: value === true
					? '1'
					: Array.isArray(value)
						? value.join(',')
						: String(value)
		);
	}
	const query = params.toString();
	return query ? `?${query}` : '';
}

/** The filter fields that select exactly this period (quarter where it has one, else its months). */
export function periodFilters(period: {
	year: number;
	quarter: number | null;
	monthStart: number | null;
	monthEnd: number;
}): Pick<Filters, 'year' | 'quarter' | 'months'> {
	return period.quarter !== null
		? { year: period.year, quarter: period.quarter, months: null }
		: { year: period.year, quarter: null, months: [period.monthStart ?? 1, period.monthEnd] };
}

/** A link to the task table for the given filters, with `overrides` applied; the UI language travels by cookie. */
export function taskTableHref(filters: Filters, overrides: Partial<Filters> = {}): string {
	return `/tasks${serialiseFilters(filters, { lang: null, ...overrides })}`;
}

/** The `since` value that names a stored period (q1, m1-5): links from a change view carry it explicitly. */
export function sinceParam(period: { quarter: number | null; monthStart: number | null; monthEnd: number }): string {
	return period.quarter !== null ? `q${period.quarter}` : `m${period.monthStart ?? 1}-${period.monthEnd}`;
}
