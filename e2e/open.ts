import type { Page } from '@playwright/test';

/** Waits until the page is interactive (the root layout marks <html data-hydrated>). */
export async function hydrated(page: Page) {
	await page.locator('html[data-hydrated="true"]').waitFor({ state: 'attached' });
}

/**
 * Opens a page and waits until it is interactive: a key pressed or a button clicked before hydration
 * would be lost.
 */
export async function open(page: Page, url: string) {
	await page.goto(url);
	await hydrated(page);
}
