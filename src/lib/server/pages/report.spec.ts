import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DB } from '../db';
import { openTestDatabase } from '../db/testing';
import { SEED_Q1 } from '../queries/testing';
import { importDocument } from '../import';
import { TRAFFIC_LIGHT_RULES } from '../../domain/schedule';
import { groupSections } from '../../report/sections';
import { categoryKey } from '../../domain/category-key';

vi.mock('../app', () => ({ settings: () => ({ trafficLightRule: TRAFFIC_LIGHT_RULES.yinchuan }) }));

const { loadHandout, loadReportPage } = await import('./report');
const { filtersAndScope } = await import('./request');
const { loadChanges } = await import('./changes');

let db: DB;

beforeAll(async () => {
	db = await openTestDatabase();
	await importDocument(db, readFileSync('data/reports/xinjie-2024-q2.txt'));
	// A quarter earlier too, so the handout has changes since the last meeting to print.
	await importDocument(db, Buffer.from(SEED_Q1));
});

const url = (query: string) => new URL(`http://test.local/report?${query}`);

describe('the handout loader', () => {
	it('lists every task of the period once, each under the category the overview counts it in', async () => {
		const handout = await loadHandout(db, url('year=2024&quarter=2'), { lang: 'zh' });
		const report = handout.report!;
		const total = report.kpis.find((k) => k.key === 'tasks')!.count;
		expect(report.tasks.total).toBe(total);
		expect(report.tasks.rows).toHaveLength(total);
		expect(new Set(report.tasks.rows.map((r) => r.taskId)).size).toBe(total);
		// Each category's section holds exactly as many tasks as the overview counts for it.
		const counted = new Map<string, number>();
		for (const r of report.byCategory)
			counted.set(r.category ?? '', (counted.get(r.category ?? '') ?? 0) + r.taskCount);
		const sections = groupSections(report.tasks.rows, [...counted.keys()]);
		expect(sections.map((s) => [s.key, s.tasks.length])).toEqual([...counted.entries()]);
		for (const s of sections) for (const t of s.tasks) expect(categoryKey(t.category)).toBe(s.key);
		expect(handout.scopeName).toBe('全部单位');
		// The change view's section: the same counts the overview's panel shows for these filters.
		const { filters, scope } = await filtersAndScope(db, url('year=2024&quarter=2'), { lang: 'zh' });
		expect(handout.changes?.data).toEqual(await loadChanges(db, scope, filters));
		expect(handout.changes?.data.since?.id).toBeTypeOf('number');
	});

	it('names the organization and the period, and says when nothing is there', async () => {
		const en = await loadHandout(db, url('org=新街街道&year=2024&quarter=2&lang=en'), { lang: 'en' });
		expect(en.scopeName).toBe('新街街道');
		expect(en.report?.periodLabel).toBe('2024 Q2');
		const none = await loadHandout(db, url('year=2019'), { lang: 'zh' });
		expect(none.report).toBeNull();
	});

	it('renders the handout to HTML with a vector chart per category and the footer’s scope', async () => {
		const page = await loadReportPage(db, url('year=2024&quarter=2'), { lang: 'zh' });
		const categories = page.handout.body.match(/data-testid="report-category"/g)?.length ?? 0;
		expect(categories).toBeGreaterThan(1);
		// The summary's chart and one per category, drawn by ECharts' SVG renderer on the server.
		expect(page.handout.body.match(/<svg/g)).toHaveLength(categories + 1);
		expect(page.handout.head).toContain('.sheet');
		expect(page.footerScope).toBe('全部单位 · 2024年二季度');
	});

	it('writes the report’s markup as text: a task named <script> is not a script on paper', async () => {
		await importDocument(db, readFileSync('src/lib/server/report/fixtures/markup.txt'), {
			organization: ['测试市', '测试街道']
		});
		const page = await loadReportPage(db, url('org=测试街道&year=2019&quarter=1'), { lang: 'zh' });
		expect(page.handout.body).toContain('&lt;script>window.__xss=4&lt;/script>脚本测试');
		expect(page.handout.body).not.toMatch(/<script|<img/);
	});

	it('refuses a bad filter with a 400 naming it', async () => {
		await expect(loadHandout(db, url('year=20x4'), { lang: 'zh' })).rejects.toMatchObject({
			status: 400,
			body: { param: 'year' }
		});
	});
});
