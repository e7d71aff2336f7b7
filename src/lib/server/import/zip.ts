/**
 * Just enough of the ZIP format to look inside an Excel workbook before exceljs does. exceljs
 * unpacks every part in full and trusts what it finds, so a workbook of a few kilobytes can
 * unpack to gigabytes; here each part is inflated with a ceiling on its output, and the parts
 * can be packed again (stored, uncompressed) once they are known to be safe.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { limitError, MAX_XLSX_PARTS, MAX_XLSX_UNPACKED_BYTES } from './limits';
import { ImportError } from './types';

export interface ZipPart {
	name: string;
	data: Buffer;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record is 22 bytes plus a comment of up to 65 535. */
const END_SEARCH = 22 + 0xffff;

function corrupt(detail: string): ImportError {
	return new ImportError(`the file is not a readable Excel workbook (.xlsx): ${detail}`);
}

/** Where the central directory is and how many entries it has, from the end record. */
function directoryOf(bytes: Buffer): { offset: number; count: number } {
	for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - END_SEARCH); at--) {
		if (bytes.readUInt32LE(at) !== END_OF_DIRECTORY) continue;
		const count = bytes.readUInt16LE(at + 10);
		const offset = bytes.readUInt32LE(at + 16);
		if (count === 0xffff || offset === 0xffffffff) throw corrupt('ZIP64 containers are not read');
		return { offset, count };
	}
	throw corrupt('its ZIP directory is missing (the file is cut off or damaged)');
}

/**
 * Every part of the container, unpacked; refuses a container with more than MAX_XLSX_PARTS parts
 * or whose parts unpack to more than MAX_XLSX_UNPACKED_BYTES together, before that much memory is
 * taken (the sizes a ZIP declares are not trusted: inflation itself stops at the ceiling).
 */
export function unzip(input: Uint8Array): ZipPart[] {
	const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
	const { offset, count } = directoryOf(bytes);
	if (count > MAX_XLSX_PARTS) throw limitError(`the workbook has ${count} parts`, 'MAX_XLSX_PARTS', MAX_XLSX_PARTS);
	const parts: ZipPart[] = [];
	let unpacked = 0;
	let at = offset;
	for (let i = 0; i < count; i++) {
		if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY)
			throw corrupt('its ZIP directory is damaged');
		const flags = bytes.readUInt16LE(at + 8);
		const method = bytes.readUInt16LE(at + 10);
		const crc = bytes.readUInt32LE(at + 16);
		const size = bytes.readUInt32LE(at + 20);
		const nameLength = bytes.readUInt16LE(at + 28);
		const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
		const local = bytes.readUInt32LE(at + 42);
		const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
		at += 46 + skip;
		if (name.endsWith('/')) continue;
		if (flags & 1) throw corrupt(`part ${name} is encrypted`);
		const data = partData(bytes, local, size, method, name, MAX_XLSX_UNPACKED_BYTES - unpacked);
		if (crc32(data) !== crc) throw corrupt(`part ${name} is damaged (its checksum does not match)`);
		unpacked += data.length;
		parts.push({ name, data });
	}
	return parts;
}

function partData(bytes: Buffer, local: number, size: number, method: number, name: string, room: number): Buffer {
	if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL_HEADER) throw corrupt(`part ${name} is damaged`);
	const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
	if (start + size > bytes.length) throw corrupt(`part ${name} is cut off`);
	const packed = bytes.subarray(start, start + size);
	const tooBig = () =>
		limitError(
			`the workbook's parts unpack to more than that (at ${name})`,
			'MAX_XLSX_UNPACKED_BYTES',
			MAX_XLSX_UNPACKED_BYTES
		);
	if (method === 0) {
		if (packed.length > room) throw tooBig();
		return packed;
	}
	if (method !== 8) throw corrupt(`part ${name} uses an unknown compression (${method})`);
	let data: Buffer;
	try {
		// One byte more than there is room for tells "too big" apart from "exactly full".
		data = inflateRawSync(packed, { maxOutputLength: room + 1 });
	} catch (error) {
		if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig();
		throw corrupt(`part ${name} cannot be unpacked (${(error as Error).message})`);
	}
	if (data.length > room) throw tooBig();
	return data;
}

/**
 * Packs parts into a ZIP container: stored without compression by default, since the reader only
 * reads it back at once; `deflate` compresses (tests build small files that unpack to a lot).
 */
export function zip(parts: readonly ZipPart[], { deflate = false } = {}): Buffer {
	const locals: Buffer[] = [];
	const entries: Buffer[] = [];
	let offset = 0;
	for (const { name, data: raw } of parts) {
		const nameBytes = Buffer.from(name, 'utf8');
		const crc = crc32(raw);
		const data = deflate ? deflateRawSync(raw, { level: 9 }) : raw;
		const method = deflate ? 8 : 0;
		const local = Buffer.alloc(30);
		local.writeUInt32LE(LOCAL_HEADER, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x0800, 6); // names are UTF-8
		local.writeUInt16LE(method, 8);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(raw.length, 22);
		local.writeUInt16LE(nameBytes.length, 26);
		const entry = Buffer.alloc(46);
		entry.writeUInt32LE(DIRECTORY_ENTRY, 0);
		entry.writeUInt16LE(20, 4);
		entry.writeUInt16LE(20, 6);
		entry.writeUInt16LE(0x0800, 8);
		entry.writeUInt16LE(method, 10);
		entry.writeUInt32LE(crc, 16);
		entry.writeUInt32LE(data.length, 20);
		entry.writeUInt32LE(raw.length, 24);
		entry.writeUInt16LE(nameBytes.length, 28);
		entry.writeUInt32LE(offset, 42);
		locals.push(local, nameBytes, data);
		entries.push(entry, nameBytes);
		offset += 30 + nameBytes.length + data.length;
	}
	const directory = Buffer.concat(entries);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(END_OF_DIRECTORY, 0);
	end.writeUInt16LE(parts.length, 8);
	end.writeUInt16LE(parts.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, directory, end]);
}
