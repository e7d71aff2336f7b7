import { expect, test } from '@playwright/test';
import { city } from './city';
import { open } from './open';
import { findOverflow } from './overflow';
import { signIn } from './sign-in';

test('the overflow check finds text wider than its box and a box outside the page, and passes a scroller', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.setContent(`<main>
		<p id="cut" style="width: 80px; white-space: nowrap">坚持以人为本，补齐民生短板，不断提高群众满意率</p>
		<div id="wide" style="width: 600px">宽</div>
		<div style="overflow-x: auto; width: 200px"><table><tr><td style="white-space: nowrap">在滚动框里的很长很长很长很长的一行文字</td></tr></table></div>
	</main>`);
	const found = await findOverflow(page);
	expect(found.some((line) => line.startsWith('p#cut') && line.includes('text'))).toBe(true);
	expect(found.some((line) => line.startsWith('div#wide') && line.includes('outside'))).toBe(true);
	expect(found.filter((line) => line.includes('滚动框'))).toEqual([]);
});

const SIZES = [
	{ name: 'laptop', width: 1366, height: 768 },
	{ name: 'phone', width: 390, height: 844 }
];

for (const size of SIZES) {
	test.describe(`on the city at ${size.width}×${size.height}`, () => {
		test.use({ viewport: { width: size.width, height: size.height } });

		for (const path of ['/', '/tasks', '/?org=3']) {
			test(`no text overflows its box on ${path}`, async ({ page }) => {
				await open(page, city(path));
				// The charts have drawn (their labels are canvas, measured by the chart itself).
				for (const chart of await page.locator('.echart').all())
					await expect(chart).toHaveAttribute('data-rendered', 'true');
				expect(await findOverflow(page)).toEqual([]);
			});
		}
	});
}

for (const size of SIZES) {
	test.describe(`the staff and admin pages at ${size.width}×${size.height}`, () => {
		test.use({ viewport: { width: size.width, height: size.height } });

		test('no text overflows its box on /import, /imports, /admin/users, /audit, a task page', async ({
			page,
			context,
			baseURL
		}) => {
			await signIn(context, baseURL!, 'admin', '萧山区');
			const found: Record<string, string[]> = {};
			for (const path of ['/import', '/imports', '/admin/users', '/audit', '/tasks?org=新街街道']) {
				await open(page, path);
				found[path] = await findOverflow(page);
			}
			// A task page with the editor's confirm form on it.
			await page.getByTestId('task-link').first().click();
			await expect(page.getByTestId('status-confirm')).toBeVisible();
			found['a task page'] = await findOverflow(page);
			expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
		});
	});
}

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('tables scroll sideways inside their box with the first column fixed', async ({ page }) => {
		await open(page, city('/tasks'));
		const scroller = page
			.locator('.table-wrap, .scroll')
			.filter({ has: page.locator('table') })
			.first();
		const { scrolls, pageWide } = await scroller.evaluate((el) => ({
			scrolls: el.scrollWidth > el.clientWidth,
			pageWide: document.documentElement.scrollWidth <= document.documentElement.clientWidth
		}));
		expect(scrolls).toBe(true);
		expect(pageWide).toBe(true);
		const firstCell = scroller.locator('tbody tr').first().locator('td, th').first();
		const before = (await firstCell.boundingBox())!.x;
		await scroller.evaluate((el) => el.scrollBy(200, 0));
		await page.waitForTimeout(100);
		expect((await firstCell.boundingBox())!.x).toBe(before);
		expect(await firstCell.evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
	});

	test('the donut’s legend names each status with its count, and each count is the rows its link lists', async ({
		page
	}) => {
		await open(page, city('/'));
		const panel = page.getByTestId('status-mix');
		await expect(panel.locator('.echart')).toHaveAttribute('data-rendered', 'true');
		// The ring carries no label of its own: the legend under it names every slice.
		const labelShown = await panel.locator('.echart').evaluate((el) => {
			const option = (
				el as unknown as { echarts: { getOption(): { series: { label: { show: boolean } }[]; legend?: unknown[] } } }
			).echarts.getOption();
			return option.series[0].label.show || (option.legend?.length ?? 0) > 0;
		});
		expect(labelShown).toBe(false);
		const links = await panel
			.getByTestId('status-legend')
			.locator('a')
			.evaluateAll((as) =>
				as.map((a) => ({
					href: a.getAttribute('href')!,
					n: Number(a.querySelector('[data-testid="legend-count"]')!.textContent)
				}))
			);
		expect(links.length).toBeGreaterThan(2);
		const total = Number(await page.locator('[data-kpi="tasks"]').getByTestId('kpi-count').textContent());
		expect(links.reduce((sum, link) => sum + link.n, 0)).toBe(total);
		for (const { href, n } of links) {
			await page.goto(new URL(href, page.url()).toString());
			expect(Number(await page.getByTestId('task-total').textContent()), href).toBe(n);
		}
	});

	test('the category chart’s labels take at most two fifths of its width and every label fits', async ({ page }) => {
		await open(page, city('/'));
		const chart = page.getByTestId('by-category').locator('.echart');
		await expect(chart).toHaveAttribute('data-rendered', 'true');
		const { width, labelWidth, labels } = await chart.evaluate((el) => {
			const instance = (
				el as unknown as {
					echarts: {
						getWidth(): number;
						getOption(): {
							yAxis: { axisLabel: { width: number; formatter: (v: string) => string }; data: string[] }[];
						};
					};
				}
			).echarts;
			const axis = instance.getOption().yAxis[0];
			return {
				width: instance.getWidth(),
				labelWidth: axis.axisLabel.width,
				labels: axis.data.map((v) => axis.axisLabel.formatter(v))
			};
		});
		expect(labelWidth).toBeLessThanOrEqual(width * 0.4 + 1);
		// Every line of every wrapped label fits the label width (12 px characters).
		for (const label of labels) {
			for (const line of label.split('\n')) expect([...line].length * 12, line).toBeLessThanOrEqual(labelWidth + 12);
		}
	});
});
