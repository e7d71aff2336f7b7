import { expect, test, type Page } from '@playwright/test';
import { city } from './city';
import { open } from './open';
import { signIn } from './sign-in';

/**
 * Chinese characters on a page in English, outside the data values (names, tasks and texts from the
 * reports, marked translate="no") and outside the language switch (which names 中文 in Chinese, lang="zh").
 * A sentence may quote a data value the page shows marked elsewhere (a speaker note naming a task): such
 * quotes are taken out before the check. A chart's description (ECharts' aria-label) names its rows among
 * dictionary words and is left out. Text and the attributes a person reads (aria-label, title,
 * placeholder), each with where it sits.
 */
async function chineseOutsideData(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;
		const skipped = (el: Element) => el.closest('[translate="no"], body [lang="zh"], script, style, title, .echart');
		const values = [...document.querySelectorAll('[translate="no"]')]
			.map((el) => el.textContent!.trim())
			.filter((v) => v.length > 1)
			.sort((a, b) => b.length - a.length);
		const unquoted = (text: string) => values.reduce((rest, value) => rest.split(value).join(''), text);
		const where = (el: Element) => {
			const parts = [];
			for (let e: Element | null = el; e && e !== document.body && parts.length < 3; e = e.parentElement) {
				const testid = e.getAttribute('data-testid');
				parts.push(`${e.tagName.toLowerCase()}${testid ? `[${testid}]` : ''}`);
			}
			return parts.join(' < ');
		};
		const found: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const text = node.textContent!.trim();
			if (!CJK.test(unquoted(text)) || skipped(node.parentElement!)) continue;
			found.push(`${where(node.parentElement!)}: ${text.slice(0, 40)}`);
		}
		for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
			if (skipped(el)) continue;
			for (const name of ['aria-label', 'title', 'placeholder']) {
				const value = el.getAttribute(name);
				if (value && CJK.test(unquoted(value))) found.push(`${where(el)} @${name}: ${value.slice(0, 40)}`);
			}
		}
		return found;
	});
}

/** The pages a leader walks: the overview, the table, a task, the slides, and two error pages. */
async function walk(page: Page, at: (path: string) => string) {
	const seen: Record<string, string[]> = {};
	for (const path of ['/', '/tasks', '/present?print=1', '/tasks/999999999', '/?status=late']) {
		await open(page, at(path));
		seen[path] = await chineseOutsideData(page);
	}
	await open(page, at('/tasks'));
	await page.getByTestId('task-link').first().click();
	await expect(page.getByTestId('task-name')).toBeVisible();
	seen['a task page'] = await chineseOutsideData(page);
	// The organization picker, open, with a typed search: its list is part of the page too.
	await open(page, at('/'));
	await page.getByRole('combobox', { name: 'Organization' }).fill('a');
	seen['the organization picker'] = await chineseOutsideData(page);
	return seen;
}

const EMPTY_EVERYWHERE = (seen: Record<string, string[]>) => Object.fromEntries(Object.keys(seen).map((k) => [k, []]));

test.describe('English is English everywhere', () => {
	test.use({ viewport: { width: 1366, height: 768 } });

	test('on the city data', async ({ page, context }) => {
		await context.addCookies([{ name: 'lang', value: 'en', url: city('/') }]);
		const seen = await walk(page, city);
		expect(seen).toEqual(EMPTY_EVERYWHERE(seen));
		// Themes are named in English (themes.name_en, filled at import and by migration 0017).
		await open(page, city('/'));
		await page.getByTestId('by-theme').getByRole('button', { name: 'Table' }).click();
		const themes = await page.getByTestId('by-theme').locator('tbody th').allTextContents();
		expect(themes.length).toBeGreaterThan(5);
		for (const theme of themes) expect(theme).toMatch(/^[A-Za-z ]+$/);
	});

	test('on the bundled reports', async ({ page, context, baseURL }) => {
		await context.addCookies([{ name: 'lang', value: 'en', url: baseURL! }]);
		const seen = await walk(page, (path) => path);
		expect(seen).toEqual(EMPTY_EVERYWHERE(seen));
	});

	test('on the staff and admin pages, signed in as an admin', async ({ page, context, baseURL }) => {
		await signIn(context, baseURL!, 'admin', '萧山区');
		await context.addCookies([{ name: 'lang', value: 'en', url: baseURL! }]);
		const seen: Record<string, string[]> = {};
		for (const path of ['/import', '/imports', '/admin/users', '/audit', '/report?org=新街街道&year=2024&quarter=2']) {
			// The handout sends no script: nothing to wait for but the page.
			if (path.startsWith('/report')) await page.goto(path);
			else await open(page, path);
			seen[path] = await chineseOutsideData(page);
		}
		expect(seen).toEqual(EMPTY_EVERYWHERE(seen));
	});

	test('and Chinese is Chinese on the same pages: no English word outside data values and URL tokens', async ({
		page
	}) => {
		const english: Record<string, string[]> = {};
		for (const path of ['/', '/tasks', '/present?print=1', '/tasks/999999999', '/?status=late', '/tasks/5']) {
			await open(page, city(path));
			english[path] = await page.evaluate(() => {
				// File formats are names in both languages; an error's detail quotes URL values (status=late).
				const allowed = /^(CSV|Excel|PNG)$/;
				const found: string[] = [];
				const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
				for (let node = walker.nextNode(); node; node = walker.nextNode()) {
					const el = node.parentElement!;
					if (el.closest('[translate="no"], body [lang="en"], script, style, noscript, [data-testid="error-detail"]'))
						continue;
					const words = (node.textContent!.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !allowed.test(w));
					if (words.length > 0) found.push(`${el.tagName.toLowerCase()}: ${words.join(' ')}`);
				}
				return found;
			});
		}
		expect(english).toEqual(Object.fromEntries(Object.keys(english).map((k) => [k, []])));
		await open(page, city('/tasks/999999999'));
		await expect(page.getByTestId('error')).toContainText('找不到');
	});
});
