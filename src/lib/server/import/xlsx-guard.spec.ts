import { describe, expect, it } from 'vitest';
import { beforeMargins, edited, packed, seedParts, SHEET } from './fixtures/hostile';
import { areaOf, guardWorkbook } from './xlsx-guard';
import { unzip } from './zip';

describe('areaOf: cells in a reference', () => {
	it.each([
		['B7', 1],
		['A1:D1', 4],
		['$A$8:$A$11', 4],
		['D11:A8', 16],
		['a40:xfd1048576', 16_384 * 1_048_537],
		['A1:XFE1', null],
		['A0', null],
		['A1:A1048577', null],
		['A1:B2:C3', null],
		['', null],
		['Sheet1!A1', null]
	])('%s → %s', (ref, area) => {
		expect(areaOf(ref)).toBe(area);
	});
});

describe('guardWorkbook: what exceljs would expand is left out, the rest kept byte for byte', () => {
	const sheetOf = (bytes: Uint8Array) =>
		unzip(bytes)
			.find((p) => SHEET.test(p.name))!
			.data.toString('utf8');

	it('drops data validations and defined names, keeps an extension list’s prefixed ones', async () => {
		const validations =
			'<dataValidations count="1"><dataValidation sqref="A1:XFD1048576"><formula1>"甲"</formula1></dataValidation></dataValidations>' +
			'<dataValidations/><x14:dataValidations count="1"/>';
		const seed = await seedParts();
		const parts = edited(seed, SHEET, beforeMargins(validations));
		const withNames = edited(parts, /^xl\/workbook\.xml$/, (x) =>
			x.replace(
				'<calcPr',
				'<definedNames><definedName name="n">S!$A$1:$XFD$1048576</definedName></definedNames><calcPr'
			)
		);
		const guarded = unzip(guardWorkbook(packed(withNames)));
		const sheet = guarded.find((p) => SHEET.test(p.name))!.data.toString('utf8');
		expect(sheet).not.toContain('<dataValidation');
		expect(sheet).toContain('<x14:dataValidations count="1"/><pageMargins');
		expect(guarded.find((p) => p.name === 'xl/workbook.xml')!.data.toString('utf8')).not.toContain('definedName');
		const untouched = seed.filter((p) => !SHEET.test(p.name) && p.name !== 'xl/workbook.xml');
		for (const part of untouched) expect(guarded.find((p) => p.name === part.name)!.data).toEqual(part.data);
	});

	it('leaves an unclosed block as it is, in linear time', async () => {
		const open = '<dataValidations count="1">'.repeat(200_000);
		const bytes = packed(edited(await seedParts(), SHEET, beforeMargins(open)));
		const started = performance.now();
		expect(sheetOf(guardWorkbook(bytes))).toContain(open);
		expect(performance.now() - started).toBeLessThan(1_000);
	});
});
