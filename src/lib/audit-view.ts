/**
 * How /audit shows a row's before and after: only the fields that differ, one `field: value` line each
 * (every field when one side is empty), instead of two JSON blobs a reader must compare by eye. The CSV
 * export keeps the JSON as stored.
 */

export interface AuditChange {
	field: string;
	before: string | null;
	after: string | null;
}

function parse(json: string | null): Record<string, unknown> | null {
	if (json === null) return null;
	try {
		const value = JSON.parse(json);
		return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : { value };
	} catch {
		return { value: json };
	}
}

function show(value: unknown): string | null {
	if (value === undefined) return null;
	return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The differing fields of a row's before and after JSON, in the order they first appear. */
export function auditChanges(before: string | null, after: string | null): AuditChange[] {
	const a = parse(before) ?? {};
	const b = parse(after) ?? {};
	const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
	return fields
		.map((field) => ({ field, before: show(a[field]), after: show(b[field]) }))
		.filter((change) => change.before !== change.after);
}
