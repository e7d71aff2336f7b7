import type { Page } from '@playwright/test';

/**
 * Opens a page and waits until it is interactive (the root layout marks <html data-hydrated>):
 * a key pressed or a button clicked before hydration would be lost.
 */
export async function open(page: Page, url: string) {
	await page.goto(url);
	await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
}
