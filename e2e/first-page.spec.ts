import { expect, test } from '@playwright/test';

test('a fresh server lists 新街街道 with its 12 tasks and opens its overview', async ({ page }) => {
	await page.goto('/');
	const row = page.locator('[data-testid="plan-period"][data-organization="新街街道"]');
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('2024');
	await expect(row.getByTestId('task-count')).toHaveText('12');
	await row.getByRole('link', { name: /新街街道/ }).click();
	await expect(page).toHaveURL(/org=%E6%96%B0%E8%A1%97%E8%A1%97%E9%81%93/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('新街街道');
	await expect(page.locator('[data-kpi="tasks"]').getByTestId('kpi-count')).toHaveText('12');
});

test('the bundled excerpts are imported too, under their organizations', async ({ page }) => {
	await page.goto('/');
	for (const organization of ['萧山区', '绍兴市', '柯桥区']) {
		await expect(page.locator(`[data-testid="plan-period"][data-organization="${organization}"]`)).toHaveCount(1);
	}
});
