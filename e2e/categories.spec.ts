import { expect, test, type Page } from '@playwright/test';
import { city } from './city';
import { open } from './open';

type Datum = number | null | { value: number };
/** The category chart as drawn: its row labels and each row's total over every series. */
async function drawnBars(page: Page) {
	const chart = page.getByTestId('by-category').locator('.echart');
	await expect(chart).toHaveAttribute('data-rendered', 'true');
	return chart.evaluate((el) => {
		const option = (
			el as unknown as {
				echarts: { getOption(): { yAxis: { data: string[] }[]; series: { data: Datum[] }[] } };
			}
		).echarts.getOption();
		const labels = option.yAxis[0].data;
		const value = (d: Datum) => (d === null ? 0 : typeof d === 'number' ? d : d.value);
		const totals = labels.map((_, i) => option.series.reduce((n, s) => n + value(s.data[i]), 0));
		return { labels, totals };
	});
}

const tileTotal = async (page: Page) =>
	Number(await page.locator('[data-kpi="tasks"]').getByTestId('kpi-count').textContent());

test.describe('the category chart on the city', () => {
	test.use({ viewport: { width: 1366, height: 768 } });

	test('adds up to the tiles: the largest categories by size, then one 其他 bar; the table lists every category', async ({
		page
	}) => {
		await open(page, city('/'));
		const { labels, totals } = await drawnBars(page);
		const total = await tileTotal(page);
		expect(totals.reduce((a, b) => a + b, 0)).toBe(total);
		expect(labels).toHaveLength(16);
		expect(labels[15]).toMatch(/^其他（\d+ 类）$/);
		const named = totals.slice(0, 15);
		expect(named).toEqual([...named].sort((a, b) => b - a));

		// The 其他 bar is no link: a click on it leaves the page where it is.
		const before = page.url();
		const chart = page.getByTestId('by-category').locator('.echart');
		const point = await chart.evaluate((el) => {
			const instance = (el as unknown as { echarts: { convertToPixel(f: object, v: unknown[]): number[] } }).echarts;
			return instance.convertToPixel({ seriesIndex: 0 }, [1, 15]);
		});
		const box = (await chart.boundingBox())!;
		await page.mouse.click(box.x + point[0], box.y + point[1]);
		await page.waitForTimeout(300);
		expect(page.url()).toBe(before);

		// The table: every category, each row a link to its own tasks, the same total.
		await page.getByTestId('by-category').getByRole('button', { name: '表格' }).click();
		const rows = page.getByTestId('by-category').locator('tbody tr');
		const count = Number(
			/共 (\d+) 个类别/.exec((await page.getByTestId('by-category').locator('.note').textContent())!)![1]
		);
		await expect(rows).toHaveCount(count);
		expect(count).toBe(15 + Number(/(\d+)/.exec(labels[15])![1]));
		const rowTotals = (await rows.locator('td:last-child').allTextContents()).map(Number);
		expect(rowTotals.reduce((a, b) => a + b, 0)).toBe(total);
		expect(await rows.locator('th').allTextContents()).toEqual(expect.arrayContaining(labels.slice(0, 15)));
	});

	test('one category typed with ASCII or full-width commas is one row, whose link lists its tasks', async ({
		page
	}) => {
		await open(page, city('/'));
		await page.getByTestId('by-category').getByRole('button', { name: '表格' }).click();
		const names = await page.getByTestId('by-category').locator('tbody th').allTextContents();
		const folded = names.map((n) => n.replace(/,/g, '，').replace(/\s+/g, ''));
		expect(new Set(folded).size).toBe(names.length);
		expect(names.filter((n) => n.includes(','))).toEqual([]);

		const row = page.getByTestId('by-category').locator('tbody tr', { hasText: '坚持以人为本，' }).first();
		const link = row.locator('td:last-child a');
		const shown = Number(await link.textContent());
		await link.click();
		await expect(page.getByTestId('task-total')).toHaveText(String(shown));
	});

	test('the slides show the categories in the page’s order', async ({ page }) => {
		await open(page, city('/'));
		const { labels } = await drawnBars(page);
		await page.goto(city('/present?slides=categories&print=1'));
		const sheets = page.getByTestId('sheet').locator('article[aria-label]');
		await expect(sheets.first()).toBeVisible();
		// A category with more tasks than a slide holds continues on slides marked （续）: one title per category.
		const titles = (await sheets.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')!)))
			.map((l) => l.replace(/^\d+ \/ \d+: /, ''))
			.filter((title) => !title.endsWith('（续）'));
		expect(titles).toEqual(labels.slice(0, 15));
		// The slide's donut fills its half of the slide, not a sliver of it.
		await open(page, city('/present?slides=categories'));
		const donut = page.getByTestId('current-slide').locator('.echart');
		await expect(donut).toHaveAttribute('data-rendered', 'true');
		const slide = (await page.getByTestId('current-slide').boundingBox())!;
		expect((await donut.boundingBox())!.height).toBeGreaterThan(slide.height * 0.4);
	});

	test('an empty result says so instead of drawing empty axes, on every chart', async ({ page }) => {
		// The city's reports confirm no status by hand, so no task is both ahead and confirmed: nothing to count.
		await open(page, city('/?status=ahead&source=confirmed'));
		for (const id of ['by-category', 'status-mix', 'by-theme', 'across-periods']) {
			await expect(page.getByTestId(id).getByTestId('chart-empty')).toBeVisible();
			await expect(page.getByTestId(id).locator('.echart')).toHaveCount(0);
		}
	});
});
