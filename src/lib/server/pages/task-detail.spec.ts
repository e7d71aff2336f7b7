import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { importDocument } from '../import';
import { TRAFFIC_LIGHT_RULES, type TrafficLightRule } from '../../domain/schedule';
import type { Settings } from '../app';

// The app's settings are read once from the environment; here each test picks the rule.
const app = vi.hoisted(() => ({ settings: null as unknown as Settings }));
vi.mock('../app', () => ({ settings: () => app.settings }));

const { loadTaskDetailPage } = await import('./task-detail');

let db: DB;
let taskId: number;

beforeAll(async () => {
	db = await openTestDatabase();
	await importDocument(db, readFileSync('data/reports/xinjie-2024-q2.txt'));
	const update = await db
		.selectFrom('updates')
		.select(['id', 'task_id'])
		.orderBy('id')
		.limit(1)
		.executeTakeFirstOrThrow();
	taskId = update.task_id;
	// 45% done at 上半年 (序时进度 50%): 5 points short, a tenth of the schedule.
	await db.updateTable('updates').set({ percent: 45 }).where('id', '=', update.id).execute();
});

async function progressWith(rule: TrafficLightRule) {
	app.settings = { trafficLightRule: rule };
	const page = await loadTaskDetailPage(db, new URL(`http://test.local/tasks/${taskId}`), { lang: 'zh' });
	return page.history.find((u) => u.percent === 45)!.progress;
}

describe('the task page loader', () => {
	it.each([
		// rule, light: 银川 counts points below schedule (5 < 10: green), 三亚 the share missing (10% > 0: yellow)
		['yinchuan', 'green'],
		['sanya', 'yellow']
	] as const)('colours progress by the configured rule: %s → %s', async (name, light) => {
		const progress = await progressWith(TRAFFIC_LIGHT_RULES[name]);
		expect(progress).toMatchObject({ ratio: 0.45, percent: 45, schedulePercent: 50, gap: -5, light, actual: null });
	});

	it('gives no progress where an update states neither a percent nor an actual value', async () => {
		app.settings = { trafficLightRule: TRAFFIC_LIGHT_RULES.sanya };
		const page = await loadTaskDetailPage(db, new URL(`http://test.local/tasks/${taskId + 1}`), { lang: 'zh' });
		expect(page.history.length).toBeGreaterThan(0);
		expect(page.history.every((u) => u.percent !== null || u.progress === null)).toBe(true);
	});

	it('steps through a list with the same previous / next whether the list’s order is kept or not', async () => {
		app.settings = { trafficLightRule: TRAFFIC_LIGHT_RULES.yinchuan };
		const ids = (await db.selectFrom('tasks').select('id').execute()).map((t) => t.id);
		for (const query of ['', '?sort=status&dir=desc', '?status=unknown']) {
			for (const id of ids) {
				const url = new URL(`http://test.local/tasks/${id}${query}`);
				const kept = await loadTaskDetailPage(db, url, { lang: 'zh', dataVersion: 1 });
				const fresh = await loadTaskDetailPage(db, url, { lang: 'zh' });
				expect(kept.neighbours, `${id}${query}`).toEqual(fresh.neighbours);
			}
		}
		// A list under another data version is read again: a task dropped from it has no place in it.
		const first = ids[0];
		const url = new URL(`http://test.local/tasks/${first}?sort=task`);
		const inReportOrder = new URL(`http://test.local/tasks/${first}`);
		expect((await loadTaskDetailPage(db, url, { lang: 'zh', dataVersion: 2 })).neighbours).not.toBeNull();
		expect((await loadTaskDetailPage(db, inReportOrder, { lang: 'zh', dataVersion: 2 })).neighbours).not.toBeNull();
		const update = await db.selectFrom('updates').select('id').where('task_id', '=', first).executeTakeFirstOrThrow();
		await db.updateTable('updates').set({ superseded_at: '2099-01-01' }).where('id', '=', update.id).execute();
		try {
			// The same version answers from the kept order (every real write bumps the version; this one did not).
			expect((await loadTaskDetailPage(db, url, { lang: 'zh', dataVersion: 2 })).neighbours).not.toBeNull();
			expect((await loadTaskDetailPage(db, url, { lang: 'zh', dataVersion: 3 })).neighbours).toBeNull();
			// In report order nothing is kept: the place is read from the task's key on every request.
			expect((await loadTaskDetailPage(db, inReportOrder, { lang: 'zh', dataVersion: 2 })).neighbours).toBeNull();
		} finally {
			await db.updateTable('updates').set({ superseded_at: null }).where('id', '=', update.id).execute();
		}
	});
});
