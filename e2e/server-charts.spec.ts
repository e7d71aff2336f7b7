import { expect, test, type Page } from '@playwright/test';
import { findOverflow } from './overflow';

/** The overview's first chart: on all organizations, the heatmap of the compared units (杭州市, 绍兴市). */
const firstChart = (page: Page) => page.getByTestId('heatmap');

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test("the overview's first chart is in the page, drawn by the server, and only the first", async ({ page }) => {
		await page.goto('/');
		const panel = firstChart(page);
		await expect(panel.getByRole('heading', { level: 2 })).toBeVisible();
		const svg = panel.locator('.server-drawn svg');
		await expect(svg).toBeVisible();
		for (const unit of ['杭州市', '绍兴市'])
			await expect(svg.locator('text', { hasText: unit }).first()).toBeAttached();
		const box = (await svg.boundingBox())!;
		expect(box.width).toBeGreaterThan(100);
		expect(box.height).toBeGreaterThan(100);
		await expect(page.locator('.server-drawn svg')).toHaveCount(1);
	});
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
