import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const REDIRECT = { maxRedirects: 0 };

test.describe('the language switch', () => {
	// The review's payloads as a browser sends them, and CR/LF/Chinese text that used to answer 500.
	for (const back of [
		'/%09/evil.example/',
		'/%09%5Cevil.example/',
		'/%5Cevil.example',
		'//evil.example/',
		'https://evil.example/',
		'/%0D%0ASet-Cookie:%20x=1',
		'/%0A/evil.example',
		'/%E4%BB%BB%E5%8A%A1',
		'/tasks?q=%E6%B6%88%E9%98%B2'
	]) {
		test(`back=${back} goes to /`, async ({ request }) => {
			const response = await request.get(`/lang?to=en&back=${back}`, REDIRECT);
			expect(response.status()).toBe(303);
			expect(response.headers()['location']).toBe('/');
		});
	}

	// Chromium accepts a Secure cookie over plain HTTP from 127.0.0.1 (a loopback address counts as
	// secure), so only the header shows what a browser on another host would drop.
	test('returns to the page it was pressed on, and its cookie is not Secure over plain HTTP', async ({ request }) => {
		const back = encodeURIComponent('/tasks?org=%E6%96%B0%E8%A1%97%E8%A1%97%E9%81%93&year=2024');
		const response = await request.get(`/lang?to=en&back=${back}`, REDIRECT);
		expect(response.status()).toBe(303);
		expect(response.headers()['location']).toBe('/tasks?org=%E6%96%B0%E8%A1%97%E8%A1%97%E9%81%93&year=2024');
		const cookie = response.headers()['set-cookie'];
		expect(cookie).toMatch(/^lang=en;/);
		expect(cookie).not.toMatch(/secure/i);
	});
});

test.describe('every response', () => {
	for (const [what, url, status] of [
		['a page', '/', 200],
		['page data', '/tasks/__data.json', 200],
		['a bad filter', '/tasks?year=24', 400],
		['an unknown page', '/no-such-page', 404],
		['a download', '/tasks/export.csv', 200],
		['a redirect', '/lang?to=en&back=/', 303],
		['the health check', '/healthz', 200]
	] as const) {
		test(`${what} (${url}) carries the security headers`, async ({ request }) => {
			const response = await request.get(url, REDIRECT);
			expect(response.status()).toBe(status);
			const headers = response.headers();
			expect(headers['x-frame-options']).toBe('DENY');
			expect(headers['x-content-type-options']).toBe('nosniff');
			expect(headers['referrer-policy']).toBe('same-origin');
			expect(headers['x-request-id']).toMatch(/^[0-9a-f]{8}$/);
		});
	}

	test('a page keeps its CSP, which forbids framing', async ({ request }) => {
		const csp = (await request.get('/')).headers()['content-security-policy'];
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toContain("default-src 'self'");
		expect(csp).toMatch(/script-src 'self' 'sha256-/);
	});

	test('a cached page carries them too, and the same bytes each time it is served', async ({ request }) => {
		const first = await request.get('/tasks?sort=owner');
		const again = await request.get('/tasks?sort=owner');
		expect(again.headers()['x-frame-options']).toBe('DENY');
		const third = await request.get('/tasks?sort=owner');
		expect((await again.body()).equals(await first.body())).toBe(true);
		expect((await third.body()).equals(await first.body())).toBe(true);
	});
});

test('GET /healthz: database readable, migrations current, data version; never cached', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(response.headers()['cache-control']).toBe('no-store');
	const health = await response.json();
	expect(health).toMatchObject({ ok: true, readOnly: false, database: 'ok', migrations: { current: true } });
	expect(health.migrations.latest).toMatch(/^\d{4}_/);
	expect(health.dataVersion).toBeGreaterThan(0);
});

test('a server that cannot open its database says why in one line and exits 1', async () => {
	const file = 'test-results/not-a-database.db';
	writeFileSync(file, 'not a database '.repeat(400));
	const started = spawnSync(process.execPath, ['build/index.js'], {
		encoding: 'utf8',
		timeout: 30_000,
		env: { ...process.env, DATABASE_PATH: file, PORT: '0', HOST: '127.0.0.1' }
	});
	expect(started.status).toBe(1);
	const lines = `${started.stdout}${started.stderr}`.trim().split('\n');
	expect(lines).toEqual([
		expect.stringMatching(
			/FATAL cannot start: test-results\/not-a-database\.db: not a jindu database, or damaged \(SQLITE_NOTADB\)/
		)
	]);
});
