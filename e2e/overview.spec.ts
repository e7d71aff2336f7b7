import { expect, test, type Page } from '@playwright/test';
import { open } from './open';

/** The seed's categories as the overview counts them: under their keys (the report types ASCII commas). */
const CATEGORIES = [
	'坚持引育并举，全力保稳促调，增强经济发展支撑力',
	'坚持环境提质，聚焦美丽创建，增强区域发展新魅力',
	'坚持以人为本，提升公共服务，不断提高群众满意率',
	'坚持干群合力，优化基层治理，发挥共享共治源动力'
];

/** The pixel centre of one stacked-bar segment, from the live ECharts instance, and what it counts. */
async function segmentCentre(page: Page, panel: string, row: number) {
	const chart = page.getByTestId(panel).locator('.echart');
	await expect(chart).toHaveAttribute('data-rendered', 'true');
	const box = (await chart.boundingBox())!;
	const hit = await chart.evaluate((el, row) => {
		type Series = { id: string; data: (number | null)[] };
		const instance = (
			el as unknown as {
				echarts: { getOption(): { series: Series[] }; convertToPixel(f: object, v: unknown[]): number[] };
			}
		).echarts;
		const series = instance.getOption().series;
		let start = 0;
		for (const s of series) {
			const value = s.data[row];
			if (value) {
				const [x, y] = instance.convertToPixel({ seriesId: s.id }, [start + value / 2, row]);
				return { x, y, value, id: s.id };
			}
			start += s.data[row] ?? 0;
		}
		throw new Error('no segment in row');
	}, row);
	return { x: box.x + hit.x, y: box.y + hit.y, value: hit.value, id: hit.id };
}

test.describe('motion', () => {
	for (const [reducedMotion, animated] of [
		['no-preference', true],
		['reduce', false]
	] as const) {
		test(`charts ${animated ? 'animate' : 'are drawn at once'} when the system asks for ${reducedMotion}`, async ({
			page
		}) => {
			await page.emulateMedia({ reducedMotion });
			await open(page, '/?org=新街街道&year=2024&quarter=2');
			const chart = page.getByTestId('by-category').locator('.echart');
			await expect(chart).toHaveAttribute('data-rendered', 'true');
			const animation = await chart.evaluate(
				(el) => (el as unknown as { echarts: { getOption(): { animation: unknown } } }).echarts.getOption().animation
			);
			expect(animation !== false).toBe(animated);
		});
	}
});

test.describe('overview', () => {
	test.use({ viewport: { width: 1920, height: 1080 } });

	test('shows the seed’s 12 tasks in four categories, and a bar segment drills down to exactly its tasks', async ({
		page
	}) => {
		await open(page, '/?org=新街街道&year=2024&quarter=2');
		await expect(page.locator('[data-kpi="tasks"]').getByTestId('kpi-count')).toHaveText('12');
		const panel = page.getByTestId('by-category');
		await panel.getByRole('button', { name: '表格' }).click();
		await expect(panel.locator('tbody th')).toHaveText(CATEGORIES);
		const totals = await panel.locator('tbody tr td:last-child').allTextContents();
		expect(totals.map(Number)).toEqual([3, 3, 3, 3]);
		await panel.getByRole('button', { name: '图表' }).click();

		await page.screenshot({ path: 'test-results/overview-1920x1080.png', fullPage: false });

		const segment = await segmentCentre(page, 'by-category', 2);
		const [status, source] = segment.id.split('|');
		await page.mouse.click(segment.x, segment.y);
		await page.waitForURL(/\/tasks\?/);
		const url = new URL(page.url());
		expect(url.searchParams.get('org')).toBe('新街街道');
		expect(url.searchParams.get('category')).toBe(CATEGORIES[2]);
		expect(url.searchParams.get('status')).toBe(status);
		expect(url.searchParams.get('source')).toBe(source);
		await expect(page.getByTestId('task-row')).toHaveCount(segment.value);
	});

	test('a KPI tile opens the tasks it counts', async ({ page }) => {
		await open(page, '/?org=新街街道&year=2024&quarter=2');
		const tile = page.locator('[data-kpi="tasks"]');
		await tile.getByRole('link').click();
		await page.waitForURL(/\/tasks\?/);
		await expect(page.getByTestId('task-row')).toHaveCount(12);
	});

	test('English keeps the filters and survives a reload; Chinese comes back on the switch', async ({ page }) => {
		await open(page, '/?org=新街街道&year=2024&quarter=2');
		await expect(page.getByRole('heading', { name: '按任务类别' })).toBeVisible();
		// The root element names the page's language, for fonts and screen readers.
		await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
		await page.getByRole('link', { name: 'English' }).click();
		await expect(page.getByRole('heading', { name: 'By category' })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('新街街道 · 2024 Q2');
		expect(new URL(page.url()).searchParams.get('org')).toBe('新街街道');
		await page.reload();
		await expect(page.getByRole('heading', { name: 'By category' })).toBeVisible();
		await expect(page.locator('[data-kpi="tasks"]').getByTestId('kpi-count')).toHaveText('12');
		// Task text is never translated.
		await expect(page.getByTestId('by-category').getByRole('button', { name: 'Table' })).toBeVisible();
		await page.getByTestId('by-category').getByRole('button', { name: 'Table' }).click();
		await expect(page.getByTestId('by-category').locator('tbody th').first()).toHaveText(CATEGORIES[0]);
		await page.getByRole('link', { name: '中文' }).click();
		await expect(page.getByRole('heading', { name: '按任务类别' })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	});

	test('a bad filter value is a 400 that names the parameter', async ({ page }) => {
		const response = await page.goto('/?year=abc');
		expect(response?.status()).toBe(400);
		await expect(page.locator('body')).toContainText('year');
		const unknown = await page.goto('/?org=不存在的街道');
		expect(unknown?.status()).toBe(400);
		await expect(page.locator('body')).toContainText('不存在的街道');
	});

	test('error pages speak the page language: Chinese by default, English on the switch', async ({ page }) => {
		await page.goto('/?year=abc');
		await expect(page.getByTestId('error')).toContainText('网址参数有误');
		await expect(page.getByTestId('error-detail')).toHaveText('year: “abc”不是 1949 到 2200 之间的整数');
		await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
		await page.goto('/?year=abc&lang=en');
		await expect(page.getByTestId('error-detail')).toHaveText('year: "abc" is not a whole number from 1949 to 2200');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		const english = await page.getByTestId('error').innerText();
		expect(english).not.toMatch(/[\u3400-\u9fff]/);
		const missing = await page.goto('/tasks/999999999');
		expect(missing?.status()).toBe(404);
		await expect(page.getByTestId('error')).toContainText('找不到这个页面');
		await page.goto('/tasks/999999999?lang=en');
		await expect(page.getByTestId('error')).toContainText('This page does not exist');
	});
});
