import { describe, expect, it } from 'vitest';
import { KNOWN_MIGRATIONS, describeSchemaState, schemaState, type SchemaState } from './schema-state';
import { openTestDatabase } from './testing';
import { listAppliedMigrations } from '../queries/maintenance';
import { openDatabase } from './index';

const KNOWN = ['0001_a', '0002_b', '0003_c'];

describe('schemaState', () => {
	it.each([
		[['0001_a', '0002_b', '0003_c'], { kind: 'current', latest: '0003_c' }],
		[['0001_a'], { kind: 'behind', latest: '0001_a', missing: ['0002_b', '0003_c'] }],
		[[], { kind: 'behind', latest: null, missing: KNOWN }],
		[['0001_a', '0002_b', '0003_c', '0004_d'], { kind: 'ahead', latest: '0004_d', unknown: ['0004_d'] }],
		[['0001_a', '0004_d'], { kind: 'ahead', latest: '0004_d', unknown: ['0004_d'] }]
	])('%j', (applied, expected) => {
		expect(schemaState(applied, KNOWN)).toEqual(expected);
	});

	it.each([
		[
			{ kind: 'ahead', latest: '0004_d', unknown: ['0004_d'] } as SchemaState,
			/newer jindu \(migrations 0004_d are unknown/
		],
		[
			{ kind: 'behind', latest: '0001_a', missing: ['0002_b'] } as SchemaState,
			/at migration 0001_a, this version needs 0002_b/
		],
		[{ kind: 'behind', latest: null, missing: ['0001_a'] } as SchemaState, /is not a jindu database/]
	])('describes %j', (state, expected) => {
		expect(describeSchemaState(state, 'x.db')).toMatch(expected);
	});

	it('a migrated database is current; a new empty one has no migrations', async () => {
		const db = await openTestDatabase();
		expect(await listAppliedMigrations(db)).toEqual(KNOWN_MIGRATIONS);
		expect(schemaState(await listAppliedMigrations(db)).kind).toBe('current');
		const empty = openDatabase(':memory:');
		expect(await listAppliedMigrations(empty)).toEqual([]);
	});
});
