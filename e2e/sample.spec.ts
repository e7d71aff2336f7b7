import { expect, test } from '@playwright/test';
import { hydrated } from './open';

test('a fresh server offers the sample organization, labelled 示例数据, and keeps it out of the real roll-up', async ({
	page
}) => {
	await page.goto('/');
	// The all-organizations view counts real reports only; the sample is one choice away.
	// (Specs before this one may have imported under other top-level units: only the sample must be absent.)
	await expect(page.getByTestId('ranking-scope').first()).toBeVisible();
	const scopes = await page.getByTestId('ranking-scope').allTextContents();
	expect(scopes).toEqual(expect.arrayContaining(['杭州市', '绍兴市']));
	expect(scopes.filter((name) => name.includes('示例'))).toEqual([]);
	// The organization picker offers it, labelled.
	await hydrated(page);
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
