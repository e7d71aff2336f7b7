import { expect, test } from '@playwright/test';

test('a fresh server offers the sample organization, labelled 示例数据, and keeps it out of the real roll-up', async ({
	page
}) => {
	await page.goto('/');
	// The all-organizations view counts real reports only; the sample is one choice away.
	await expect(page.getByTestId('ranking-scope')).toHaveText(['杭州市', '绍兴市']);
	// The organization picker offers it, labelled.
	await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
	await page.getByRole('combobox', { name: '单位' }).fill('示例');
	await expect(page.getByRole('option', { name: /示例街道（示例数据）/ })).toHaveCount(1);

	await page.goto('/?org=示例街道');
	const sampleRows = page.locator('[data-testid="plan-period"][data-organization="示例街道"]');
	await expect(sampleRows).toHaveCount(8);
	await expect(sampleRows.first().getByTestId('sample-tag')).toHaveText('示例数据');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('示例街道');
	await expect(page.getByRole('heading', { level: 1 }).getByTestId('sample-tag')).toHaveText('示例数据');

	await page.goto('/?org=新街街道&year=2024&quarter=2');
	await expect(page.getByRole('heading', { level: 1 }).getByTestId('sample-tag')).toHaveCount(0);
});
