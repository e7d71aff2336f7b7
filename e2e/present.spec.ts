import { expect, test, type Page } from '@playwright/test';
import { open } from './open';

const DECK = '/present?org=新街街道&year=2024&quarter=2';

/** The slide number the stage shows, as [current, count]. */
async function position(page: Page): Promise<[number, number]> {
	const text = await page.getByTestId('current-slide').getByTestId('slide-number').textContent();
	const [current, count] = text!.split('/').map((n) => Number(n.trim()));
	return [current, count];
}

async function expectSlide(page: Page, n: number) {
	await expect(page.getByTestId('current-slide').getByTestId('slide-number')).toHaveText(new RegExp(`^${n} / \\d+$`));
	await expect(page).toHaveURL(new RegExp(`#/${n}$`));
}

/** Waits until every chart on the current slide has drawn. */
async function chartsDrawn(page: Page) {
	const charts = page.getByTestId('current-slide').locator('.echart');
	for (const chart of await charts.all()) await expect(chart).toHaveAttribute('data-rendered', 'true');
}

/** Elements of the current slide that lie (by more than a pixel) outside the stage, described for the failure message. */
async function outsideStage(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const stage = document.querySelector('[data-testid="stage"]')!.getBoundingClientRect();
		const slot = document.querySelector('[data-testid="current-slide"]')!;
		const out: string[] = [];
		for (const el of slot.querySelectorAll('*')) {
			const style = getComputedStyle(el);
			if (style.display === 'none' || style.visibility === 'hidden') continue;
			const r = el.getBoundingClientRect();
			if (r.width === 0 && r.height === 0) continue;
			if (
				r.left < stage.left - 1 ||
				r.top < stage.top - 1 ||
				r.right > stage.right + 1 ||
				r.bottom > stage.bottom + 1
			) {
				out.push(
					`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`
				);
			}
		}
		// Text that was cut by its own box (scrollable overflow) would also be lost to the room.
		for (const el of slot.querySelectorAll<HTMLElement>('h1, p, li, dd, dt, span')) {
			const style = getComputedStyle(el);
			const clamped = style.webkitLineClamp !== 'none' || style.textOverflow === 'ellipsis';
			if (!clamped && el.scrollHeight > el.clientHeight + 2 && style.overflow === 'hidden')
				out.push(`cut: ${el.tagName} ${el.textContent?.slice(0, 20)}`);
		}
		return out;
	});
}

/** The smallest font size of any text on the current slide, in px at a 1080-high stage. */
async function smallestText(page: Page): Promise<number> {
	return page.evaluate(() => {
		const stage = document.querySelector('[data-testid="stage"]')!.getBoundingClientRect();
		const slot = document.querySelector('[data-testid="current-slide"]')!;
		let min = Infinity;
		for (const el of slot.querySelectorAll('*')) {
			const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
			if (hasText) min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
		}
		return (min * 1080) / stage.height;
	});
}

/** The fonts the browser really used for an element's text (a CJK font, not boxes). */
async function platformFonts(page: Page, selector: string): Promise<{ familyName: string; glyphCount: number }[]> {
	const cdp = await page.context().newCDPSession(page);
	const { root } = await cdp.send('DOM.getDocument');
	const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
	await cdp.send('CSS.enable');
	const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
	await cdp.detach();
	return fonts;
}

/** Pages in a PDF: page objects (`/Type /Page`, not the `/Pages` tree nodes). */
function pdfPageCount(pdf: Buffer): number {
	return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

test.describe('presentation', () => {
	test.use({ viewport: { width: 1920, height: 1080 } });

	test('keys and clicker move through the deck; the hash keeps the slide over reload and back', async ({ page }) => {
		await open(page, DECK);
		await expectSlide(page, 1);
		const [, count] = await position(page);
		expect(count).toBeGreaterThanOrEqual(8);

		await page.keyboard.press('ArrowRight');
		await expectSlide(page, 2);
		await page.keyboard.press('PageDown');
		await expectSlide(page, 3);
		await page.keyboard.press('ArrowDown');
		await expectSlide(page, 4);
		await page.keyboard.press('ArrowLeft');
		await expectSlide(page, 3);
		await page.keyboard.press('PageUp');
		await expectSlide(page, 2);
		await page.keyboard.press('ArrowUp');
		await expectSlide(page, 1);
		await page.keyboard.press('End');
		await expectSlide(page, count);
		await page.keyboard.press('Home');
		await expectSlide(page, 1);
		await page.keyboard.press('Space');
		await expectSlide(page, 2);
		await page.keyboard.press('5');
		await expect(page.getByTestId('entry')).toContainText('5');
		await page.keyboard.press('Enter');
		await expectSlide(page, 5);

		await page.goBack();
		await expectSlide(page, 2);
		await page.goForward();
		await expectSlide(page, 5);

		await open(page, `${DECK}#/3`);
		await expectSlide(page, 3);
		await page.reload();
		await expectSlide(page, 3);

		await page.keyboard.press('?');
		await expect(page.getByTestId('keymap')).toContainText('PageUp');
		await page.keyboard.press('Escape');
		await expect(page.getByTestId('keymap')).toHaveCount(0);
		await page.keyboard.press('b');
		await expect(page.getByTestId('blank')).toBeVisible();
		await page.keyboard.press('ArrowRight');
		await expect(page.getByTestId('blank')).toHaveCount(0);
		await expectSlide(page, 3);
	});

	test('F enters full screen and Esc leaves it', async ({ page }) => {
		await open(page, DECK);
		await expectSlide(page, 1);
		await page.keyboard.press('f');
		await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
		await page.keyboard.press('Escape');
		await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
	});

	test('?auto=1 advances by itself; a key pauses it, P resumes', async ({ page }) => {
		await open(page, `${DECK}&auto=1`);
		const state = page.getByTestId('current-slide').getByTestId('play-state');
		await expect(state).toHaveAttribute('data-playing', 'true');
		await expect(page.getByTestId('progress')).toBeVisible();
		await expectSlide(page, 2);
		await page.keyboard.press('x');
		await expect(state).toHaveAttribute('data-playing', 'false');
		await expect(state).toContainText('已暂停');
		const [paused] = await position(page);
		await page.waitForTimeout(2500);
		expect((await position(page))[0]).toBe(paused);
		await page.keyboard.press('p');
		await expect(page.getByTestId('current-slide').getByTestId('play-state')).toHaveAttribute('data-playing', 'true');
		await expectSlide(page, paused + 1);
		await page.mouse.click(400, 400);
		await expect(page.getByTestId('current-slide').getByTestId('play-state')).toHaveAttribute('data-playing', 'false');
	});

	test('?loop=1 starts again after the last slide', async ({ page }) => {
		await open(page, `${DECK}&slides=title,kpi&auto=1&loop=1`);
		await expectSlide(page, 2);
		await expectSlide(page, 1);
		await expect(page.getByTestId('current-slide').getByTestId('play-state')).toHaveAttribute('data-playing', 'true');
	});

	test('the cursor and the controls hide after 2 s without a mouse move, and come back with one', async ({ page }) => {
		await open(page, DECK);
		const controls = page.getByRole('toolbar');
		await page.mouse.move(300, 300);
		await expect(controls).toHaveCSS('opacity', '1');
		await expect(controls).toHaveCSS('opacity', '0', { timeout: 4000 });
		await expect(page.locator('.viewport')).toHaveCSS('cursor', 'none');
		await page.mouse.move(320, 320);
		await expect(controls).toHaveCSS('opacity', '1');
		await page.getByTestId('fullscreen').click();
		await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
	});

	test('the presenter window shows current and next slide with notes, and stays in step with the stage', async ({
		page
	}) => {
		await open(page, DECK);
		await expectSlide(page, 1);
		const [presenter] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
		await presenter.waitForLoadState();
		const where = presenter.getByTestId('presenter-slide');
		await expect(where).toHaveText(/^1 \/ \d+$/);
		await expect(presenter.getByTestId('notes')).toContainText('12 项任务');

		await page.keyboard.press('ArrowRight');
		await expect(where).toHaveText(/^2 \//);
		await expect(presenter.getByTestId('notes')).toContainText('共 12 项任务：已完成');
		await page.keyboard.press('PageDown');
		await expect(where).toHaveText(/^3 \//);

		// The presenter drives from the laptop: the stage follows.
		await presenter.keyboard.press('ArrowRight');
		await expectSlide(page, 4);
		await presenter.keyboard.press('PageUp');
		await expectSlide(page, 3);
		await expect(presenter.getByTestId('elapsed')).toHaveText(/^\d\d:\d\d$/);
		await presenter.setViewportSize({ width: 1280, height: 800 });
		for (const chart of await presenter.locator('.echart').all())
			await expect(chart).toHaveAttribute('data-rendered', 'true');
		await presenter.screenshot({ path: 'test-results/present-presenter-1280x800.png' });
	});

	test('a bad presentation parameter is a 400 that names it', async ({ page }) => {
		for (const [query, words] of [
			['slides=kpi,charts', ['slides', 'charts']],
			['auto=soon', ['auto']],
			['theme=blue', ['theme']],
			['scheme=blue', ['scheme']],
			['loop=yes', ['loop']]
		] as const) {
			const response = await page.goto(`${DECK}&${query}`);
			expect(response?.status()).toBe(400);
			for (const word of words) await expect(page.locator('body')).toContainText(word);
		}
	});

	test('an old link with theme=light opens the light deck at scheme=light, keeping the 主题 filter', async ({
		page
	}) => {
		await open(page, `${DECK}&theme=light`);
		const url = new URL(page.url());
		expect(url.searchParams.get('scheme')).toBe('light');
		expect(url.searchParams.getAll('theme')).toEqual([]);
		await expect(page.locator('.viewport')).toHaveAttribute('data-theme', 'light');
	});

	test('an agenda in the URL picks and orders the slides', async ({ page }) => {
		await open(page, `${DECK}&slides=kpi,attention`);
		await expect(page.getByTestId('current-slide').locator('article')).toHaveAttribute('data-kind', 'kpi');
		const [, count] = await position(page);
		await page.keyboard.press('End');
		await expect(page.getByTestId('current-slide').locator('article')).toHaveAttribute('data-kind', 'attention');
		expect(count).toBeGreaterThanOrEqual(2);
	});
});

for (const [width, height, themes] of [
	[1920, 1080, ['dark', 'light']],
	[1280, 720, ['dark', 'light']],
	[3840, 2160, ['dark']]
] as const) {
	test.describe(`legibility at ${width}×${height}`, () => {
		test.use({ viewport: { width, height } });

		for (const theme of themes) {
			test(`every slide fits the stage, type ≥ 28 px at 1080p, Chinese rendered (${theme})`, async ({ page }) => {
				await open(page, `${DECK}&scheme=${theme}`);
				const [, count] = await position(page);
				expect(
					await page.evaluate(
						() =>
							document.documentElement.scrollHeight <= innerHeight && document.documentElement.scrollWidth <= innerWidth
					)
				).toBe(true);
				await expect(page.locator('header.site')).toHaveCount(0);
				for (let n = 1; n <= count; n++) {
					await expectSlide(page, n);
					await chartsDrawn(page);
					expect(await outsideStage(page), `slide ${n}`).toEqual([]);
					expect(await smallestText(page), `slide ${n}`).toBeGreaterThanOrEqual(27.5);
					if (n < count) await page.keyboard.press('ArrowRight');
				}
				await page.keyboard.press('Home');
				const fonts = await platformFonts(page, '[data-testid="current-slide"] h1');
				expect(
					fonts.some((f) => /CJK/.test(f.familyName) && f.glyphCount > 0),
					JSON.stringify(fonts)
				).toBe(true);
			});
		}
	});
}

test.describe('handout', () => {
	test('the print view has one A4 landscape page per slide, charts drawn, Chinese embedded', async ({ page }) => {
		await open(page, DECK);
		const [, count] = await position(page);
		await open(page, `${DECK}&print=1`);
		await expect(page.getByTestId('sheet')).toHaveCount(count);
		for (const chart of await page.locator('.echart').all())
			await expect(chart).toHaveAttribute('data-rendered', 'true');
		await page.emulateMedia({ media: 'print' });
		await page.getByTestId('sheet').nth(1).screenshot({ path: 'test-results/present-handout-2.png' });
		await page.getByTestId('sheet').nth(2).screenshot({ path: 'test-results/present-handout-3.png' });
		const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
		expect(pdfPageCount(pdf)).toBe(count);
		expect(pdf.toString('latin1')).toMatch(/NotoSansCJK|Noto Sans CJK/);
		// A4 landscape: 842 × 595 pt.
		const [, w, h] = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'))!.map(Number);
		expect([Math.round(w), Math.round(h)]).toEqual([842, 595]);
	});

	test('printing the stage itself (Ctrl+P) also gives every slide, one per page', async ({ page }) => {
		await open(page, `${DECK}#/4`);
		await expectSlide(page, 4);
		const [, count] = await position(page);
		// Chromium's print path fires beforeprint, as Ctrl+P does; the stage then draws every slide for the print.
		const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
		expect(pdfPageCount(pdf)).toBe(count);
		await expect(page.getByTestId('sheet')).toHaveCount(0);
		await expectSlide(page, 4);
	});
});

/**
 * Why a slide change is instant (npm run bench times it): → shows a neighbour the deck drew ahead, hidden, so
 * its charts are finished before the key and the slide shown after it is the very element drawn then; a slide
 * far away is not drawn until a jump asks for it.
 */
test('→ shows the next slide as it was drawn ahead; a jump draws a far slide on demand', async ({ page }) => {
	await page.setViewportSize({ width: 1920, height: 1080 });
	await open(page, DECK);
	await chartsDrawn(page);
	const [, count] = await position(page);
	let chartsAhead = 0;
	for (let n = 1; n < count; n++) {
		const next = page.locator(`[id="/${n + 1}"]`);
		await expect(next).not.toHaveClass(/current/);
		await expect(next.locator('article')).toHaveCount(1);
		for (const chart of await next.locator('.echart').all())
			await expect(chart).toHaveAttribute('data-rendered', 'true');
		chartsAhead += await next.locator('.echart').count();
		await next.locator('article').evaluate((article) => article.setAttribute('data-before-key', 'true'));
		await page.keyboard.press('ArrowRight');
		await expectSlide(page, n + 1);
		// The same element, not one made after the key: nothing was left to draw.
		await expect(page.getByTestId('current-slide').locator('article')).toHaveAttribute('data-before-key', 'true');
	}
	expect(chartsAhead).toBeGreaterThan(0);

	await page.keyboard.press('Home');
	await expectSlide(page, 1);
	const far = Math.min(7, count);
	expect(far).toBeGreaterThan(3);
	await expect(page.locator(`[id="/${far}"] article`)).toHaveCount(0);
	for (const digit of String(far)) await page.keyboard.press(digit);
	await page.keyboard.press('Enter');
	await expectSlide(page, far);
	await chartsDrawn(page);
});

test('pdfPageCount counts page objects, not the page tree', () => {
	expect(pdfPageCount(Buffer.from('<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page >>'))).toBe(2);
});
