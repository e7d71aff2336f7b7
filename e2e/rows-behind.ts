import { expect, type Page } from '@playwright/test';

/**
 * The number of rows /tasks lists behind a link (its "共 N 项任务"), read from the page the server sends for
 * that address, as a person following the link gets it, without drawing it in the browser: a test checks
 * dozens of counts this way. A relative link resolves against the page it was read on.
 */
export async function rowsBehind(page: Page, href: string): Promise<number> {
	const response = await page.request.get(new URL(href, page.url()).toString());
	expect(response.status(), href).toBe(200);
	const match = /data-testid="task-total"[^>]*>(\d+)</.exec(await response.text());
	expect(match, href).not.toBeNull();
	return Number(match![1]);
}
