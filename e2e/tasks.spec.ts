import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { open } from './open';
import ExcelJS from 'exceljs';
import { statusRank, type Status } from '../src/lib/domain/status';
import { csvRecords } from '../src/lib/export/testing';

const SEED = '/tasks?org=新街街道&year=2024&quarter=2';

async function statuses(page: Page): Promise<number[]> {
	const values = await page
		.getByTestId('task-row')
		.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
	return values.map((s) => statusRank(s as Status));
}

test.describe('task explorer', () => {
	test('search 消防, open the task, see its Q2 text', async ({ page }) => {
		await open(page, SEED);
		await expect(page.getByTestId('task-row')).toHaveCount(12);
		await page.getByTestId('search-input').fill('消防');
		await page.getByTestId('search-input').press('Enter');
		await page.waitForURL((url) => url.searchParams.get('q') === '消防');
		const row = page.getByTestId('task-row').filter({ hasText: '做好超前感知防治' });
		await expect(row).toHaveCount(1);
		// The match is in the content, shown under the name with the term marked.
		await expect(row.locator('mark').first()).toHaveText('消防');

		await row.getByTestId('task-link').click();
		await expect(page.getByTestId('task-name')).toHaveText('做好超前感知防治');
		const q2 = page.locator('[data-testid="period"][data-period-label="第二季度"]');
		await expect(q2.getByTestId('status-text')).toContainText('开展常态化平安巡查,通过组织平安宣传、周二平安巡防日');
		await expect(q2.getByTestId('status-source')).toHaveText('推断');
		await expect(page.getByTestId('source').first()).toContainText('H083/2024-79731');

		await page.getByTestId('back-to-list').click();
		await expect(page).toHaveURL(/q=%E6%B6%88%E9%98%B2/);
		await expect(page.getByTestId('search-input')).toHaveValue('消防');
	});

	test('sorts by status in the dashboard order, both ways, and steps through tasks in that order', async ({ page }) => {
		await page.goto(SEED);
		await page.locator('th a[data-sort="status"]').click();
		await page.waitForURL(/sort=status/);
		const ascending = await statuses(page);
		expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
		await expect(page.locator('th[aria-sort="ascending"]')).toContainText('状态');

		await page.locator('th a[data-sort="status"]').click();
		await page.waitForURL(/dir=desc/);
		const descending = await statuses(page);
		expect(descending).toEqual([...ascending].sort((a, b) => b - a));

		const names = await page.getByTestId('task-link').allTextContents();
		await page.getByTestId('task-link').first().click();
		await expect(page.getByTestId('task-name')).toHaveText(names[0]);
		await page.getByTestId('next-task').click();
		await expect(page.getByTestId('task-name')).toHaveText(names[1]);
		await page.getByTestId('previous-task').click();
		await expect(page.getByTestId('task-name')).toHaveText(names[0]);
	});

	test('pages forward and back, and a page past the end says so', async ({ page }) => {
		await page.goto(SEED);
		await page.getByTestId('page-size-10').click();
		await page.waitForURL(/size=10/);
		await expect(page.getByTestId('task-row')).toHaveCount(10);
		const first = await page.getByTestId('task-link').allTextContents();

		await page.getByTestId('page-next').click();
		await page.waitForURL(/page=2/);
		await expect(page.getByTestId('task-row')).toHaveCount(2);
		const second = await page.getByTestId('task-link').allTextContents();
		expect(second.filter((name) => first.includes(name))).toEqual([]);

		await page.getByTestId('page-previous').click();
		await page.waitForURL((url) => !url.searchParams.has('page'));
		await expect(page.getByTestId('task-link')).toHaveText(first);

		await page.goBack();
		await expect(page.getByTestId('task-link')).toHaveText(second);
		await page.goForward();
		await expect(page.getByTestId('task-link')).toHaveText(first);

		await page.goto(`${SEED}&size=10&page=99`);
		await expect(page.getByTestId('page-note')).toContainText('99');
		await expect(page.getByTestId('task-link')).toHaveText(second);
	});

	test('exports CSV and Excel files whose rows are the table total', async ({ page }) => {
		await page.goto(`${SEED}&size=10`);
		const total = Number(await page.getByTestId('task-total').textContent());
		expect(total).toBe(12);

		const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
		expect(csv.suggestedFilename()).toMatch(/^任务-新街街道-2024年二季度-\d{4}-\d{2}-\d{2}\.csv$/);
		const bytes = readFileSync(await csv.path());
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const [header, ...records] = csvRecords(bytes.toString('utf8').slice(1));
		expect(header).toContain('具体任务');
		expect(records).toHaveLength(total);

		const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
		expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(await xlsx.path());
		expect(workbook.worksheets[0].rowCount).toBe(total + 1);
	});

	test('bad input: unknown filter 400 with the reason, unknown task 404, a huge query answered', async ({ page }) => {
		const bad = await page.goto('/tasks?status=late');
		expect(bad?.status()).toBe(400);
		await expect(page.locator('body')).toContainText('status');
		expect((await page.goto('/tasks?sort=nope'))?.status()).toBe(400);
		expect((await page.goto('/tasks/999999999'))?.status()).toBe(404);
		expect((await page.goto('/tasks/abc'))?.status()).toBe(404);
		const huge = await page.goto(`/tasks?q=${'x'.repeat(10_000)}`);
		expect(huge?.status()).toBe(200);
		await expect(page.getByTestId('task-row')).toHaveCount(0);
		// 10 000 Chinese characters: a 90 KB URL, still answered.
		const hugeChinese = await page.goto(`/tasks?q=${encodeURIComponent('消防'.repeat(5_000))}`);
		expect(hugeChinese?.status()).toBe(200);
	});

	test('a filter change keeps the table’s sort and starts from the first page', async ({ page }) => {
		await open(page, '/tasks?org=新街街道&sort=status&dir=desc&page=1');
		await page.locator('form.filters summary').click();
		await page.locator('form.filters input[name="status"][value="on_track"]').check();
		await page.waitForURL(/status=on_track/);
		const url = new URL(page.url());
		expect(url.searchParams.get('sort')).toBe('status');
		expect(url.searchParams.get('dir')).toBe('desc');
		// The selector names organizations by id; the organization is kept.
		expect(url.searchParams.get('org')).not.toBeNull();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('新街街道');
	});
});

test.describe('imported markup', () => {
	test.beforeAll(() => {
		// A second writer beside the running server (WAL, busy_timeout); importing the same file again changes nothing.
		execFileSync(
			'node_modules/.bin/tsx',
			['scripts/import.ts', '--db', process.env.E2E_DATABASE_PATH!, '--org', '测试市/测试街道', 'e2e/fixtures/xss.txt'],
			{ stdio: 'pipe' }
		);
	});

	test('an XSS payload in task text shows as text and runs nothing', async ({ page }) => {
		const dialogs: string[] = [];
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		await page.goto('/tasks?org=测试街道');
		const rows = page.getByTestId('task-row');
		await expect(rows).toHaveCount(2);
		await expect(rows.getByTestId('task-link').first()).toHaveText('<img src=x onerror=window.__xss=1>注入测试');
		await expect(rows.getByTestId('task-link').nth(1)).toHaveText('<script>window.__xss=4</script>脚本测试');
		await expect(rows.first()).toContainText('<img src=x onerror=window.__xss=3>已完成全部注入防护工作');
		await expect(page.locator('main img, main iframe, main b, tbody script')).toHaveCount(0);

		// Highlighting a term inside the markup still renders text only.
		await page.getByTestId('search-input').fill('onerror');
		await page.getByTestId('search-input').press('Enter');
		await page.waitForURL(/q=onerror/);
		await expect(page.getByTestId('task-row').first().locator('mark').first()).toHaveText('onerror');
		await expect(page.locator('main img')).toHaveCount(0);

		await rows.getByTestId('task-link').first().click();
		await expect(page.getByTestId('task-name')).toHaveText('<img src=x onerror=window.__xss=1>注入测试');
		await expect(page.getByTestId('task-content')).toHaveText('实施3个以上<script>window.__xss=2</script>防护项目。');
		await expect(page.locator('main img, main iframe, main script')).toHaveCount(0);

		expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
		expect(dialogs).toEqual([]);
	});
});
