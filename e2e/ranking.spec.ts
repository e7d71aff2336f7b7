import { expect, test, type Locator, type Page } from '@playwright/test';
import { city } from './city';
import { open } from './open';
import { rowsBehind } from './rows-behind';

/** Each link's count and address, read before the page is left. */
async function countLinks(links: Locator, limit: number): Promise<{ n: number; href: string }[]> {
	const out = [];
	for (const link of (await links.all()).slice(0, limit)) {
		out.push({ n: Number(await link.textContent()), href: (await link.getAttribute('href'))! });
	}
	return out;
}

const params = (page: Page) => new URL(page.url()).searchParams;

test.describe('comparing organizations on the city data', () => {
	test.use({ viewport: { width: 1920, height: 1080 } });

	test('each count of the ranking equals the rows /tasks lists behind it', async ({ page }) => {
		await page.goto(city('/?year=2024&quarter=3&theme=民生'));
		const ranking = page.getByTestId('ranking');
		// All organizations of a one-city database compare the city's districts.
		await expect(ranking.getByTestId('ranking-row')).toHaveCount(10);
		const cells = [
			...(await countLinks(ranking.getByTestId('ranking-row').nth(0).getByTestId('ranking-count'), 4)),
			...(await countLinks(ranking.getByTestId('ranking-row').nth(7).getByTestId('ranking-count'), 4))
		];
		expect(cells.length).toBeGreaterThanOrEqual(6);
		for (const cell of cells) {
			expect(cell.href).toContain('theme=');
			expect(await rowsBehind(page, cell.href), cell.href).toBe(cell.n);
		}
	});

	test('sorting is by header buttons that say their order', async ({ page }) => {
		await open(page, city('/?org=49&year=2024&quarter=2'));
		const ranking = page.getByTestId('ranking');
		const header = ranking.locator('th', { has: page.getByRole('button', { name: '按任务数排序' }) });
		await expect(header).toHaveAttribute('aria-sort', 'none');
		await header.getByRole('button').focus();
		await page.keyboard.press('Enter');
		await expect(header).toHaveAttribute('aria-sort', 'descending');
		const tasks = async () =>
			(await ranking.locator('td[data-column="tasks"]').allTextContents()).map((text) => Number(text));
		const down = await tasks();
		expect(down).toEqual([...down].sort((a, b) => b - a));
		await page.keyboard.press('Enter');
		await expect(header).toHaveAttribute('aria-sort', 'ascending');
		expect(await tasks()).toEqual([...down].reverse().sort((a, b) => a - b));
	});

	test('drilling city → district → street and back up by the breadcrumb keeps year and category', async ({ page }) => {
		await open(page, city('/?org=1&year=2023&quarter=3&category=提升城市功能品质'));
		const byTasks = page.getByRole('button', { name: '按任务数排序' });
		const drillToLargest = async () => {
			await byTasks.click();
			const first = page.getByTestId('ranking-row').first().getByTestId('ranking-scope');
			const name = (await first.textContent())!;
			await first.click();
			await expect(page.locator('h1')).toContainText(name);
			return name;
		};
		const district = await drillToLargest();
		expect(params(page).get('category')).toBe('提升城市功能品质');
		const street = await drillToLargest();
		const crumbs = page.getByTestId('breadcrumb');
		await expect(crumbs.getByRole('listitem')).toHaveText(['全部单位', /州市$/, district, street]);
		for (const [name, org] of [
			[district, true],
			['全部单位', false]
		] as const) {
			await page.getByTestId('breadcrumb').getByRole('link', { name }).click();
			await expect(page.locator('h1')).toContainText(org ? name : '全部单位');
			expect(Object.fromEntries(params(page))).toMatchObject({
				year: '2023',
				quarter: '3',
				category: '提升城市功能品质'
			});
			expect(params(page).has('org')).toBe(org);
		}
	});

	test('the heatmap table’s cells equal the rows /tasks lists, by category and by theme', async ({ page }) => {
		for (const by of ['按任务类别', '按主题']) {
			await open(page, city('/?org=49&year=2024&quarter=4'));
			const panel = page.getByTestId('heatmap');
			await expect(panel.locator('.echart')).toHaveAttribute('data-rendered', 'true');
			await panel.getByRole('button', { name: '表格' }).click();
			await panel.getByRole('button', { name: by }).click();
			const table = panel.getByTestId('heatmap-table');
			const cells = [
				...(await countLinks(table.getByTestId('heatmap-behind'), 3)),
				...(await countLinks(table.getByTestId('heatmap-tasks'), 3))
			];
			expect(cells).toHaveLength(6);
			for (const cell of cells) expect(await rowsBehind(page, cell.href), cell.href).toBe(cell.n);
		}
	});

	test('the stamp names the period’s latest publish date and import, and says every unit reported', async ({
		page
	}) => {
		await page.goto(city('/?org=49&year=2024&quarter=2'));
		const stamp = page.getByTestId('data-as-of');
		await expect(stamp).toContainText(/最新报告发布日期 2024-\d\d-\d\d/);
		await expect(stamp).toContainText(/最近导入 \d{4}-\d\d-\d\d \d\d:\d\d（北京时间）/);
		const rows = await page.getByTestId('ranking-row').count();
		await expect(stamp.getByTestId('all-reported')).toContainText(`${rows} 个下级单位均已报送本期`);
		await expect(page.getByTestId('not-reported')).toHaveCount(0);
		// A street compares nothing: its own plan's periods of the selected year are listed instead.
		await page.goto(city('/?org=50&year=2022'));
		await expect(page.getByTestId('ranking')).toHaveCount(0);
		await expect(page.getByTestId('plan-period')).toHaveCount(4);
		await expect(page.locator('section.plans')).toContainText('2022');
		await expect(page.locator('section.plans')).not.toContainText('2024');
	});

	test('English mode has no Chinese in the comparison views outside data values', async ({ page }) => {
		await open(page, city('/?org=49&year=2024&quarter=2&lang=en'));
		const heatmap = page.getByTestId('heatmap');
		await heatmap.getByRole('button', { name: 'Table' }).click();
		for (const by of ['By category', 'By theme']) {
			await heatmap.getByRole('button', { name: by }).click();
			for (const id of ['breadcrumb', 'data-as-of', 'ranking', 'heatmap']) {
				const text = await page.getByTestId(id).evaluate((root) => {
					let text = (root as HTMLElement).innerText;
					// Data values (unit, category and theme names) are the reports' own words.
					const values = [...root.querySelectorAll('[translate="no"]')].map((e) => e.textContent!.trim());
					for (const value of values.sort((a, b) => b.length - a.length)) text = text.replaceAll(value, '');
					return text;
				});
				expect(text, id).not.toMatch(/[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/);
			}
		}
	});
});

test.describe('silence on the bundled reports', () => {
	test('a district whose street has not reported for the period names it and draws no zeros for it', async ({
		page
	}) => {
		// 萧山区 reported for 2020 上半年; its street 新街街道 only for 2024 Q2.
		await page.goto('/?org=萧山区&year=2020');
		// (Another street may have been imported for 2024 Q2 by an earlier test: it is silent in 2020 too.)
		const silent = page.getByTestId('silent-children');
		await expect(silent.getByTestId('silent-child').first()).toBeVisible();
		const names = await silent.getByTestId('silent-child').allTextContents();
		expect(names).toContain('新街街道');
		await expect(silent).toHaveAttribute('data-count', String(names.length));
		await expect(silent).toContainText(`${names.length} 个下级单位未报送本期`);
		const row = page.getByTestId('ranking-row').filter({ hasText: '新街街道' });
		await expect(row.getByTestId('not-reported')).toHaveText('未报送');
		await expect(row.getByTestId('ranking-count')).toHaveCount(0);
		// No unit has a task to colour: no heatmap rather than an empty one.
		await expect(page.getByTestId('heatmap')).toHaveCount(0);
		// The same street in its own period has reported.
		await page.goto('/?org=萧山区&year=2024');
		await expect(page.getByTestId('all-reported')).toContainText(/\d+ 个下级单位均已报送本期/);
		await expect(page.getByTestId('ranking-row').getByTestId('ranking-count').first()).toBeVisible();
	});
});

test.describe('no text overflows its box', () => {
	for (const viewport of [
		{ width: 1366, height: 768 },
		{ width: 390, height: 844 }
	]) {
		test(`${viewport.width}×${viewport.height}, both languages`, async ({ page }) => {
			await page.setViewportSize(viewport);
			// A district (27 streets, a breadcrumb) and all organizations (the city's 10 districts).
			for (const [lang, scope] of [
				['zh', 'org=49&year=2024&quarter=2'],
				['en', 'org=49&year=2024&quarter=2'],
				['zh', 'year=2024&quarter=3'],
				['en', 'year=2024&quarter=3']
			]) {
				await page.goto(city(`/?${scope}&lang=${lang}`));
				for (const id of scope.startsWith('org=')
					? ['breadcrumb', 'data-as-of', 'ranking', 'heatmap']
					: ['data-as-of', 'ranking', 'heatmap']) {
					const root = page.getByTestId(id);
					const box = (await root.boundingBox())!;
					expect(box.x + box.width, `${id} fits the page`).toBeLessThanOrEqual(viewport.width + 0.5);
					const overflowing = await root.evaluate((el) =>
						[...el.querySelectorAll('h2, p, th, td, button, li, a, strong, span')]
							.filter((e) => {
								const style = getComputedStyle(e);
								if (style.display === 'inline') return false;
								// A box that scrolls on purpose (the tables' wrappers) is not overflow.
								if (/auto|scroll/.test(style.overflowX)) return false;
								return e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1;
							})
							.map((e) => `${e.tagName} “${e.textContent!.trim().slice(0, 30)}” ${e.scrollWidth}>${e.clientWidth}`)
					);
					expect(overflowing, `${lang} ${id}`).toEqual([]);
				}
			}
		});
	}
});
