import { expect, test } from '@playwright/test';
import { city } from './city';
import { open } from './open';

test.describe('the filter bar’s pickers on the city (200 organizations)', () => {
	test.use({ viewport: { width: 1366, height: 768 } });

	test('the organization picker: type to narrow, each match with its path, arrows and Enter pick, Escape closes', async ({
		page
	}) => {
		await open(page, city('/?year=2024'));
		const box = page.getByRole('combobox', { name: '单位' });
		await box.click();
		const list = page.getByRole('listbox', { name: '单位' });
		// The whole tree and "all", before any typing.
		await expect(list.getByRole('option')).toHaveCount(201);
		await box.press('Escape');
		await expect(box).toHaveAttribute('aria-expanded', 'false');
		await expect(list).toHaveCount(0);

		await box.fill('砚禾');
		const options = list.getByRole('option');
		await expect(options).toHaveCount(1);
		await expect(options.first()).toContainText('砚禾街道');
		await expect(options.first()).toContainText('荇州市 › 樾槿区');
		await box.fill('街道');
		await expect(list).toContainText(/\d+ 个匹配/);
		await box.fill('砚禾');
		await box.press('ArrowDown');
		await box.press('ArrowUp');
		await expect(box).toHaveAttribute('aria-activedescendant', 'picker-org-0');
		await box.press('Enter');
		await page.waitForURL(/org=3(&|$)/);
		expect(new URL(page.url()).searchParams.get('year')).toBe('2024');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('砚禾街道');
		await expect(box).toHaveValue('砚禾街道');
	});

	test('the category picker finds a category by part of its name and the task table lists only it', async ({
		page
	}) => {
		await open(page, city('/tasks'));
		const box = page.getByRole('combobox', { name: '任务类别' });
		await box.click();
		// The page sends no category names: opened, the picker fetches the scope's list, and shows it whole.
		const names: string[] = await (await page.request.get(city('/categories'))).json();
		expect(names.length).toBeGreaterThan(20);
		await expect(page.getByRole('listbox', { name: '任务类别' }).getByRole('option')).toHaveCount(names.length + 1);
		await box.pressSequentially('民生实事');
		const first = page.getByRole('listbox', { name: '任务类别' }).getByRole('option').first();
		const name = (await first.locator('.name').textContent())!;
		expect(name).toContain('民生实事');
		await first.click();
		await page.waitForURL(/category=/);
		expect(new URL(page.url()).searchParams.get('category')).toBe(name);
		const categories = await page.getByTestId('task-row').locator('td.category').allTextContents();
		expect(categories.length).toBeGreaterThan(0);
		// Each row as published: ASCII or full-width commas, one category.
		for (const c of categories) expect(c.replace(/,/g, '，').replace(/\s+/g, '')).toBe(name);

		// A link that names the category with ASCII commas is the same category, and the picker says so.
		const total = await page.getByTestId('task-total').textContent();
		await open(page, city(`/tasks?category=${encodeURIComponent(name.replaceAll('，', ','))}`));
		await expect(page.getByTestId('task-total')).toHaveText(total!);
		await expect(page.getByRole('combobox', { name: '任务类别' })).toHaveValue(name);
	});

	test('several statuses: each tick adds one, the table lists exactly those', async ({ page }) => {
		await open(page, city('/tasks?year=2024'));
		await page.getByText('全部状态').click();
		await page.getByRole('checkbox', { name: '欠进度' }).check();
		await page.waitForURL(/status=behind/);
		await page.getByRole('checkbox', { name: '未启动' }).check();
		await page.waitForURL(/status=behind%2Cnot_started|status=behind,not_started/);
		await expect(page.locator('form.filters summary')).toHaveText('欠进度、未启动');
		// The list closes on a click elsewhere and on Escape.
		const checkbox = page.getByRole('checkbox', { name: '欠进度' });
		await expect(checkbox).toBeVisible();
		await page.getByRole('heading', { level: 1 }).click();
		await expect(checkbox).toBeHidden();
		await page.locator('form.filters summary').click();
		await expect(checkbox).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(checkbox).toBeHidden();
		const statuses = await page
			.getByTestId('task-row')
			.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
		expect(statuses.length).toBeGreaterThan(0);
		expect(statuses.every((s) => s === 'behind' || s === 'not_started')).toBe(true);
		const both = Number(await page.getByTestId('task-total').textContent());
		let sum = 0;
		for (const status of ['behind', 'not_started']) {
			await open(page, city(`/tasks?year=2024&status=${status}`));
			sum += Number(await page.getByTestId('task-total').textContent());
		}
		expect(both).toBe(sum);
	});

	test('offers only the themes with tasks in scope', async ({ page }) => {
		await open(page, city('/?org=3'));
		const offered = (await page.locator('select[name="theme"] option').allTextContents()).slice(1);
		await page.getByTestId('by-theme').getByRole('button', { name: '表格' }).click();
		const counted = await page.getByTestId('by-theme').locator('tbody th').allTextContents();
		expect(offered.sort()).toEqual(counted.sort());
		await open(page, city('/'));
		expect((await page.locator('select[name="theme"] option').count()) - 1).toBeGreaterThan(offered.length);
	});
});

test.describe('the filter bar’s pickers on a 390 px phone', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('an open list stays on the screen wherever its field sits, and the page does not scroll sideways', async ({
		page
	}) => {
		await open(page, city('/?org=2'));
		for (const name of ['单位', '任务类别']) {
			const box = page.getByRole('combobox', { name });
			await box.click();
			const list = page.getByRole('listbox', { name });
			await expect(list.getByRole('option').nth(2)).toBeVisible();
			const { x, width } = (await list.boundingBox())!;
			expect(x, name).toBeGreaterThanOrEqual(0);
			expect(x + width, name).toBeLessThanOrEqual(390);
			expect(await page.evaluate(() => [scrollX, document.documentElement.scrollWidth]), name).toEqual([0, 390]);
			await box.press('Escape');
		}
	});
});

test.describe('the filter bar without JavaScript', () => {
	test.use({ javaScriptEnabled: false, viewport: { width: 1366, height: 768 } });

	test('is a form of plain selects and checkboxes that sends what the pickers would', async ({ page }) => {
		// The select offers the top level and the chain to the selection (the picker fetches the whole tree when
		// opened): a person drills down a level at a time.
		await page.goto(city('/tasks'));
		await expect(page.locator('select[name="org"] option')).toHaveText(['全部单位', '荇州市']);
		await page.locator('select[name="org"]').selectOption('1');
		await page.getByRole('button', { name: '筛选' }).click();
		await page.waitForURL(/org=1/);
		await page.locator('select[name="org"]').selectOption('2');
		await page.getByRole('button', { name: '筛选' }).click();
		await page.waitForURL(/org=2/);
		const offered = page.locator('select[name="org"] option');
		await expect(offered.filter({ hasText: '砚禾街道' })).toHaveCount(1);
		expect(await offered.count()).toBeLessThan(201);
		await page.locator('select[name="org"]').selectOption('3');
		await page.locator('form.filters summary').click();
		await page.locator('input[name="status"][value="behind"]').check();
		await page.locator('input[name="status"][value="not_started"]').check();
		await page.getByRole('button', { name: '筛选' }).click();
		await page.waitForURL(/org=3/);
		// Categories come to the select only when picked (the picker fetches the list): a chart's link names one.
		await expect(page.locator('select[name="category"] option')).toHaveText(['全部类别']);
		const url = new URL(page.url());
		expect(url.searchParams.getAll('status')).toEqual(['behind', 'not_started']);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('砚禾街道');
		const statuses = await page
			.getByTestId('task-row')
			.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
		expect(statuses.length).toBeGreaterThan(0);
		expect(statuses.every((s) => s === 'behind' || s === 'not_started')).toBe(true);
	});
});
