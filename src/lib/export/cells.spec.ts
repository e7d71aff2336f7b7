import { describe, expect, it } from 'vitest';
import { contentDisposition, csvField, csvLine, exportFileName, neutraliseCell } from './cells';

describe('neutraliseCell', () => {
	it.each([
		["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
		['+1+1', "'+1+1"],
		['-2', "'-2"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\t=1', "'\t=1"],
		['\r=1', "'\r=1"],
		['＝1+1', "'＝1+1"],
		['完成60%', '完成60%'],
		['a=b', 'a=b'],
		['', ''],
		[' =1', "' =1"],
		['\u3000+1', "'\u3000+1"],
		['\n=1', "'\n=1"]
	])('%j → %j', (input, expected) => {
		expect(neutraliseCell(input)).toBe(expected);
	});
});

describe('csvField', () => {
	it.each([
		['plain', 'plain'],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['two\nlines', '"two\nlines"'],
		["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
		['=1,2', `"'=1,2"`],
		[null, ''],
		[undefined, ''],
		[12.5, '12.5'],
		[Number.NaN, '']
	])('%j → %j', (input, expected) => {
		expect(csvField(input)).toBe(expected);
	});

	it('ends a record with CRLF', () => {
		expect(csvLine(['序号', '任务', null, 3])).toBe('序号,任务,,3\r\n');
	});
});

describe('exportFileName', () => {
	const day = new Date('2026-11-26T10:00:00Z');
	it.each([
		[['新街街道', '2024年二季度', null, 'behind'], '任务-新街街道-2024年二季度-behind-2026-11-26.csv'],
		[[], '任务-2026-11-26.csv'],
		[['a/b\\c:"d"'], '任务-a_b_c_d_-2026-11-26.csv'],
		[['x y'], '任务-x_y-2026-11-26.csv']
	])('%j', (parts, expected) => {
		expect(exportFileName('任务', parts, day, 'csv')).toBe(expected);
	});

	it('stays short for long filter values', () => {
		const name = exportFileName(
			'任务',
			['消'.repeat(500), '防'.repeat(500), '字'.repeat(500), '改'.repeat(500), '造'.repeat(500), '数'.repeat(500)],
			day,
			'xlsx'
		);
		expect([...name].length).toBeLessThan(140);
		expect(name.endsWith('-2026-11-26.xlsx')).toBe(true);
	});

	it('gives an ASCII fallback and the exact UTF-8 name', () => {
		expect(contentDisposition('任务-2026-11-26.csv')).toBe(
			`attachment; filename="__-2026-11-26.csv"; filename*=UTF-8''%E4%BB%BB%E5%8A%A1-2026-11-26.csv`
		);
	});
});
