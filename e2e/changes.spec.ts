import { expect, test, type Page } from '@playwright/test';
import { city } from './city';
import { hydrated, open } from './open';
import { findOverflow } from './overflow';

/** How many rows /tasks lists at a link's address (the number beside "共 … 项"). */
async function listed(page: Page, href: string): Promise<number> {
	await open(page, city(href));
	return Number(await page.getByTestId('task-total').textContent());
}

/** Every count link of the change panel, as [kind, count, href]. */
async function panelCounts(page: Page) {
	const links = page.getByTestId('changes').getByTestId('change-count');
	const out: [string, number, string][] = [];
	for (const link of await links.all()) {
		out.push([
			(await link.getAttribute('data-kind'))!,
			Number(await link.locator('.n').textContent()),
			(await link.getAttribute('href'))!
		]);
	}
	return out;
}

test.describe('what changed since the last meeting, on the city', () => {
	test.use({ viewport: { width: 1366, height: 768 } });

	test('every count of the panel is the number of rows its link lists', async ({ page }) => {
		await open(page, city('/'));
		await expect(page.getByTestId('changes-since')).toBeVisible();
		const counts = await panelCounts(page);
		expect(counts).toHaveLength(7);
		// A city quarter changes: not everything can be unchanged.
		expect(counts.filter(([kind, n]) => kind !== 'unchanged' && n > 0).length).toBeGreaterThan(1);
		const longBehind = Number(await page.getByTestId('long-behind-total').textContent());
		const longBehindHref = await page.getByTestId('long-behind-all').getAttribute('href');
		// One organization's row of the per-organization table, and its total.
		const orgRow = page.getByTestId('changes').locator('details').last().locator('tbody tr').first();
		const orgCells = orgRow.locator('td a');
		const orgTotal = Number(await orgCells.last().textContent());
		const orgHref = (await orgCells.last().getAttribute('href'))!;
		const orgFirst = Number(await orgCells.first().textContent());
		const orgFirstHref = (await orgCells.first().getAttribute('href'))!;
		// A zero is plain text, as in the other count tables: every link in the panel's tables opens some tasks.
		const tables = page.getByTestId('changes').locator('details td');
		const cells = await tables.evaluateAll((tds) =>
			tds.map((td) => [td.textContent!.trim(), td.querySelector('a') !== null])
		);
		expect(cells.filter(([text]) => text === '0').length).toBeGreaterThan(0);
		expect(cells.filter(([text, linked]) => linked === (text === '0'))).toEqual([]);

		for (const [kind, n, href] of counts) {
			expect([kind, await listed(page, href)]).toEqual([kind, n]);
			if (n > 0) await expect(page.getByTestId('change-filter')).toBeVisible();
		}
		expect(longBehind).toBeGreaterThan(0);
		expect(await listed(page, longBehindHref!)).toBe(longBehind);
		await expect(page.getByTestId('streak-filter')).toBeVisible();
		expect(await listed(page, orgHref)).toBe(orgTotal);
		expect(await listed(page, orgFirstHref)).toBe(orgFirst);
	});

	test('a changed task’s page shows the change and marks the changed phrases of its status text', async ({ page }) => {
		await open(page, city('/'));
		const [, , href] = (await panelCounts(page)).find(([kind, n]) => kind === 'newly_behind' && n > 0)!;
		await open(page, city(href));
		await page.locator('table.tasks tbody tr a').first().click();
		await hydrated(page);
		await expect(page.getByTestId('task-change-kind')).toHaveText('新增欠进度');
		const diff = page.getByTestId('status-diff');
		await expect(diff).toBeVisible();
		expect(await diff.locator('ins, del').count()).toBeGreaterThan(0);
		// Text, not markup: the parts are exactly the report's words.
		expect(await diff.locator('ins *, del *').count()).toBe(0);
		expect(await findOverflow(page, '[data-testid="task-change"]')).toEqual([]);
	});

	test('a bad since is a 400 that names the parameter', async ({ page }) => {
		const response = await page.goto(city('/?year=2024&quarter=2&since=q3'));
		expect(response?.status()).toBe(400);
		await expect(page.locator('body')).toContainText('since');
	});

	for (const width of [1366, 390]) {
		test(`the panel fits at ${width} px`, async ({ page }) => {
			await page.setViewportSize({ width, height: 768 });
			await open(page, city('/'));
			const panel = page.getByTestId('changes');
			for (const summary of await panel.locator('summary').all()) await summary.click();
			expect(await findOverflow(page, '[data-testid="changes"]')).toEqual([]);
		});
	}

	for (const [width, height] of [
		[1920, 1080],
		[1366, 768]
	]) {
		test(`the 变化情况 slide fits at ${width}×${height}`, async ({ page }) => {
			await page.setViewportSize({ width, height });
			await open(page, city('/present?slides=changes'));
			const slide = page.getByTestId('current-slide');
			await expect(slide.locator('[data-kind="changes"]').first()).toBeVisible();
			await expect(slide.locator('.tiles li')).toHaveCount(7);
			expect(await findOverflow(page, '[data-testid="current-slide"]')).toEqual([]);
		});
	}
});
