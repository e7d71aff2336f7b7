import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATUSES } from '../../domain/status';
import { encodeGbk } from './fixtures/gbk';
import { buildWorkbook, seedSheet, seedTable, SEED_TITLE } from './fixtures/workbooks';
import { wideCsv, wideHtml, wideXlsx } from './fixtures/wide-table';
import { detectFormat, readDocument, readReport, readSource, type DocumentFormat } from './read-report';
import { ImportError, type ReportDraft } from './types';

const utf8 = (text: string) => new TextEncoder().encode(text);
const fixture = (file: string) => readFileSync(`src/lib/server/import/fixtures/${file}`);
const report = (file: string) => readFileSync(`data/reports/${file}`);
const tasksOf = (draft: ReportDraft) => draft.categories.flatMap((c) => c.tasks);

function seedCsv(separator = ','): string {
	const quote = (t: string) => (t.includes(separator) || /["\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
	return (
		[
			SEED_TITLE,
			'任务类别,具体任务,主要内容,二季度完成情况'.replace(/,/g, separator),
			...seedTable().map((row) => row.map(quote).join(separator))
		].join('\n') + '\n'
	);
}

describe('detectFormat', () => {
	const xlsxBytes = () => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Array(40).fill(0)]);
	it.each([
		['a ZIP container', 'xlsx', xlsxBytes(), undefined],
		['a ZIP container named .csv', 'xlsx', xlsxBytes(), 'a.csv'],
		['anything named .xlsx', 'xlsx', utf8('text'), 'a.xlsx'],
		['a doctype', 'html', utf8('<!DOCTYPE html><html></html>'), 'page.txt'],
		[
			'an HTML table exported as .xls',
			'html',
			utf8('<html><body><table><tr><td>具体任务</td></tr></table>'),
			'export.xls'
		],
		['an HTML table named .xlsx', 'html', utf8('<table><tr><td>具体任务</td></tr></table>'), 'export.xlsx'],
		[
			'markup after a BOM and a comment',
			'html',
			utf8('\uFEFF<!-- saved from url=(0020)https://a.gov.cn/ -->\n<html>'),
			undefined
		],
		['a bare table', 'html', utf8('  <table><tr><td>具体任务</td></tr></table>'), undefined],
		['an .htm name on text', 'html', utf8('具体任务'), 'page.htm'],
		['a .csv name', 'csv', utf8('具体任务\n'), 'a.csv'],
		['a .tsv name', 'csv', utf8('具体任务\n'), 'a.tsv'],
		['a .txt name on comma-separated text', 'text', utf8('具体任务,完成情况\n'), 'a.txt'],
		['comma-separated text without a name', 'csv', utf8('说明\n具体任务,完成情况\n任务一,已完成。\n'), undefined],
		['page text without a name', 'text', report('xinjie-2024-q2.txt'), undefined],
		['pipe-separated page text', 'text', report('keqiao-2023-q1.txt'), 'keqiao']
	] as [string, DocumentFormat, Uint8Array, string | undefined][])('%s → %s', (_, format, bytes, name) => {
		expect(detectFormat(bytes, name)).toBe(format);
	});

	it('is overridden by the format given', async () => {
		const csv = utf8(seedCsv());
		expect((await readSource(csv)).format).toBe('csv');
		await expect(readSource(csv, { format: 'text' })).rejects.toThrow(/no line names the columns of a task table/);
		await expect(readSource(csv, { format: 'html' })).rejects.toThrow(/the page has no table/);
		const tab = utf8(seedCsv('\t'));
		expect((await readSource(tab, { fileName: 'seed.txt' })).format).toBe('text');
		expect(tasksOf((await readSource(tab, { fileName: 'seed.txt', format: 'csv' })).draft)).toHaveLength(12);
	});
});

/** mulberry32: a small seeded PRNG, so every failing case can be replayed. */
function prng(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A draft that is well formed, with warnings on lines the document has; or an ImportError of the reader's own making. */
function expectWellFormed(draft: ReportDraft, lineCount: number, label: string): void {
	expect(Number.isInteger(draft.period.year), label).toBe(true);
	for (const t of tasksOf(draft)) {
		expect(t.name.length, label).toBeGreaterThan(0);
		expect(STATUSES, label).toContain(t.status);
		expect(t.line, label).toBeGreaterThanOrEqual(1);
		expect(t.line, label).toBeLessThanOrEqual(lineCount);
	}
	for (const w of draft.warnings)
		expect(w.line === null || (w.line >= 1 && w.line <= lineCount), `${label}: ${JSON.stringify(w)}`).toBe(true);
	expect(JSON.parse(JSON.stringify(draft)), label).toEqual(draft);
}

function expectImportError(error: unknown, label: string): void {
	expect(error, label).toBeInstanceOf(ImportError);
	expect((error as Error).message, label).not.toMatch(/internal error/);
}

/** Returns whether a draft came back, so that each run can show it exercised both outcomes. */
function expectDraftOrImportError(bytes: Uint8Array, fileName: string, label: string): boolean {
	let draft: ReportDraft;
	try {
		draft = readReport(bytes, { fileName });
	} catch (error) {
		expectImportError(error, label);
		return false;
	}
	const lines = new TextDecoder().decode(bytes).split(/\r\n|\r|\n/).length;
	expectWellFormed(draft, lines, label);
	return true;
}

const CASES = 120;
const TEXT_SOURCES: [string, () => Uint8Array][] = [
	['seed.html', () => fixture('xinjie-2024-q2.html')],
	['keqiao.html', () => fixture('keqiao-2023-q1.html')],
	['wide.html', () => wideHtml()],
	['seed.csv', () => utf8(seedCsv())],
	['seed-gbk.csv', () => encodeGbk(seedCsv())],
	['seed.tsv', () => utf8(seedCsv('\t'))],
	['wide.csv', () => wideCsv()]
];

describe('readReport: mutated HTML and CSV (seeded)', () => {
	it.each(TEXT_SOURCES)('%s survives truncation at random byte offsets', (name, source) => {
		const bytes = source();
		const random = prng(11);
		let drafts = 0;
		for (let n = 0; n < CASES; n++) {
			const cut = Math.floor(random() * bytes.length);
			if (expectDraftOrImportError(bytes.subarray(0, cut), name, `${name} cut at ${cut}`)) drafts++;
		}
		expect(drafts).toBeGreaterThan(0);
	});

	it.each(TEXT_SOURCES)('%s survives garbage bytes injected anywhere', (name, source) => {
		const original = [...source()];
		const random = prng(12);
		let drafts = 0;
		for (let n = 0; n < CASES; n++) {
			const bytes = [...original];
			const count = 1 + Math.floor(random() * 20);
			for (let k = 0; k < count; k++) bytes.splice(Math.floor(random() * bytes.length), 0, Math.floor(random() * 256));
			if (expectDraftOrImportError(new Uint8Array(bytes), name, `${name} garbage #${n}`)) drafts++;
		}
		expect(drafts).toBeGreaterThan(0);
	});

	it.each(TEXT_SOURCES)('%s survives shuffled lines', (name, source) => {
		const random = prng(13);
		const text = new TextDecoder().decode(source());
		for (let n = 0; n < CASES / 4; n++) {
			const lines = text.split('\n');
			for (let i = lines.length - 1; i > 0; i--) {
				const j = Math.floor(random() * (i + 1));
				[lines[i], lines[j]] = [lines[j], lines[i]];
			}
			expectDraftOrImportError(utf8(lines.join('\n')), name, `${name} shuffle #${n}`);
		}
	});

	it.each(['x.html', 'x.csv', 'x.tsv'])('refuses empty and near-empty %s with an ImportError', (name) => {
		for (const bytes of [
			new Uint8Array(),
			utf8('\n'),
			utf8('   '),
			new Uint8Array([0xef, 0xbb, 0xbf]),
			utf8('<html></html>'),
			utf8('""')
		]) {
			expect(() => readReport(bytes, { fileName: name })).toThrow(ImportError);
		}
	});
});

describe('readDocument: mutated workbooks (seeded)', () => {
	const sources: [string, Uint8Array][] = [];
	beforeAll(async () => {
		sources.push(['seed.xlsx', await buildWorkbook([seedSheet()])], ['wide.xlsx', await wideXlsx()]);
	});

	/** Returns whether a draft came back. */
	async function expectWorkbookDraftOrImportError(bytes: Uint8Array, label: string): Promise<boolean> {
		let draft: ReportDraft;
		try {
			draft = await readDocument(bytes, { fileName: 'fuzz.xlsx' });
		} catch (error) {
			expectImportError(error, label);
			return false;
		}
		expectWellFormed(draft, 1000, label);
		return true;
	}

	it('survives truncation at random byte offsets', async () => {
		const random = prng(21);
		for (let n = 0; n < 60; n++) {
			const [name, bytes] = sources[n % sources.length];
			const cut = Math.floor(random() * bytes.length);
			await expectWorkbookDraftOrImportError(bytes.subarray(0, cut), `${name} cut at ${cut}`);
		}
	});

	it('survives flipped bytes', async () => {
		const random = prng(22);
		let drafts = 0;
		for (let n = 0; n < 60; n++) {
			const [name, original] = sources[n % sources.length];
			const bytes = Uint8Array.from(original);
			const count = 1 + Math.floor(random() * 8);
			for (let k = 0; k < count; k++) bytes[Math.floor(random() * bytes.length)] ^= 1 + Math.floor(random() * 255);
			if (await expectWorkbookDraftOrImportError(bytes, `${name} flipped #${n}`)) drafts++;
		}
		// Most flips land in compressed data and the ZIP checksum refuses them; a few land where they change nothing.
		expect(drafts).toBeGreaterThan(0);
	});

	it('refuses an empty file and a bare ZIP header with an ImportError', async () => {
		for (const bytes of [
			new Uint8Array(),
			Uint8Array.from([0x50, 0x4b, 0x03, 0x04]),
			Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)])
		]) {
			await expect(readDocument(bytes, { fileName: 'x.xlsx' })).rejects.toBeInstanceOf(ImportError);
		}
	});
});
