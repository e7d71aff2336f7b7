import { describe, expect, it } from 'vitest';
import { decodeDocument } from './decode';
import { ImportError } from './types';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => new Uint8Array(values);

describe('decodeDocument', () => {
	it.each([
		['plain UTF-8', utf8('任务类别\n具体任务'), '任务类别\n具体任务'],
		['UTF-8 with BOM', bytes(0xef, 0xbb, 0xbf, ...utf8('中文')), '中文'],
		['CRLF', utf8('a\r\nb\r\n'), 'a\nb\n'],
		['lone CR', utf8('a\rb'), 'a\nb'],
		['GBK 中文', bytes(0xd6, 0xd0, 0xce, 0xc4), '中文'],
		['GBK with CRLF and ASCII', bytes(0xd6, 0xd0, 0x0d, 0x0a, 0x41, 0xce, 0xc4), '中\nA文'],
		['UTF-16LE with BOM', bytes(0xff, 0xfe, 0x2d, 0x4e, 0x87, 0x65, 0x0d, 0x00, 0x0a, 0x00), '中文\n'],
		['UTF-16BE with BOM', bytes(0xfe, 0xff, 0x4e, 0x2d, 0x65, 0x87), '中文'],
		['empty', bytes(), ''],
		['tabs and form feeds are text', utf8('a\tb\fc'), 'a\tb\fc']
	])('%s', (_, input, expected) => {
		expect(decodeDocument(input)).toBe(expected);
	});

	it('drops a UTF-8 character cut off by the end of the file instead of reading the file as GBK', () => {
		const whole = utf8('进展情况:已完成');
		expect(decodeDocument(whole.subarray(0, whole.length - 1))).toBe('进展情况:已完');
		expect(decodeDocument(whole.subarray(0, whole.length - 2))).toBe('进展情况:已完');
	});

	it('keeps UTF-8 text with a stray invalid byte as UTF-8, marking the byte', () => {
		const text = '杭州市萧山区人民政府新街街道办事处2024年《政府工作报告》第二季度重点任务执行情况'.repeat(4);
		const damaged = new Uint8Array([...utf8(text.slice(0, 20)), 0xff, ...utf8(text.slice(20))]);
		expect(decodeDocument(damaged)).toBe(`${text.slice(0, 20)}\uFFFD${text.slice(20)}`);
	});

	it.each([
		['a NUL byte', bytes(0x41, 0x00, 0x42)],
		['a PDF header with binary', bytes(...utf8('%PDF-1.7\n'), 0x00, 0x01, 0x02)],
		['mostly control characters', bytes(0x01, 0x02, 0x03, 0x04, 0x41, 0x42)],
		['a NUL far into the file', bytes(...utf8('a'.repeat(70_000)), 0x00)],
		['UTF-16 with NUL characters', bytes(0xff, 0xfe, 0x00, 0x00, 0x41, 0x00)]
	])('rejects %s as binary', (_, input) => {
		expect(() => decodeDocument(input)).toThrow(ImportError);
		expect(() => decodeDocument(input)).toThrow(/looks like a binary file, not report text/);
	});
});
