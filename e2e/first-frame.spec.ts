import { expect, test, type Page } from '@playwright/test';
import { open } from './open';

const OVERVIEW = '/?org=新街街道&year=2024&quarter=2';
const DECK = '/present?org=新街街道&year=2024&quarter=2';
const PANELS = ['by-category', 'status-mix', 'by-theme', 'across-periods'];

/** The opening tags of the charts' server-drawn SVGs in a page's HTML, as sent: before any script has run. */
function svgsIn(html: string): string[] {
	return [...html.matchAll(/<div class="server-frame[^>]*>(?:<!--[^>]*-->)?(<svg [^>]*>)/g)].map((m) => m[1]);
}

/** Collects Svelte's hydration warnings: a mismatch throws the server's DOM away, frames included. */
function hydrationWarnings(page: Page): string[] {
	const warnings: string[] = [];
	page.on('console', (message) => {
		if (/hydration/.test(message.text())) warnings.push(message.text());
	});
	return warnings;
}

test.describe('charts come with the HTML', () => {
	test.use({ viewport: { width: 1920, height: 1080 } });

	test('the overview’s HTML has an SVG for every chart', async ({ request }) => {
		const html = await (await request.get(OVERVIEW)).text();
		expect(svgsIn(html)).toHaveLength(PANELS.length);
		// Drawn at the box's height, which the chart's own CSS gives it.
		for (const svg of svgsIn(html)) expect(svg).toMatch(/ height="(326|300|444|320)"/);
	});

	test('without JavaScript every chart shows its server frame', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1920, height: 1080 } });
		const page = await context.newPage();
		await page.goto(OVERVIEW);
		for (const panel of PANELS) {
			const svg = page.getByTestId(panel).locator('.server-frame svg');
			await expect(svg).toBeVisible();
			const box = (await svg.boundingBox())!;
			expect(box.width).toBeGreaterThan(300);
			await expect(svg.locator('text').first()).toBeVisible();
			// The interactive chart's box stays hidden under the frame until it has drawn.
			await expect(page.getByTestId(panel).locator('.echart')).toBeHidden();
		}
		await context.close();
	});

	test('the interactive chart takes the frame’s place, in the same box', async ({ page }) => {
		const warnings = hydrationWarnings(page);
		// Each chart box as laid out from the HTML alone, before any script could move it.
		await page.addInitScript(() => {
			document.addEventListener('DOMContentLoaded', () => {
				const boxes = [...document.querySelectorAll('.box')].map((b) => b.getBoundingClientRect().toJSON());
				Object.assign(window, { __boxes: boxes, __frames: document.querySelectorAll('.server-frame svg').length });
			});
		});
		await open(page, OVERVIEW);
		for (const panel of PANELS)
			await expect(page.getByTestId(panel).locator('.echart')).toHaveAttribute('data-rendered', 'true');
		await expect(page.locator('.server-frame')).toHaveCount(0);
		await expect(page.locator('.echart canvas')).toHaveCount(PANELS.length);
		const { before, after, frames } = await page.evaluate(() => ({
			before: (window as unknown as { __boxes: DOMRect[] }).__boxes,
			frames: (window as unknown as { __frames: number }).__frames,
			after: [...document.querySelectorAll('.box')].map((b) => b.getBoundingClientRect().toJSON())
		}));
		expect(frames).toBe(PANELS.length);
		expect(after).toEqual(before);
		expect(warnings).toEqual([]);
	});
});

test.describe('slides', () => {
	test('the deck’s HTML has the neighbour slide’s chart, in the scheme asked for', async ({ request }) => {
		for (const [scheme, text] of [
			['dark', '#f0f6fc'],
			['light', '#1f2328']
		]) {
			const html = await (await request.get(`${DECK}&scheme=${scheme}`)).text();
			const svgs = svgsIn(html);
			// The title slide shows first; the KPI slide beside it is drawn, hidden, with its status mix.
			expect(svgs).toHaveLength(1);
			// Drawn for the mix's box on a 1920×1080 stage; the SVG scales with the stage.
			expect(svgs[0]).toMatch(/width="641\.44" height="759\.7"/);
			expect(html).toContain(`fill="${text}"`);
		}
	});

	test('the stage swaps the frame for the live chart without a hydration mismatch', async ({ page }) => {
		const warnings = hydrationWarnings(page);
		await page.setViewportSize({ width: 1280, height: 720 });
		await open(page, DECK);
		await expect(page.locator('.echart[data-rendered="true"]')).not.toHaveCount(0);
		await expect(page.locator('.server-frame')).toHaveCount(0);
		expect(warnings).toEqual([]);
	});

	test('the handout keeps every chart as vectors', async ({ page, request }) => {
		const html = await (await request.get(`${DECK}&print=1`)).text();
		const charts = svgsIn(html).length;
		expect(charts).toBeGreaterThan(3);
		await open(page, `${DECK}&print=1`);
		await expect(page.locator('.server-frame svg')).toHaveCount(charts);
		await expect(page.locator('canvas')).toHaveCount(0);
		for (const chart of await page.locator('.echart').all())
			await expect(chart).toHaveAttribute('data-rendered', 'true');
	});
});
