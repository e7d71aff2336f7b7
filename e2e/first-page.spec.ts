import { expect, test } from '@playwright/test';

test('a fresh server compares its top-level units and drills down to 新街街道 with its 12 tasks', async ({ page }) => {
	await page.goto('/');
	// All organizations compare the top level: 杭州市 (with 新街街道 below) and 绍兴市.
	const rows = page.getByTestId('ranking-row');
	await expect(rows.getByTestId('ranking-scope')).toHaveText(['杭州市', '绍兴市']);
	for (const name of ['杭州市', '萧山区', '新街街道']) {
		await rows.getByRole('link', { name, exact: true }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
	}
	await expect(page).toHaveURL(/year=2024&quarter=2/);
	await expect(page.locator('[data-kpi="tasks"]').getByTestId('kpi-count')).toHaveText('12');
	// One organization compares nothing: its plan's periods are listed instead.
	const plan = page.locator('[data-testid="plan-period"][data-organization="新街街道"]');
	await expect(plan).toHaveCount(1);
	await expect(plan.getByTestId('task-count')).toHaveText('12');
});

test('the bundled excerpts are imported too, under their organizations', async ({ page }) => {
	for (const [organization, chain] of [
		['萧山区', ['全部单位', '杭州市', '萧山区']],
		['柯桥区', ['全部单位', '绍兴市', '柯桥区']]
	] as const) {
		await page.goto(`/?org=${organization}`);
		await expect(page.getByTestId('breadcrumb').getByRole('listitem')).toHaveText([...chain]);
	}
	await page.goto('/?org=绍兴市&year=2021');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('绍兴市');
});
