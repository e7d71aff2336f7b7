import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { structureOf } from './fixtures/compare';
import {
	beforeMargins,
	deepHtml,
	edited,
	mergeBomb,
	packed,
	seedParts,
	sharedStringsBomb,
	SHEET,
	wideCsv
} from './fixtures/hostile';
import { memoryBound, peakMemory } from './fixtures/peak-memory';
import { buildWorkbook, seedSheet } from './fixtures/workbooks';
import {
	MAX_CELL_CHARS,
	MAX_CELLS,
	MAX_DOCUMENT_BYTES,
	MAX_HTML_ELEMENTS,
	MAX_LINES,
	MAX_ROWS,
	MAX_SHARED_STRINGS,
	MAX_XLSX_CELLS,
	MAX_XLSX_ROWS,
	MAX_XLSX_PARTS
} from './limits';
import { readDocument } from './read-report';
import { ImportError } from './types';
import { zip } from './zip';

const utf8 = (text: string) => new TextEncoder().encode(text);
const seedText = () => readFileSync('data/reports/xinjie-2024-q2.txt', 'utf8');
const HEADER = '序号,工作任务,完成情况\n';

/** [what, the document, its file name, the message expected: the limit's name and the place]. */
const HOSTILE: [string, () => Promise<Uint8Array> | Uint8Array, string, RegExp][] = [
	['a document over the size limit', () => new Uint8Array(MAX_DOCUMENT_BYTES + 1), 'a.txt', /MAX_DOCUMENT_BYTES/],
	['more lines than MAX_LINES', () => utf8('\n'.repeat(MAX_LINES)), 'a.txt', /^line 500001: .*MAX_LINES/],
	[
		'a page-text cell longer than MAX_CELL_CHARS',
		() => utf8(seedText().replace('全力做好智能制造', '长'.repeat(MAX_CELL_CHARS + 1))),
		'a.txt',
		/^line 20: the row on line 20 has a cell of \d+ characters.*MAX_CELL_CHARS/
	],
	[
		'a CSV row with text past MAX_COLUMNS',
		() => wideCsv(300),
		'a.csv',
		/^line 2: a row has text in column 201.*MAX_COLUMNS = 200/
	],
	[
		'a CSV with more than MAX_ROWS rows',
		() => utf8(HEADER + '1,任务,完成。\n'.repeat(MAX_ROWS + 1)),
		'a.csv',
		/MAX_ROWS = 100,000/
	],
	[
		'a CSV with more than MAX_CELLS cells',
		() => utf8(HEADER + `1,任务,完成。${','.repeat(196)}\n`.repeat(Math.ceil(MAX_CELLS / 199) + 1)),
		'a.csv',
		/MAX_CELLS = 1,000,000/
	],
	[
		'a CSV cell longer than MAX_CELL_CHARS',
		() => utf8(`${HEADER}1,任务,${'长'.repeat(MAX_CELL_CHARS + 1)}\n`),
		'a.csv',
		/^line 2: the cell on 第2行 has 32768 characters.*MAX_CELL_CHARS/
	],
	[
		'HTML nested 10 000 deep',
		() => deepHtml(10_000),
		'a.html',
		/^line 1: the page nests elements 513 deep.*MAX_NESTING_DEPTH = 512/
	],
	[
		'HTML with more elements than MAX_HTML_ELEMENTS',
		() => utf8(`<html><body>\n${'<i>'.repeat(MAX_HTML_ELEMENTS)}</body></html>`),
		'a.html',
		/^line 2: .*MAX_HTML_ELEMENTS/
	],
	[
		'an HTML table whose spans lay out more than MAX_CELLS cells',
		() =>
			utf8(
				`<table><tr><th>工作任务</th><th>完成情况</th></tr>\n${'<tr><td rowspan="0" colspan="100">x</td></tr>\n'.repeat(2_000)}</table>`
			),
		'a.html',
		/^line 7: the table spans more cells than that.*MAX_CELLS/
	],
	[
		'an HTML cell repeated by rowspan past MAX_TABLE_CHARS',
		() =>
			utf8(
				`<table><tr><th>工作任务</th><th>完成情况</th></tr><tr><td rowspan="0">${'长'.repeat(30_000)}</td><td>已完成。</td></tr>${'<tr><td>已完成。</td></tr>'.repeat(400)}</table>`
			),
		'a.html',
		/MAX_TABLE_CHARS = 10,000,000/
	],
	[
		'a workbook merging A40:XFD1048576',
		() => mergeBomb(),
		'a.xlsx',
		/the merged range A40:XFD1048576 in xl\/worksheets\/sheet1\.xml covers 17,179,230,208 cells.*MAX_MERGED_CELLS/
	],
	[
		'a workbook merging outside the sheet',
		() => mergeBomb('A1:ZZZZ9'),
		'a.xlsx',
		/merges “A1:ZZZZ9”, which is no range of an Excel sheet/
	],
	[
		'a workbook with more shared strings than cells it may have',
		() => sharedStringsBomb(MAX_SHARED_STRINGS + 1),
		'a.xlsx',
		/has \d+ shared strings.*MAX_SHARED_STRINGS = 60,000/
	],
	[
		'a workbook with more cells than MAX_XLSX_CELLS',
		async () =>
			packed(
				edited(await seedParts(), SHEET, (x) =>
					x.replace('</sheetData>', `<row r="100">${'<c/>'.repeat(MAX_XLSX_CELLS)}</row></sheetData>`)
				)
			),
		'a.xlsx',
		/\(at xl\/worksheets\/sheet1\.xml\).*MAX_XLSX_CELLS/
	],
	[
		'a workbook with more rows than MAX_XLSX_ROWS',
		async () =>
			packed(
				edited(await seedParts(), SHEET, (x) =>
					x.replace('</sheetData>', `${'<row/>'.repeat(MAX_XLSX_ROWS)}</sheetData>`)
				)
			),
		'a.xlsx',
		/more rows than that \(at xl\/worksheets\/sheet1\.xml\).*MAX_XLSX_ROWS = 20,000/
	],
	[
		'a sheet whose one cell per row in column GR lays out past MAX_XLSX_GRID_CELLS',
		async () =>
			packed(
				edited(await seedParts(), SHEET, (x) =>
					x.replace(
						'</sheetData>',
						`${Array.from({ length: 2_000 }, (_, k) => `<row r="${k + 20}"><c r="GR${k + 20}" t="s"><v>1</v></c></row>`).join('')}</sheetData>`
					)
				)
			),
		'a.xlsx',
		/^line 1269: sheet “二季度” lays out more cells than that up to row 1269.*MAX_XLSX_GRID_CELLS = 250,000/
	],
	[
		'a workbook whose merges span more rows than MAX_XLSX_ROWS (exceljs creates each)',
		() => mergeBomb('A21:A30000'),
		'a.xlsx',
		/more rows than that \(at xl\/worksheets\/sheet1\.xml\).*MAX_XLSX_ROWS/
	],
	[
		'a workbook declaring column 100 000 000',
		async () =>
			packed(
				edited(await seedParts(), SHEET, (x) =>
					x.replace('<sheetData', '<cols><col min="1" max="100000000" width="9"/></cols><sheetData')
				)
			),
		'a.xlsx',
		/declares column 100000000.*EXCEL_MAX_COLUMN/
	],
	[
		'a workbook of more parts than MAX_XLSX_PARTS',
		() =>
			new Uint8Array(
				zip(Array.from({ length: MAX_XLSX_PARTS + 1 }, (_, k) => ({ name: `p${k}`, data: Buffer.alloc(0) })))
			),
		'a.xlsx',
		/has 1001 parts.*MAX_XLSX_PARTS/
	],
	[
		'an Excel cell longer than MAX_CELL_CHARS',
		() =>
			buildWorkbook([
				{
					name: 'S',
					rows: [
						['工作任务', '完成情况'],
						['任务', '长'.repeat(MAX_CELL_CHARS + 1)]
					]
				}
			]),
		'a.xlsx',
		/^line 2: cell S!B2 has 32768 characters.*MAX_CELL_CHARS/
	]
];

describe('the limits of the readers: hostile documents are refused, naming the limit and the place', () => {
	it.each(HOSTILE)('%s', async (_, build, fileName, message) => {
		const read = readDocument(await build(), { fileName });
		await expect(read).rejects.toBeInstanceOf(ImportError);
		await expect(read).rejects.toThrow(message);
	});
});

describe('the limits of the readers: what real workbooks do is still read', () => {
	it('reads a workbook whose data validation and defined name span the whole sheet, without expanding them', async () => {
		const validation =
			'<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"甲,乙"</formula1></dataValidation></dataValidations>';
		const names = '<definedNames><definedName name="全表">二季度!$A$1:$XFD$1048576</definedName></definedNames>';
		const parts = edited(await seedParts(), SHEET, beforeMargins(validation));
		const bytes = packed(edited(parts, /^xl\/workbook\.xml$/, (x) => x.replace('<calcPr', `${names}<calcPr`)));
		const started = performance.now();
		const draft = await readDocument(bytes);
		expect(performance.now() - started).toBeLessThan(2_000);
		expect(structureOf(draft)).toEqual(structureOf(await readDocument(await buildWorkbook([seedSheet()]))));
	});
});

/** The four bombs and a large real table, each read in a child process whose peak memory is measured. */
const MEASURED: [string, () => Promise<Uint8Array> | Uint8Array, string, RegExp | null][] = [
	['an 8.5 KB workbook merging A40:XFD1048576', () => mergeBomb(), 'bomb.xlsx', /MAX_MERGED_CELLS/],
	[
		'10 M shared strings in a 421 KB workbook',
		() => sharedStringsBomb(10_000_000),
		'strings.xlsx',
		/\(at xl\/sharedStrings\.xml\).*MAX_XLSX_UNPACKED_BYTES/
	],
	['a 20 MB CSV with 1e7 columns', () => wideCsv(10_000_000), 'wide.csv', /MAX_COLUMNS/],
	['HTML nested 50 000 deep', () => deepHtml(50_000), 'deep.html', /^line 1: .*MAX_HTML_ELEMENTS/],
	[
		'the seed page text repeated to 20 MB (read, 43 008 tasks)',
		() => utf8(repeatedSeed(20 * 1024 * 1024)),
		'big.txt',
		null
	]
];

function repeatedSeed(size: number): string {
	const lines = seedText().split('\n');
	const table = lines.slice(17, 97).join('\n');
	const copies = Math.ceil(size / Buffer.byteLength(table));
	return [lines.slice(0, 17).join('\n'), ...Array.from({ length: copies }, () => table), '扫一扫在手机打开当前页'].join(
		'\n'
	);
}

describe('the limits of the readers: peak memory stays within 20 × the input + 200 MB', () => {
	it.each(MEASURED)('%s', async (_, build, fileName, refusal) => {
		const bytes = await build();
		const peak = await peakMemory(bytes, fileName);
		expect(peak.crash).toBeNull();
		if (refusal) expect(peak.error).toMatch(refusal);
		else expect(peak.error).toBeNull();
		expect(peak.maxRss).toBeLessThanOrEqual(memoryBound(bytes.length));
	});
});
