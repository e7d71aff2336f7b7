/**
 * What a leader reads first on the overview, at city scale (e2e/city.ts) and on the bundled report: the
 * attention list (its count equals the rows behind it, its order, its numbering after a filter change, its
 * lights), the trend chart, inferred statuses, the KPI tiles' words and the year-over-year view.
 */
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { city } from './city';
import { open } from './open';
import { rowsBehind } from './rows-behind';

/**
 * Examples found in the city database itself (read-only), so the tests do not hard-code generated ids:
 * a district with streets, a task whose period target is zero while its figures lag 序时进度, and a task
 * exactly on 序时进度.
 */
function cityExamples() {
	const db = new Database('data/e2e-city.db', { readonly: true, fileMustExist: true });
	try {
		const district = db
			.prepare(
				`select o.id, o.name, (select c.name from organizations c where c.parent_id = o.id order by c.id limit 1) as street
				 from organizations o where o.name like '%区' and exists (select 1 from organizations c where c.parent_id = o.id)
				 order by o.id limit 1`
			)
			.get() as { id: number; name: string; street: string };
		const zeroTarget = db
			.prepare(
				`select u.task_id as taskId, p.year, p.quarter from updates u join periods p on p.id = u.period_id
				 where u.superseded_at is null and u.period_target glob '*0*' and u.period_target not glob '*[1-9]*'
				   and u.percent is not null and u.percent < p.month_end * 100.0 / 12 - 10
				   and u.status in ('behind', 'not_started') order by u.id limit 1`
			)
			.get() as { taskId: number; year: number; quarter: number };
		const level = db
			.prepare(
				`select u.task_id as taskId from updates u join periods p on p.id = u.period_id
				 where u.superseded_at is null and u.percent = p.month_end * 100.0 / 12 order by u.id limit 1`
			)
			.get() as { taskId: number };
		return { district, zeroTarget, level };
	} finally {
		db.close();
	}
}

const TIERS = ['red', 'yellow', 'behind', 'not_started', 'flagged'];

/** Each item of the attention list as a person reads it: rank, status badge, light and gap, reason. */
async function attentionItems(page: Page) {
	return page
		.getByTestId('attention')
		.locator('li')
		.evaluateAll((items) =>
			items.map((li) => {
				const light = li.querySelector('[data-light]');
				return {
					rank: li.querySelector('[data-testid="attention-rank"]')!.textContent!.trim(),
					status: li.querySelector('[data-status]')!.getAttribute('data-status')!,
					light: light?.getAttribute('data-light') ?? null,
					gap: light ? Number(light.textContent!.trim().split(' ').at(-1)) : null,
					reason: li.querySelector('[data-testid="light-reason"]')?.textContent ?? null
				};
			})
		);
}

function tierOf(item: { status: string; light: string | null }): number {
	if (item.status !== 'behind' && item.status !== 'not_started') return TIERS.indexOf('flagged');
	if (item.light === 'red' || item.light === 'yellow') return TIERS.indexOf(item.light);
	return TIERS.indexOf(item.status);
}

test.describe('attention at city scale', () => {
	test.use({ viewport: { width: 1366, height: 768 } });

	test('查看全部 (N) lists exactly the N tasks counted, flagged-only ones included', async ({ page }) => {
		const { district } = cityExamples();
		for (const path of ['/', `/?org=${district.id}`, `/?org=${district.id}&year=2023&quarter=2`]) {
			await open(page, city(path));
			const total = Number(await page.getByTestId('attention-total').textContent());
			expect(total, path).toBeGreaterThan(12);
			const link = page.getByTestId('attention-all');
			await expect(link).toHaveText(`查看全部 (${total})`);
			const href = (await link.getAttribute('href'))!;
			expect(new URL(href, page.url()).searchParams.get('attention')).toBe('1');
			expect(await rowsBehind(page, href), path).toBe(total);
		}
		await page.getByTestId('attention-all').click();
		await page.waitForURL(/attention=1/);
		await expect(page.getByTestId('attention-filter')).toBeVisible();
	});

	test('after the organization changes in the filter bar the list is numbered from 1 again', async ({ page }) => {
		const { district } = cityExamples();
		await open(page, city(`/?org=${district.id}`));
		await expect(page.getByTestId('attention-rank')).toHaveCount(12);
		// A street of the district, picked in the organization picker: some of its tasks were in the
		// district's list, others not.
		const box = page.getByRole('combobox', { name: '单位' });
		await box.fill(district.street);
		const option = page
			.getByRole('listbox', { name: '单位' })
			.getByRole('option')
			.filter({ has: page.locator('.name', { hasText: new RegExp(`^${district.street}$`) }) });
		await option.first().click();
		await page.waitForURL(/org=\d+/);
		await expect(page.getByRole('heading', { level: 1 })).toContainText(district.street);
		const ranks = await page.getByTestId('attention-rank').allTextContents();
		expect(ranks.length).toBeGreaterThan(0);
		expect(ranks).toEqual(ranks.map((_, i) => `${i + 1}.`));
	});

	test('the list is ranked by severity, and a green light beside 欠进度 says why', async ({ page }) => {
		const { district } = cityExamples();
		let explained = 0;
		for (const path of [
			'/?year=2024&quarter=2',
			`/?org=${district.id}&year=2024&quarter=3`,
			`/?org=${district.street}`
		]) {
			await open(page, city(path));
			const items = await attentionItems(page);
			expect(items.length, path).toBeGreaterThan(0);
			for (let i = 1; i < items.length; i++) {
				const [a, b] = [items[i - 1], items[i]];
				expect(tierOf(a), `${path} #${i}`).toBeLessThanOrEqual(tierOf(b));
				if (tierOf(a) === tierOf(b) && a.gap !== null && b.gap !== null)
					expect(a.gap, `${path} #${i}`).toBeLessThanOrEqual(b.gap);
				if (tierOf(a) === tierOf(b) && a.gap === null) expect(b.gap, `${path} #${i}`).toBeNull();
			}
			for (const item of items) {
				if (item.light === 'green' && item.status === 'behind') {
					expect(item.reason).toMatch(/按序时进度为绿灯，但报告称欠进度|本期目标为零/);
					explained += 1;
				}
			}
		}
		// The rule was exercised, not only vacuously true.
		expect(explained).toBeGreaterThan(0);
	});

	test('a task whose own period target is zero is green, and a task on schedule reads 与序时进度持平', async ({
		page
	}) => {
		const { zeroTarget, level } = cityExamples();
		await open(page, city(`/tasks/${zeroTarget.taskId}`));
		// The zero-target period: its figures lag 序时进度 by more than 10 points, yet nothing was due.
		const zeroEntry = page
			.getByTestId('period')
			.filter({ hasText: /本期目标:\s*完成0[^.\d]/ })
			.filter({ has: page.getByTestId('progress') })
			.filter({ has: page.locator('[data-status="behind"], [data-status="not_started"]') })
			.first();
		await expect(zeroEntry.getByTestId('progress')).toHaveAttribute('data-light', 'green');
		// Green beside 欠进度 or 未启动 says why.
		await expect(zeroEntry.getByTestId('light-reason')).toHaveText('本期目标为零，不计黄灯');

		await open(page, city(`/tasks/${level.taskId}`));
		await expect(page.getByTestId('progress').filter({ hasText: '与序时进度持平' }).first()).toBeVisible();
		await expect(page.locator('body')).not.toContainText('高于序时进度 0 个百分点');
	});

	test('KPI changes say what they compare with', async ({ page }) => {
		await open(page, city('/?year=2024&quarter=2'));
		const changes = await page.getByTestId('kpi-change').allTextContents();
		expect(changes).toHaveLength(6);
		for (const change of changes) expect(change.trim()).toMatch(/^(较上期 [▲▼] \d+|较上期持平)$/);
		await open(page, city('/?year=2024&quarter=1'));
		for (const change of await page.getByTestId('kpi-change').allTextContents()) expect(change.trim()).toBe('无上期');
		await open(page, city('/?year=2024&quarter=2&lang=en'));
		for (const change of await page.getByTestId('kpi-change').allTextContents())
			expect(change.trim()).toMatch(/^([▲▼] \d+ vs previous period|no change vs previous period)$/);
	});

	test('the tile that counts ahead too is named for it, apart from the donut’s 达进度', async ({ page }) => {
		await open(page, city('/?year=2024&quarter=2&lang=en'));
		const tile = page.locator('[data-kpi="on_track"] .label');
		await expect(tile).toHaveText('On track or ahead');
		await open(page, city('/?year=2024&quarter=2'));
		await expect(page.locator('[data-kpi="on_track"] .label')).toHaveText('达到或超过进度');
		const donut = page.getByTestId('status-mix');
		await donut.getByRole('button', { name: '表格' }).click();
		await expect(donut.locator('thead')).toContainText('达进度');
		await expect(donut.locator('thead')).not.toContainText('达到或超过进度');
	});

	test('the year-over-year view: the same period of every year, each count equal to the rows it links to', async ({
		page
	}) => {
		const { district } = cityExamples();
		await open(page, city(`/?org=${district.id}&year=2024&quarter=2`));
		const panel = page.getByTestId('year-over-year');
		await expect(panel.locator('.echart')).toHaveAttribute('data-rendered', 'true');
		await panel.getByRole('button', { name: '表格' }).click();
		await expect(panel.locator('tbody th')).toHaveText(['2020年', '2021年', '2022年', '2023年', '2024年']);
		await expect(panel.locator('thead')).toContainText('平均完成率');
		await expect(panel.locator('thead')).toContainText('欠进度占比');
		const links = await panel
			.locator('tbody a')
			.evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, count: Number(a.textContent) })));
		expect(links.length).toBeGreaterThan(10);
		for (const { href, count } of links) {
			const params = new URL(href, page.url()).searchParams;
			expect(params.get('quarter'), href).toBe('2');
			expect(await rowsBehind(page, href), href).toBe(count);
		}
		// The share behind is the behind count over the year's total.
		const rows = await panel
			.locator('tbody tr')
			.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
		for (const cells of rows) {
			const [behind, total, share] = [Number(cells[3]), Number(cells[6]), cells.at(-1)!];
			expect(share).toBe(`${Math.round((behind / total) * 1000) / 10}%`);
		}
	});
});

test.describe('the trend chart', () => {
	/** A street whose mean completion passed 100% by the year's end (119.8% in the city preset's 2021 Q4). */
	async function streetAbove100(): Promise<string> {
		const db = new Database('data/e2e-city.db', { readonly: true, fileMustExist: true });
		try {
			const row = db
				.prepare(
					`select p.organization_id as id, u.period_id, avg(u.percent) as mean from updates u
					 join tasks t on t.id = u.task_id join plans p on p.id = t.plan_id
					 where u.superseded_at is null and u.percent is not null
					   and not exists (select 1 from organizations c where c.parent_id = p.organization_id)
					 group by 1, 2 order by mean desc limit 1`
				)
				.get() as { id: number; period_id: number };
			const period = db.prepare('select year, quarter from periods where id = ?').get(row.period_id) as {
				year: number;
				quarter: number;
			};
			return `/?org=${row.id}&year=${period.year}&quarter=${period.quarter}`;
		} finally {
			db.close();
		}
	}

	for (const width of [1366, 390]) {
		test(`at ${width} wide: the axis reaches the highest line, the table has the lines, no legend covers the axis`, async ({
			page
		}) => {
			await page.setViewportSize({ width, height: 844 });
			await open(page, city(await streetAbove100()));
			const chart = page.getByTestId('across-periods').locator('.echart');
			await expect(chart).toHaveAttribute('data-rendered', 'true');
			const layout = await chart.evaluate((el) => {
				type Rect = { x: number; y: number; width: number; height: number };
				type View = { group: { getBoundingRect(): Rect; x: number; y: number } };
				const instance = (
					el as unknown as {
						echarts: {
							getOption(): { series: { id: string; data: (number | null)[] }[]; yAxis: { max: number }[] };
							getModel(): {
								getComponent(kind: string, i?: number): { coordinateSystem?: { getRect(): Rect } } | undefined;
							};
							getViewOfComponentModel(model: unknown): View;
						};
					}
				).echarts;
				const option = instance.getOption();
				const line = option.series.find((s) => s.id === 'progress')!.data.filter((v): v is number => v !== null);
				const model = instance.getModel();
				const legends = [0, 1].flatMap((i) => {
					const legend = model.getComponent('legend', i);
					if (!legend) return [];
					const view = instance.getViewOfComponentModel(legend);
					const r = view.group.getBoundingRect();
					return [{ top: r.y + view.group.y, bottom: r.y + view.group.y + r.height }];
				});
				const grid = model.getComponent('grid')!.coordinateSystem!.getRect();
				return { max: option.yAxis[0].max, highest: Math.max(...line), legends, grid };
			});
			expect(layout.highest).toBeGreaterThan(100);
			expect(layout.max).toBeGreaterThanOrEqual(layout.highest);
			// The top legend ends above the top axis label (half a 12 px line above the grid); the bottom one
			// starts below the category labels (a line under the grid).
			const [top, bottom] = layout.legends;
			expect(top.bottom).toBeLessThan(layout.grid.y - 8);
			expect(bottom.top).toBeGreaterThan(layout.grid.y + layout.grid.height + 14);

			const panel = page.getByTestId('across-periods');
			await panel.getByRole('button', { name: '表格' }).click();
			await expect(panel.locator('thead')).toContainText('序时进度(%)');
			await expect(panel.locator('thead')).toContainText('平均完成率(%)');
			const lastColumn = await panel.locator('tbody tr td:last-child').allTextContents();
			expect(Math.max(...lastColumn.filter((v) => v !== '—').map(Number))).toBe(layout.highest);
		});
	}
});

test.describe('on the bundled report', () => {
	test.use({ viewport: { width: 1366, height: 768 } });

	test('inferred statuses are explained, with their share and a link to exactly those tasks', async ({ page }) => {
		await open(page, '/?org=新街街道&year=2024&quarter=2');
		const note = page.getByTestId('inferred-note');
		await expect(note).toContainText('浅色、虚线边框、标 * 的状态是推断的');
		const inferred = Number(
			await page
				.locator('[data-kpi="tasks"] .inferred')
				.textContent()
				.then((t) => t!.match(/\d+/)![0])
		);
		const total = Number(await page.locator('[data-kpi="tasks"]').getByTestId('kpi-count').textContent());
		await expect(note).toContainText(
			`本期 ${total} 项任务中 ${inferred} 项（${Math.round((inferred / total) * 1000) / 10}%）`
		);
		const link = page.getByTestId('inferred-link');
		const href = (await link.getAttribute('href'))!;
		expect(new URL(href, page.url()).searchParams.get('source')).toBe('inferred');
		await link.click();
		await page.waitForURL(/source=inferred/);
		await expect(page.getByTestId('task-total')).toHaveText(String(inferred));
	});

	test('the attention count and its list agree on the bundled report too', async ({ page }) => {
		await open(page, '/?org=新街街道&year=2024&quarter=2');
		const total = Number(await page.getByTestId('attention-total').textContent());
		await page.goto(`/tasks?org=新街街道&year=2024&quarter=2&attention=1`);
		await expect(page.getByTestId('task-total')).toHaveText(String(total));
	});
});
