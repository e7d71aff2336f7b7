import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../db';
import { openReportsDatabase, viewsOf } from './testing';
import { countTasksByThemeStatus } from './overview';
import { listThemes, listThemesInScope } from './organizations';
import { NO_TASK_FILTERS } from './scope';

describe('the themes a filter bar offers', () => {
	let db: DB;
	beforeAll(async () => {
		db = await openReportsDatabase();
	});
	const { view } = viewsOf(() => db);

	it('are the themes with tasks in the scope’s period, and only those', async () => {
		const all = (await listThemes(db)).map((t) => t.name);
		let narrower = 0;
		for (const { name } of await db.selectFrom('organizations').select('name').execute()) {
			const { scope } = await view(`org=${encodeURIComponent(name)}`).catch(() => ({ scope: null }));
			if (!scope?.period) continue;
			const counted = await countTasksByThemeStatus(db, scope, scope.period.id, NO_TASK_FILTERS);
			const offered = (await listThemesInScope(db, scope)).map((t) => t.name);
			expect(offered, name).toEqual([...new Set(counted.map((r) => r.theme))].sort());
			if (offered.length < all.length) narrower++;
		}
		expect(narrower).toBeGreaterThan(0);
	});

	it('carry their English names', async () => {
		const { scope } = await view('');
		const offered = await listThemesInScope(db, scope);
		expect(offered.length).toBeGreaterThan(0);
		expect(offered.every((t) => t.nameEn && /^[A-Za-z ]+$/.test(t.nameEn))).toBe(true);
	});
});
