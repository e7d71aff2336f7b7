/**
 * The slides at city scale (issue 14): every slide of a district's and of the whole city's deck, at
 * 1920×1080 (dark) and 1366×768 (light), in Chinese and in English, and the handout (print=1) — nothing
 * overflows or is cut at its box, the speaker notes are a short summary of whole sentences, and the
 * bundled report's deck has no slide that repeats another.
 */
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { city } from './city';
import { open } from './open';
import { findOverflow } from './overflow';

/** A district with streets, found in the city database itself (read-only), so no generated id is hard-coded. */
function cityDistrict(): { id: number; name: string } {
	const db = new Database('data/e2e-city.db', { readonly: true, fileMustExist: true });
	try {
		return db
			.prepare(
				`select o.id, o.name from organizations o where o.name like '%区'
				 and exists (select 1 from organizations c where c.parent_id = o.id) order by o.id limit 1`
			)
			.get() as { id: number; name: string };
	} finally {
		db.close();
	}
}

const PERIOD = 'year=2024&quarter=2';
const decks = () => [
	{ name: 'district', path: `/present?org=${cityDistrict().id}&${PERIOD}` },
	{ name: 'city', path: `/present?${PERIOD}` }
];

/**
 * Text on the current slide that its box, or any box around it up to the slide, cuts off: an element
 * that reaches more than a pixel past a clipping ancestor. Text cut on purpose with an ellipsis (a long
 * task name on a one-line row) is the design, not a fault; anything else is lost to the room.
 */
async function clipped(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const slide = document.querySelector('[data-testid="current-slide"] article')!;
		const out: string[] = [];
		const intended = (el: Element) => {
			const style = getComputedStyle(el);
			return style.textOverflow === 'ellipsis' || style.webkitLineClamp !== 'none';
		};
		for (const el of slide.querySelectorAll<HTMLElement>('*')) {
			if (el.closest('.echart')) continue;
			const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
			if (!ownText || intended(el)) continue;
			const r = el.getBoundingClientRect();
			if (r.width === 0 || r.height === 0) continue;
			for (let up = el.parentElement; up && up !== slide.parentElement; up = up.parentElement) {
				const style = getComputedStyle(up);
				if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
				if (intended(up)) break;
				const box = up.getBoundingClientRect();
				if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
					out.push(`"${el.textContent!.trim().slice(0, 30)}" cut by ${up.tagName.toLowerCase()}.${up.className}`);
					break;
				}
			}
		}
		return out;
	});
}

async function chartsDrawn(page: Page) {
	for (const chart of await page.getByTestId('current-slide').locator('.echart').all())
		await expect(chart).toHaveAttribute('data-rendered', 'true');
}

async function slideCount(page: Page): Promise<number> {
	const text = await page.getByTestId('current-slide').getByTestId('slide-number').textContent();
	return Number(text!.split('/')[1]);
}

/** Steps through the deck open on the page and returns what overflows or is cut, slide by slide. */
async function faults(page: Page, label: string): Promise<string[]> {
	const count = await slideCount(page);
	const out: string[] = [];
	for (let n = 1; n <= count; n++) {
		await expect(page.getByTestId('current-slide').getByTestId('slide-number')).toHaveText(`${n} / ${count}`);
		await chartsDrawn(page);
		const kind = await page.getByTestId('current-slide').locator('article').getAttribute('data-kind');
		const found = [...(await findOverflow(page, '[data-testid="current-slide"]')), ...(await clipped(page))];
		out.push(...found.map((f) => `${label} slide ${n} (${kind}): ${f}`));
		if (n < count) await page.keyboard.press('ArrowRight');
	}
	return out;
}

test.describe.configure({ timeout: 240_000 });

// The two colour schemes differ in colours only (Stage.svelte sets the same boxes and type for both), so each
// size is swept once, one in each scheme.
for (const [width, height, scheme] of [
	[1920, 1080, 'dark'],
	[1366, 768, 'light']
] as const) {
	test.describe(`city slides at ${width}×${height}`, () => {
		test.use({ viewport: { width, height } });
		test(`no slide overflows or cuts its text (${scheme})`, async ({ page }) => {
			const found: string[] = [];
			for (const deck of decks()) {
				await open(page, city(`${deck.path}&scheme=${scheme}`));
				found.push(...(await faults(page, deck.name)));
			}
			expect(found).toEqual([]);
		});

		test('in English too, "of which inferred" with its count in full', async ({ page }) => {
			const [district] = decks();
			await open(page, city(`${district.path}&lang=en&slides=kpi,categories`));
			const inferred = page.getByTestId('current-slide').locator('.detail', { hasText: 'of which inferred' });
			await expect(inferred.first()).toBeVisible();
			for (const detail of await inferred.all()) await expect(detail).toHaveText(/of which inferred \d+\*/);
			expect(await faults(page, 'district (en)')).toEqual([]);
		});
	});
}

test("the KPI tiles' type comes at about the scale the browser fits it to, so it neither is cut nor shrinks in view", async ({
	browser
}) => {
	for (const deck of decks())
		for (const lang of ['zh', 'en'] as const) {
			const url = city(`${deck.path}&lang=${lang}#/2`);
			const served = await browser.newPage({ viewport: { width: 1366, height: 768 }, javaScriptEnabled: false });
			await served.goto(url);
			const guessed = Number(
				await served.locator('[data-kind="kpi"] .tiles').evaluate((e) => e.style.getPropertyValue('--fit'))
			);
			await served.close();
			const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
			await page.goto(url);
			await expect(page.locator('[data-kind="kpi"] .tiles')).toHaveAttribute('data-fit', /\d/);
			const fitted = Number(await page.locator('[data-kind="kpi"] .tiles').getAttribute('data-fit'));
			await page.close();
			expect(guessed, `${deck.name} (${lang})`).toBeGreaterThan(0);
			expect(
				Math.abs(guessed - fitted),
				`${deck.name} (${lang}): guessed ${guessed}, fitted ${fitted}`
			).toBeLessThanOrEqual(0.03);
		}
});

test.describe('city handout and notes', () => {
	test.describe.configure({ timeout: 240_000 });

	for (const lang of ['zh', 'en'] as const) {
		test(`every slide's notes are at most 600 characters of whole sentences (${lang})`, async ({ page }) => {
			for (const deck of decks()) {
				await open(page, city(`${deck.path}&print=1&lang=${lang}`));
				const sheets = await page
					.getByTestId('sheet')
					.evaluateAll((all) =>
						all.map((sheet) => [...sheet.querySelectorAll('.notes p')].map((p) => p.textContent ?? ''))
					);
				expect(sheets.length).toBeGreaterThan(10);
				for (const [i, notes] of sheets.entries()) {
					const length = notes.reduce((n, p) => n + p.length, 0) + Math.max(0, notes.length - 1);
					expect(length, `${deck.name} slide ${i + 1}: ${notes.join(' | ')}`).toBeLessThanOrEqual(600);
					expect(notes.length, `${deck.name} slide ${i + 1}`).toBeGreaterThan(0);
					for (const p of notes) expect(p, `${deck.name} slide ${i + 1}`).toMatch(/[。.！？!?]$/);
				}
			}
		});
	}

	test('the printed handout: no sheet overflows, its notes fit the sheet', async ({ page }) => {
		const [district] = decks();
		await open(page, city(`${district.path}&print=1`));
		await page.emulateMedia({ media: 'print' });
		for (const chart of await page.locator('.echart').all())
			await expect(chart).toHaveAttribute('data-rendered', 'true');
		expect(await findOverflow(page, '[data-testid="handout"]')).toEqual([]);
		const cut = await page.getByTestId('sheet').evaluateAll((all) =>
			all.flatMap((sheet, i) => {
				const notes = sheet.querySelector<HTMLElement>('.notes')!;
				// Two columns: notes too long for the sheet would spill into a third, to the side.
				const spills = notes.scrollHeight > notes.clientHeight + 1 || notes.scrollWidth > notes.clientWidth + 1;
				return spills ? [`sheet ${i + 1}`] : [];
			})
		);
		expect(cut).toEqual([]);
	});
});

test('the bundled report: the data-quality slides, identical to the attention slides, are left out', async ({
	page
}) => {
	await open(page, '/present?org=新街街道&year=2024&quarter=2&print=1');
	const kinds = await page
		.locator('[data-testid="sheet"] article')
		.evaluateAll((all) => all.map((a) => a.getAttribute('data-kind')));
	expect(kinds).toContain('attention');
	expect(kinds).not.toContain('quality');
	// Asked for by itself, the data-quality slide is still there.
	await open(page, '/present?org=新街街道&year=2024&quarter=2&print=1&slides=quality');
	await expect(page.locator('[data-testid="sheet"] article[data-kind="quality"]')).not.toHaveCount(0);
});
