import { expect, test, type Page } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { city } from './city';
import { findOverflow } from './overflow';
import { open } from './open';
import { readPdf, type PdfText } from './pdf-text';
import { findSplitRows, footerNumbers, squash } from '../src/lib/report/pdf-text';

/** The bundled report's period, and one district of the generated city (翎荇区: 257 tasks in 42 categories). */
const BUNDLED = '/report?year=2024&quarter=2';
const DISTRICT = '/report?org=103&year=2024&quarter=2';

const dir = mkdtempSync(path.join(tmpdir(), 'jindu-report-'));

/** What a reader of the page sees: the category headings and each listed task's row, cell after cell. */
async function handoutText(page: Page) {
	return {
		headings: await page.getByTestId('report-category').locator('h2 > span').allTextContents(),
		tasks: await page.getByTestId('report-task').allInnerTexts()
	};
}

/** The checks every printed handout must pass, whichever way it was printed. */
function expectPrinted(pdf: PdfText, seen: { headings: string[]; tasks: string[] }) {
	expect(pdf.pages).toBeGreaterThan(1);
	expect(pdf.size).toContain('(A4)');
	const all = pdf.pageTexts.join('\n').replace(/\s+/g, '');
	// Chinese is real text: the title and every category heading can be searched for.
	expect(all).toContain('重点任务推进情况汇报');
	for (const heading of seen.headings) expect(all).toContain(heading.replace(/\s+/g, ''));
	// Every page's footer numbers it, out of the document's pages.
	expect(footerNumbers(pdf.pageTexts)).toEqual(pdf.pageTexts.map((_, i) => ({ page: i + 1, of: pdf.pages })));
	// No table row is cut by a page break: each task's row, number to gap, is whole on one page.
	expect(seen.tasks.length).toBeGreaterThan(0);
	expect(findSplitRows(seen.tasks, pdf.pageTexts)).toEqual([]);
}

test.describe('the printed handout', () => {
	test('the bundled report on screen: cover, KPIs, one section per category with a vector chart, no overflow', async ({
		page
	}) => {
		await page.setViewportSize({ width: 900, height: 1200 });
		await page.goto(BUNDLED);
		const cover = page.getByTestId('report-cover');
		await expect(cover).toContainText('重点任务推进情况汇报');
		await expect(cover).toContainText('2024年二季度');
		await expect(page.getByTestId('report-as-of')).toContainText('2024-07-08');
		await expect(page.getByTestId('report-kpis').locator('li')).toHaveCount(6);
		// The overview counts the same categories the handout has sections for.
		const { headings, tasks } = await handoutText(page);
		expect(headings.length).toBeGreaterThan(1);
		expect(tasks).toHaveLength(
			Number(await page.getByTestId('report-kpis').locator('li strong').first().textContent())
		);
		// Charts are drawn on the server as SVG (the page sends no script): one per category and the summary.
		await expect(page.locator('.echart svg')).toHaveCount(headings.length + 1);
		expect(await page.locator('script').count()).toBe(0);
		expect(await findOverflow(page)).toEqual([]);
	});

	test('in English the handout’s words are English and the report’s text is marked not to translate', async ({
		page
	}) => {
		await page.goto(`${BUNDLED}&lang=en`);
		await expect(page.getByTestId('report-cover')).toContainText('Progress on key tasks');
		const untranslated = await page.evaluate(() => {
			const out: string[] = [];
			const walker = document.createTreeWalker(document.querySelector('[data-testid="report"]')!, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				if (/[\u4e00-\u9fff]/.test(n.textContent!) && !n.parentElement!.closest('[translate="no"], svg'))
					out.push(n.textContent!.trim());
			}
			return out;
		});
		expect(untranslated).toEqual([]);
	});

	test('a city district at A4 width: every listed task, nothing wider than the sheet', async ({ page }) => {
		await page.setViewportSize({ width: 820, height: 1160 });
		await page.goto(city(DISTRICT));
		await expect(page.getByTestId('report-cover')).toContainText('翎荇区');
		const { headings, tasks } = await handoutText(page);
		expect(headings.length).toBeGreaterThan(10);
		expect(tasks.length).toBe(Number(await page.getByTestId('report-kpis').locator('li strong').first().textContent()));
		expect(await findOverflow(page)).toEqual([]);
		// What changed since the last meeting: the overview's panel for the same filters, count for count.
		const printed = page.getByTestId('report-changes').getByTestId('change-count');
		await expect(printed.first()).toBeVisible();
		const counts = (list: typeof printed) =>
			list.evaluateAll((els) => els.map((el) => `${el.getAttribute('data-kind')}=${el.textContent!.trim()}`));
		const onPaper = await counts(printed);
		await page.goto(city(DISTRICT.replace('/report', '/')));
		expect(onPaper).toEqual(await counts(page.getByTestId('changes').getByTestId('change-count')));
	});

	test('“下载 PDF” prints the bundled report on the server', async ({ page, request }) => {
		test.setTimeout(90_000);
		await page.goto(BUNDLED);
		const seen = await handoutText(page);
		const href = await page.getByTestId('report-pdf').getAttribute('href');
		expect(href).toBe(`/report/pdf?year=2024&quarter=2`);
		const response = await request.get(href!);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('application/pdf');
		expect(response.headers()['content-disposition']).toMatch(/^attachment; .*\.pdf/);
		const file = path.join(dir, 'bundled.pdf');
		writeFileSync(file, await response.body());
		const pdf = readPdf(file);
		expectPrinted(pdf, seen);
		// The footer names the scope and period on every page.
		for (const text of pdf.pageTexts) expect(text.replace(/\s+/g, '')).toContain('全部单位·2024年二季度');
	});

	test('npm run pdf prints a city district from a running server', async ({ page }) => {
		test.setTimeout(120_000);
		await page.goto(city(DISTRICT));
		const seen = await handoutText(page);
		const file = path.join(dir, '翎荇区.pdf');
		const run = spawnSync(
			process.execPath,
			['node_modules/tsx/dist/cli.mjs', 'scripts/pdf.ts', '--out', file, '--base', city(''), DISTRICT],
			{ encoding: 'utf8', timeout: 110_000 }
		);
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(run.stdout).toContain(`wrote ${file}`);
		const pdf = readPdf(file);
		expect(pdf.pages).toBeGreaterThan(5);
		expectPrinted(pdf, seen);
		expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
	});

	test('npm run pdf without a Chromium says so and where it looked', async () => {
		const run = spawnSync(
			process.execPath,
			[
				'node_modules/tsx/dist/cli.mjs',
				'scripts/pdf.ts',
				'--out',
				path.join(dir, 'none.pdf'),
				'--base',
				city(''),
				BUNDLED
			],
			{ encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' }, timeout: 60_000 }
		);
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('pdf: no Chromium to print the PDF with (looked for /nonexistent/chromium)');
	});
});

test('each chart on the overview saves as a PNG with its title and scope', async ({ page }) => {
	await open(page, '/?year=2024&quarter=2');
	const panel = page.getByTestId('status-mix');
	await expect(panel.locator('.echart')).toHaveAttribute('data-rendered', 'true');
	const button = panel.getByRole('button', { name: '状态构成: 保存为 PNG 图片' });
	// Reachable from the keyboard: focus it and press Enter.
	await button.focus();
	const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
	expect(download.suggestedFilename()).toBe('状态构成-全部单位 · 2024年二季度.png');
	const png = readFileSync((await download.path())!);
	expect(png.subarray(1, 4).toString()).toBe('PNG');
	// Twice the chart's size, with the heading's band above it.
	const box = (await panel.locator('.echart').boundingBox())!;
	expect(Math.abs(png.readUInt32BE(16) - box.width * 2)).toBeLessThanOrEqual(2);
	expect(Math.abs(png.readUInt32BE(20) - (box.height * 2 + 112))).toBeLessThanOrEqual(2);
	expect(png.length).toBeGreaterThan(10_000);
});

/** A 街道's report whose task names wrap over two or three lines, so a table row is tall enough to be cut. */
function longNamesReport(): string {
	const lines = [
		'长文街道2019年《政府工作报告》第一季度重点任务执行情况',
		'发布日期:2019-04-08 10:00 信息来源:长文街道'
	];
	lines.push('任务类别', '具体任务', '主要内容', '一季度完成情况');
	const categories = ['坚持长文测试，完善分页规则，增强纸面可读性', '坚持表格测试，防止行被分页截断，保障汇报材料完整'];
	for (const [c, category] of categories.entries()) {
		for (let i = 1; i <= 30; i++) {
			const n = c * 30 + i;
			if (i === 1) lines.push(category);
			lines.push(`第${n}项：加快推进区域综合交通枢纽建设并同步完善周边公共服务配套设施（第${n}号）`);
			lines.push(`完成年度投资${i}亿元。`, i % 3 === 0 ? '已完成全部工作。' : '正在有序推进中。');
		}
	}
	// One cell per line, cells apart by a blank line, as a table copied from a report's page.
	return lines.join('\n\n') + '\n';
}

test('rows of several lines are never cut by a page break', async ({ page, request }) => {
	test.setTimeout(90_000);
	const file = path.join(dir, 'long-names.txt');
	writeFileSync(file, longNamesReport());
	execFileSync(
		'node_modules/.bin/tsx',
		['scripts/import.ts', '--db', process.env.E2E_DATABASE_PATH!, '--org', '测试市/长文街道', file],
		{ stdio: 'pipe' }
	);
	const handout = '/report?org=长文街道&year=2019&quarter=1';
	await page.goto(handout);
	const seen = await handoutText(page);
	expect(seen.tasks).toHaveLength(60);
	// The rows are tall: a name takes more than one line in its cell.
	const cell = page.getByTestId('report-task').first().locator('td.name');
	expect((await cell.boundingBox())!.height).toBeGreaterThan(30);
	const response = await request.get(handout.replace('/report', '/report/pdf'));
	expect(response.status()).toBe(200);
	const pdfFile = path.join(dir, 'long-names.pdf');
	writeFileSync(pdfFile, await response.body());
	const pdf = readPdf(pdfFile);
	expect(pdf.pages).toBeGreaterThan(2);
	expectPrinted(pdf, seen);
	// A table that runs over several pages repeats its header row on each of them.
	const withRows = pdf.pageTexts.map(squash).filter((text) => seen.tasks.some((row) => text.includes(squash(row))));
	expect(withRows.length).toBeGreaterThan(1);
	for (const text of withRows) expect(text).toContain('序号任务责任单位状态与序时进度差（百分点）');
});
