import { expect, test, type Page } from '@playwright/test';
import { findOverflow } from './overflow';

/** The overview's first chart, drawn on the server: the status mix, first in the first screen. */
const firstChart = (page: Page) => page.getByTestId('status-mix');

/** All organizations (a region of units), a city, and one unit with no units below it. */
const SCOPES = ['/', '/?org=杭州市', '/?org=新街街道&year=2024&quarter=2'];

/** The donut's legend as the server drew it: one "status count" per status in the period. */
async function legendOf(svg: ReturnType<Page['locator']>): Promise<string[]> {
	const texts = await svg.locator('text').allTextContents();
	return texts.filter((text) => /^(已完成|超进度|达进度|欠进度|未启动|无法判断) \d+$/.test(text));
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test("the overview's first chart is in the page, drawn by the server, and only the first", async ({ page }) => {
		await page.goto('/');
		const panel = firstChart(page);
		await expect(panel.getByRole('heading', { level: 2 })).toBeVisible();
		const svg = panel.locator('.server-drawn svg');
		await expect(svg).toBeVisible();
		// Its legend names each status with its count, as the browser's chart does, and adds up to the tasks.
		const legend = await legendOf(svg);
		expect(legend.length).toBeGreaterThan(0);
		const tasks = Number(await page.locator('[data-kpi="tasks"]').getByTestId('kpi-count').textContent());
		expect(legend.reduce((sum, entry) => sum + Number(entry.split(' ')[1]), 0)).toBe(tasks);
		const box = (await svg.boundingBox())!;
		expect(box.width).toBeGreaterThan(100);
		expect(box.height).toBeGreaterThan(100);
		await expect(page.locator('.server-drawn svg')).toHaveCount(1);
	});

	test('filters that leave the period empty: no donut, and no chart further down drawn in its place', async ({
		page
	}) => {
		await page.goto(`/?category=${encodeURIComponent('没有这个类别')}`);
		await expect(firstChart(page).getByTestId('chart-empty')).toBeVisible();
		await expect(page.locator('.server-drawn')).toHaveCount(0);
	});

	test('the deck, which opens on its title slide, draws no chart on the server', async ({ page }) => {
		await page.goto('/present');
		await expect(page.locator('[data-slide="1"]')).toHaveAttribute('data-kind', 'title');
		await expect(page.locator('[data-kind="kpi"]')).toHaveCount(1);
		await expect(page.locator('.server-drawn')).toHaveCount(0);
	});
});

for (const viewport of [
	{ width: 1920, height: 1080 },
	{ width: 1366, height: 768 }
])
	test(`at ${viewport.width}×${viewport.height} the server's chart is in the first screen of a region, a city and a unit`, async ({
		browser
	}) => {
		const page = await browser.newPage({ viewport, javaScriptEnabled: false });
		for (const url of SCOPES) {
			await page.goto(url);
			const box = (await firstChart(page).locator('.server-drawn svg').boundingBox())!;
			// Most of the donut is seen without scrolling: 200 px of it at least (it is 300 px tall).
			expect(Math.min(box.y + box.height, viewport.height) - box.y, url).toBeGreaterThanOrEqual(200);
		}
		await page.close();
	});

for (const viewport of [
	{ width: 1366, height: 768 },
	{ width: 390, height: 844 }
])
	test(`at ${viewport.width} px the chart's box does not move when the browser draws it, nor does text overflow`, async ({
		browser
	}) => {
		const boxOf = async (javaScriptEnabled: boolean) => {
			const page = await browser.newPage({ viewport, javaScriptEnabled });
			await page.goto('/');
			const chart = firstChart(page).locator('.echart');
			if (javaScriptEnabled) await expect(chart).toHaveAttribute('data-rendered', 'true');
			const box = (await chart.boundingBox())!;
			if (javaScriptEnabled) expect(await findOverflow(page)).toEqual([]);
			await page.close();
			return box;
		};
		const drawnByServer = await boxOf(false);
		const drawnByBrowser = await boxOf(true);
		for (const side of ['x', 'y', 'width', 'height'] as const)
			expect(Math.abs(drawnByBrowser[side] - drawnByServer[side]), side).toBeLessThanOrEqual(1);
	});

test("the server's SVG stays until the browser's chart is drawn in its place, then goes", async ({ page }) => {
	// Notes, as it happens, whether the interactive chart beside the SVG was drawn when the SVG was taken away.
	await page.addInitScript(() => {
		const w = window as unknown as { svgRemoved?: { chartDrawn: boolean; canvas: boolean } };
		new MutationObserver((mutations) => {
			for (const m of mutations)
				for (const node of m.removedNodes)
					if (node instanceof Element && node.classList.contains('server-drawn') && !w.svgRemoved) {
						const chart = (m.target as Element).querySelector('.echart');
						w.svgRemoved = {
							chartDrawn: chart?.getAttribute('data-rendered') === 'true',
							canvas: !!chart?.querySelector('canvas')
						};
					}
		}).observe(document, { childList: true, subtree: true });
	});
	await page.goto('/');
	const chart = firstChart(page).locator('.echart');
	await expect(chart).toHaveAttribute('data-rendered', 'true');
	await expect(firstChart(page).locator('.server-drawn')).toHaveCount(0);
	expect(await page.evaluate(() => (window as unknown as { svgRemoved?: unknown }).svgRemoved)).toEqual({
		chartDrawn: true,
		canvas: true
	});
});
