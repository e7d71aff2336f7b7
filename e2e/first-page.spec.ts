import { expect, test } from '@playwright/test';

const SEED_TASKS = [
	'坚定数字升级',
	'拓展项目渠道',
	'实现高质运行',
	'聚能聚力重塑关键板块',
	'用心用情提升街域风貌',
	'敢想敢做抓好城市管理',
	'全面打造美好教育',
	'丰富文化文明活动',
	'扎实推进民生优享',
	'深化系统治理体系',
	'做好靠前管理服务',
	'做好超前感知防治'
];

test('a fresh server shows 新街街道 and its 12 tasks', async ({ page }) => {
	await page.goto('/');
	const plan = page.locator('section.plan', { has: page.getByRole('heading', { name: /新街街道 · 2024/ }) });
	await expect(plan).toBeVisible();
	await expect(plan.getByTestId('task-count')).toHaveText('12');
	await expect(plan.getByTestId('task').locator('.name')).toHaveText(SEED_TASKS);
});

test('the language switch renders English and keeps it across reloads', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: 'Organizations and years' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Organizations and years' })).toBeVisible();
	await page.getByRole('button', { name: '中文' }).click();
	await expect(page.getByRole('heading', { name: '单位与年度' })).toBeVisible();
});
