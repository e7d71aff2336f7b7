/**
 * Whether a database's migrations are the ones this code knows: what the server checks before
 * serving a database it may not migrate (read-only), what /healthz reports, and what restore
 * checks before it replaces a database.
 */
import { migrations } from '../../../../migrations/index.js';

export type SchemaState =
	| { kind: 'current'; latest: string }
	/** Migrations this code would still apply. */
	| { kind: 'behind'; latest: string | null; missing: string[] }
	/** Migrations this code does not know: the file was written by a newer jindu. */
	| { kind: 'ahead'; latest: string | null; unknown: string[] };

/** The migrations this code knows, in order. */
export const KNOWN_MIGRATIONS = Object.keys(migrations).sort();

/** Compares the applied migrations with the known ones; unknown ones (newer code) win over missing ones. */
export function schemaState(applied: readonly string[], known: readonly string[] = KNOWN_MIGRATIONS): SchemaState {
	const latest = applied.at(-1) ?? null;
	const unknown = applied.filter((name) => !known.includes(name));
	if (unknown.length > 0) return { kind: 'ahead', latest, unknown };
	const missing = known.filter((name) => !applied.includes(name));
	if (missing.length > 0) return { kind: 'behind', latest, missing };
	return { kind: 'current', latest: latest! };
}

/** One sentence for a state other than current, naming the file. */
export function describeSchemaState(state: SchemaState, file: string): string {
	if (state.kind === 'ahead')
		return `${file} was written by a newer jindu (migrations ${state.unknown.join(', ')} are unknown to this version); run that version or a newer one`;
	if (state.kind === 'behind')
		return state.latest === null
			? `${file} is not a jindu database (it has no migrations)`
			: `${file} is at migration ${state.latest}, this version needs ${state.missing.join(', ')}; open it once with write access (npm start or npm run import) to migrate it`;
	return `${file} is current (${state.latest})`;
}
