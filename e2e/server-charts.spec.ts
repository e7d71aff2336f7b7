import { expect, test, type Page } from '@playwright/test';
import { city } from './city';
import { findOverflow } from './overflow';

/** The overview's first chart, drawn on the server: the status mix, first in the first screen. */
const firstChart = (page: Page) => page.getByTestId('status-mix');

/** All organizations (a region of units), a city, and one unit with no units below it. */
const SCOPES = ['/', '/?org=杭州市', '/?org=新街街道&year=2024&quarter=2'];

/** The donut's legend as the server drew it: one "status count" per status in the period. */
async function legendOf(svg: ReturnType<Page['locator']>): Promise<string[]> {
	const texts = await svg.locator('text').allTextContents();
	return texts.filter((text) => /^(已完成|超进度|达进度|欠进度|未启动|无法判断) \d+$/.test(text));
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test("the overview's first chart is in the page, drawn by the server, and only the first", async ({ page }) => {
		await page.goto('/');
		const panel = firstChart(page);
		await expect(panel.getByRole('heading', { level: 2 })).toBeVisible();
		const svg = panel.locator('.server-drawn svg');
		await expect(svg).toBeVisible();
		// The ring alone: its legend is the page's, under it, naming each status with its count (adding up to the
		// tasks) as a link that works without the script.
		expect(await legendOf(svg)).toEqual([]);
		const counts = await panel.getByTestId('status-legend').getByTestId('legend-count').allTextContents();
		expect(counts.length).toBeGreaterThan(0);
		const tasks = Number(await page.locator('[data-kpi="tasks"]').getByTestId('kpi-count').textContent());
		expect(counts.reduce((sum, n) => sum + Number(n), 0)).toBe(tasks);
		await expect(panel.getByTestId('status-legend').locator('a').first()).toHaveAttribute('href', /status=/);
		const box = (await svg.boundingBox())!;
		expect(box.width).toBeGreaterThan(100);
		expect(box.height).toBeGreaterThan(100);
		await expect(page.locator('.server-drawn svg')).toHaveCount(1);
	});

	test('the first paint waits for no stylesheet: the overview and the deck are styled by their HTML alone', async ({
		page
	}) => {
		const stylesheets: string[] = [];
		await page.route('**/*.css', (route) => {
			stylesheets.push(route.request().url());
			return route.abort();
		});
		await page.goto('/');
		// The panel's border and the first screen's grid come from the app's and the page's CSS.
		const panel = firstChart(page);
		await expect(panel).toHaveCSS('border-top-width', '1px');
		await expect(page.getByTestId('first-screen')).toHaveCSS('display', 'grid');
		const box = (await panel.locator('.server-drawn svg').boundingBox())!;
		expect(box.width).toBeGreaterThan(100);
		await page.goto('/present#/2');
		await expect(page.locator('[data-kind="kpi"]')).toBeVisible();
		await expect(page.locator('[data-kind="title"]')).toBeHidden();
		expect(stylesheets).toEqual([]);
	});

	test('filters that leave the period empty: no donut, and no chart further down drawn in its place', async ({
		page
	}) => {
		await page.goto(`/?category=${encodeURIComponent('没有这个类别')}`);
		await expect(firstChart(page).getByTestId('chart-empty')).toBeVisible();
		await expect(page.locator('.server-drawn')).toHaveCount(0);
	});

	test("the deck draws its first chart, the KPI slide's, on the server: a link to that slide shows it at once", async ({
		page
	}) => {
		await page.goto('/present#/2');
		const kpi = page.locator('[data-kind="kpi"]');
		await expect(kpi).toBeVisible();
		await expect(page.locator('[data-kind="title"]')).toBeHidden();
		const svg = kpi.locator('.server-drawn svg');
		await expect(svg).toBeVisible();
		await expect(page.locator('.server-drawn svg')).toHaveCount(1);
		// The ring alone: its legend is the slide's, under it, and adds up to the tasks the slide counts.
		expect(await legendOf(svg)).toEqual([]);
		const counts = await kpi.getByTestId('status-legend').getByTestId('legend-count').allTextContents();
		expect(counts.length).toBeGreaterThan(0);
		const tasks = Number(await kpi.locator('[data-kpi="tasks"]').getByTestId('kpi-count').textContent());
		expect(counts.reduce((sum, n) => sum + Number(n), 0)).toBe(tasks);
		// Drawn at the slide's design size, it fills the ring's box in this window, and the legend fills the rest
		// of the column: the box the server drew for is the one the page lays out.
		const [drawn, box, column, legend] = await Promise.all(
			[svg, kpi.locator('.mix .echart'), kpi.locator('.mix'), kpi.getByTestId('status-legend')].map(
				async (element) => (await element.boundingBox())!
			)
		);
		for (const side of ['x', 'y', 'width', 'height'] as const)
			expect(Math.abs(drawn[side] - box[side]), side).toBeLessThanOrEqual(1);
		expect(Math.abs(legend.y + legend.height - (column.y + column.height))).toBeLessThanOrEqual(1);
	});

	test('the deck opened at its start shows the title slide; a link to a slide not drawn yet, no other slide', async ({
		page
	}) => {
		await page.goto('/present');
		await expect(page.locator('[data-kind="title"]')).toBeVisible();
		await expect(page.locator('[data-kind="kpi"]')).toBeHidden();
		// A fresh load (not a move within the page) of a link to slide 5.
		await page.goto('/present?lang=zh#/5');
		await expect(page.locator('[id="/5"]')).toBeVisible();
		await expect(page.locator('[data-kind="title"]')).toBeHidden();
		await expect(page.locator('[data-kind="kpi"]')).toBeHidden();
	});
});

for (const viewport of [
	{ width: 1920, height: 1080 },
	{ width: 1366, height: 768 }
])
	test(`at ${viewport.width}×${viewport.height} the server's chart is in the first screen of a region, a city and a unit`, async ({
		browser
	}) => {
		const page = await browser.newPage({ viewport, javaScriptEnabled: false });
		for (const url of SCOPES) {
			await page.goto(url);
			const box = (await firstChart(page).locator('.server-drawn svg').boundingBox())!;
			// Most of the donut is seen without scrolling: 200 px of it at least (it is 300 px tall).
			expect(Math.min(box.y + box.height, viewport.height) - box.y, url).toBeGreaterThanOrEqual(200);
		}
		await page.close();
	});

for (const viewport of [
	{ width: 1366, height: 768 },
	{ width: 390, height: 844 }
])
	test(`at ${viewport.width} px the chart's box does not move when the browser draws it, nor does text overflow`, async ({
		browser
	}) => {
		const boxOf = async (javaScriptEnabled: boolean) => {
			const page = await browser.newPage({ viewport, javaScriptEnabled });
			await page.goto('/');
			const chart = firstChart(page).locator('.echart');
			if (javaScriptEnabled) await expect(chart).toHaveAttribute('data-rendered', 'true');
			const box = (await chart.boundingBox())!;
			if (javaScriptEnabled) expect(await findOverflow(page)).toEqual([]);
			await page.close();
			return box;
		};
		const drawnByServer = await boxOf(false);
		const drawnByBrowser = await boxOf(true);
		for (const side of ['x', 'y', 'width', 'height'] as const)
			expect(Math.abs(drawnByBrowser[side] - drawnByServer[side]), side).toBeLessThanOrEqual(1);
	});

/**
 * The server's SVG of a page's first chart (`chart`: its selector on the server's page and on this one), from the
 * page's HTML, and the browser's canvas of it, both on black at the canvas's size, the SVG laid out in the box as
 * the page lays it out: the share of pixels differing by over half a channel, with the SVG moved `shift` px.
 */
async function chartDifference([chart, shift]: readonly [
	{ server: string; browser: string },
	number
]): Promise<number> {
	const html = await (await fetch(location.href)).text();
	const svg = new DOMParser().parseFromString(html, 'text/html').querySelector(`${chart.server} .server-drawn svg`)!;
	// As the page shows it: the box's size, the drawing scaled into it and centred (the viewBox's default).
	const canvas = document.querySelector<HTMLCanvasElement>(`${chart.browser} .echart canvas`)!;
	svg.setAttribute('width', String(canvas.width));
	svg.setAttribute('height', String(canvas.height));
	const { width, height } = canvas;
	const image = new Image();
	image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.outerHTML)}`;
	await image.decode();
	const onBlack = (draw: (context: OffscreenCanvasRenderingContext2D) => void) => {
		const context = new OffscreenCanvas(width, height).getContext('2d')!;
		context.fillRect(0, 0, width, height);
		draw(context);
		return context.getImageData(0, 0, width, height).data;
	};
	const server = onBlack((c) => c.drawImage(image, shift, 0, width, height));
	const browser = onBlack((c) => c.drawImage(canvas, 0, 0));
	let differing = 0;
	for (let i = 0; i < server.length; i += 4) {
		const d = Math.max(...[0, 1, 2].map((k) => Math.abs(server[i + k] - browser[i + k])));
		if (d > 128) differing++;
	}
	return differing / (width * height);
}

/**
 * The browser's chart matches the server's drawing of it: antialiasing differs a little between SVG and canvas
 * (≈ 0.5–0.8 % of the pixels of the deck's donut), while a move of 8 px, which only the ring's and the letters'
 * edges show, differs in ≈ 3–4 %.
 */
async function expectDrawnInPlace(page: Page, chart: { server: string; browser: string }) {
	const asDrawn = await page.evaluate(chartDifference, [chart, 0] as const);
	const moved = await page.evaluate(chartDifference, [chart, 8] as const);
	expect(asDrawn).toBeLessThan(0.015);
	expect(moved).toBeGreaterThan(3 * asDrawn);
}

for (const viewport of [
	{ width: 1920, height: 1080 },
	{ width: 1366, height: 768 }
])
	test(`at ${viewport.width}×${viewport.height} the deck's first chart is drawn by the browser where and as the server drew it`, async ({
		browser
	}) => {
		const page = await browser.newPage({ viewport });
		await page.goto('/present#/2');
		const slide = page.getByTestId('current-slide');
		await expect(slide.locator('article')).toHaveAttribute('data-kind', 'kpi');
		await expect(slide.locator('.echart')).toHaveAttribute('data-rendered', 'true');
		await expect(page.locator('.server-drawn')).toHaveCount(0);
		await expectDrawnInPlace(page, { server: '[data-kind="kpi"]', browser: '[data-testid="current-slide"]' });
		await page.close();
	});

for (const viewport of [
	{ width: 1920, height: 1080 },
	{ width: 1366, height: 768 },
	{ width: 390, height: 844 }
])
	test(`at ${viewport.width} px the overview's first chart is drawn by the browser where and as the server drew it`, async ({
		browser
	}) => {
		const page = await browser.newPage({ viewport });
		await page.goto('/?year=2024&quarter=2');
		await expect(firstChart(page).locator('.echart')).toHaveAttribute('data-rendered', 'true');
		await expect(page.locator('.server-drawn')).toHaveCount(0);
		await expectDrawnInPlace(page, { server: '[data-testid="status-mix"]', browser: '[data-testid="status-mix"]' });
		await page.close();
	});

test('a link to a slide shows that slide in every frame from the first, never the title slide before it', async ({
	page
}) => {
	// A slow CPU, as a loaded machine's: the page parses in several frames, and one painted before the named slot
	// was parsed showed the title slide (2 loads in 6 at this rate, before named-slot.js hid it while parsing).
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
	// Notes, every frame from the first (before the first paint) until the script takes over, which slots are seen.
	await page.addInitScript(() => {
		const w = window as unknown as { shown: string[][] };
		w.shown = [];
		const look = () => {
			const slots = [...document.querySelectorAll('.slot')];
			w.shown.push(slots.filter((slot) => slot.checkVisibility({ visibilityProperty: true })).map((slot) => slot.id));
			if (!document.querySelector('.viewport.live')) requestAnimationFrame(look);
		};
		requestAnimationFrame(look);
	});
	await page.goto(city('/present#/2'));
	await expect(page.locator('.viewport.live')).toHaveCount(1, { timeout: 30_000 });
	const shown = await page.evaluate(() => (window as unknown as { shown: string[][] }).shown);
	// The frames in which the stage's slides were there to be seen: each shows the slide the link names, alone.
	const framesWithSlides = shown.filter((ids) => ids.length > 0);
	expect(framesWithSlides.length).toBeGreaterThan(0);
	for (const ids of framesWithSlides) expect(ids).toEqual(['/2']);
});

test("the server's SVG stays until the browser's chart is drawn in its place, then goes", async ({ page }) => {
	// Notes, as it happens, whether the interactive chart beside the SVG was drawn when the SVG was taken away.
	await page.addInitScript(() => {
		const w = window as unknown as { svgRemoved?: { chartDrawn: boolean; canvas: boolean } };
		new MutationObserver((mutations) => {
			for (const m of mutations)
				for (const node of m.removedNodes)
					if (node instanceof Element && node.classList.contains('server-drawn') && !w.svgRemoved) {
						const chart = (m.target as Element).querySelector('.echart');
						w.svgRemoved = {
							chartDrawn: chart?.getAttribute('data-rendered') === 'true',
							canvas: !!chart?.querySelector('canvas')
						};
					}
		}).observe(document, { childList: true, subtree: true });
	});
	await page.goto('/');
	const chart = firstChart(page).locator('.echart');
	await expect(chart).toHaveAttribute('data-rendered', 'true');
	await expect(firstChart(page).locator('.server-drawn')).toHaveCount(0);
	expect(await page.evaluate(() => (window as unknown as { svgRemoved?: unknown }).svgRemoved)).toEqual({
		chartDrawn: true,
		canvas: true
	});
});
