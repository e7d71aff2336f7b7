import { describe, expect, it } from 'vitest';
import { MAX_XLSX_UNPACKED_BYTES } from './limits';
import { ImportError } from './types';
import { unzip, zip } from './zip';

const parts = [
	{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
	{ name: 'xl/工作表.xml', data: Buffer.from('<worksheet>任务</worksheet>') },
	{ name: 'empty', data: Buffer.alloc(0) }
];

describe('zip and unzip', () => {
	it.each([
		['stored', false],
		['deflated', true]
	])('give back the parts packed %s, names in UTF-8 included', (_, deflate) => {
		expect(unzip(zip(parts, { deflate }))).toEqual(parts);
	});

	it('reads a part exactly as large as the ceiling, and refuses one byte more, by what it unpacks to', () => {
		const exact = [{ name: 'a', data: Buffer.alloc(MAX_XLSX_UNPACKED_BYTES) }];
		expect(unzip(zip(exact, { deflate: true }))[0].data.length).toBe(MAX_XLSX_UNPACKED_BYTES);
		const over = [...exact, { name: 'b', data: Buffer.alloc(1) }];
		expect(() => unzip(zip(over, { deflate: true }))).toThrow(/\(at b\).*MAX_XLSX_UNPACKED_BYTES/);
	});

	it('does not trust the size a part declares', () => {
		const bytes = zip([{ name: 'bomb', data: Buffer.alloc(MAX_XLSX_UNPACKED_BYTES + 10) }], { deflate: true });
		// Declare 10 bytes unpacked in both headers: inflation itself must stop at the ceiling.
		bytes.writeUInt32LE(10, 22);
		bytes.writeUInt32LE(10, bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
		expect(() => unzip(bytes)).toThrow(/MAX_XLSX_UNPACKED_BYTES/);
	});

	it.each([
		['no ZIP directory', () => Buffer.from('PK\x03\x04 not really'), /its ZIP directory is missing/],
		[
			'a damaged part',
			() => flip(zip(parts, { deflate: true }), 30 + '[Content_Types].xml'.length + 1),
			/cannot be unpacked|checksum does not match/
		],
		[
			'a changed stored byte',
			() => flip(zip(parts), 30 + '[Content_Types].xml'.length + 2),
			/part \[Content_Types\]\.xml is damaged \(its checksum/
		],
		['a cut-off file', () => zip(parts).subarray(0, 60), /ZIP directory is missing/],
		['an unknown compression', () => withMethod(zip(parts), 12), /unknown compression \(12\)/]
	])('refuses %s with an ImportError', (_, bytes, message) => {
		expect(() => unzip(bytes())).toThrow(ImportError);
		expect(() => unzip(bytes())).toThrow(message);
	});
});

function flip(bytes: Buffer, at: number): Buffer {
	const copy = Buffer.from(bytes);
	copy[at] ^= 0xff;
	return copy;
}

/** The first part's compression method, changed in its directory entry. */
function withMethod(bytes: Buffer, method: number): Buffer {
	const copy = Buffer.from(bytes);
	copy.writeUInt16LE(method, copy.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
	return copy;
}
