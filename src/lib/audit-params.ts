/**
 * The /audit page's URL: `org` (id or exact name), `person`, `kind`, `from` / `to` (dates in Beijing
 * time, both inclusive) and `page`. Bad values are FilterErrors naming the parameter, as on every page.
 */
import { FilterError } from './filters';
import { AUDIT_KINDS, type AuditKind } from './types/auth';

export interface AuditParams {
	org: string | null;
	person: string | null;
	kind: AuditKind | null;
	from: string | null;
	to: string | null;
	page: number;
}

export const AUDIT_PAGE_SIZE = 50;

function text(params: URLSearchParams, key: string, max: number): string | null {
	const value = params.get(key)?.trim();
	if (!value) return null;
	if (value.length > max) throw new FilterError(key, 'tooLong', { max });
	return value;
}

function date(params: URLSearchParams, key: string): string | null {
	const value = params.get(key)?.trim();
	if (!value) return null;
	const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
	if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value)
		throw new FilterError(key, 'notDate', { value });
	return value;
}

export function parseAuditParams(params: URLSearchParams): AuditParams {
	const kind = params.get('kind')?.trim() || null;
	if (kind !== null && !(AUDIT_KINDS as readonly string[]).includes(kind))
		throw new FilterError('kind', 'notOneOf', { value: kind, allowed: AUDIT_KINDS.join(', ') });
	const page = params.get('page')?.trim() || '1';
	if (!/^\d{1,6}$/.test(page) || Number(page) < 1)
		throw new FilterError('page', 'notInteger', { value: page, min: 1, max: 999999 });
	return {
		org: text(params, 'org', 200),
		person: text(params, 'person', 64),
		kind: kind as AuditKind | null,
		from: date(params, 'from'),
		to: date(params, 'to'),
		page: Number(page)
	};
}

/** A Beijing date's start as a UTC instant: 2026-11-29 → 2026-11-28T16:00:00.000Z. */
export function beijingDayStart(day: string): string {
	return new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();
}

/** The instant after a Beijing date ends (so `to` includes its whole day). */
export function beijingDayEnd(day: string): string {
	return new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000).toISOString();
}

/** The query string of these parameters with `changes` applied; empty values and page 1 are left out. */
export function auditQuery(params: AuditParams, changes: Partial<AuditParams> = {}): string {
	const merged = { ...params, ...changes };
	const out = new URLSearchParams();
	for (const key of ['org', 'person', 'kind', 'from', 'to'] as const) if (merged[key]) out.set(key, merged[key]!);
	if (merged.page > 1) out.set('page', String(merged.page));
	const query = out.toString();
	return query ? `?${query}` : '';
}
