import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

test('pages revalidate with ETag/304, and an import is visible on the very next request', async ({ page, request }) => {
	const first = await request.get('/');
	expect(first.status()).toBe(200);
	const etag = first.headers()['etag'];
	expect(etag).toMatch(/^W\/".+"$/);
	const again = await request.get('/', { headers: { 'if-none-match': etag } });
	expect(again.status()).toBe(304);

	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('2024');
	const tasks = page.locator('[data-kpi="tasks"]').getByTestId('kpi-count');
	const before = Number(await tasks.textContent());
	expect(before).toBeGreaterThanOrEqual(12);

	// Another 街道's report for the same period, imported by the CLI in another process while the server runs.
	const other = readFileSync('data/reports/xinjie-2024-q2.txt', 'utf8')
		.replace('新街街道办事处', '东街街道办事处')
		.replace('发布机构 新街街道', '发布机构 东街街道');
	writeFileSync('test-results/dongjie-2024-q2.txt', other);
	execFileSync(
		process.execPath,
		['scripts/cli.js', 'import', '--db', process.env.E2E_DATABASE_PATH!, 'test-results/dongjie-2024-q2.txt'],
		{ stdio: 'pipe' }
	);

	const after = await request.get('/', { headers: { 'if-none-match': etag } });
	expect(after.status()).toBe(200);
	expect(after.headers()['etag']).not.toBe(etag);
	await page.reload();
	await expect(tasks).toHaveText(String(before + 12));
});

test('a page the cache leaves out keeps the ETag of its content, and answers 304 to it', async ({ request }) => {
	// The cache's pages get the data version's ETag in place of Kit's hash of the page (vite.config.ts
	// kitEtagUnlessGiven); the sign-in page is not cached, and still revalidates by Kit's.
	const first = await request.get('/login');
	expect(first.status()).toBe(200);
	const etag = first.headers()['etag'];
	expect(etag).toMatch(/^"[0-9a-z]+"$/);
	const again = await request.get('/login', { headers: { 'if-none-match': etag } });
	expect(again.status()).toBe(304);
	const cached = await request.get('/tasks');
	expect(cached.headers()['etag']).toMatch(/^W\/".+"$/);
});
