/**
 * Bytes → text for uploaded report pages. Government sites publish in UTF-8 or GBK, people save
 * pages with Windows line endings, and now and then someone uploads a PDF or a .docx by mistake:
 * this is the one place that sorts that out, so every reader works on clean LF-separated text.
 */
import { limitError, MAX_DOCUMENT_BYTES, MAX_LINES } from './limits';
import { ImportError } from './types';

/** How much of a document the binary check looks at; a text file shows its nature early. */
const BINARY_SAMPLE_BYTES = 64 * 1024;
/** Share of control characters above which a file is not text (real pages have none but tab/CR/LF). */
const MAX_CONTROL_SHARE = 0.02;
/**
 * Share of undecodable characters up to which a document still counts as damaged UTF-8 rather
 * than GBK: GBK text read as UTF-8 fails on nearly every Chinese character, while a UTF-8 page
 * with a few stray bytes fails only there.
 */
const MAX_UTF8_DAMAGE_SHARE = 0.01;
/**
 * The same for markup, counted against non-ASCII characters only: a page is mostly ASCII tags and
 * scripts, so a GBK page read as UTF-8 can fail on under 1% of all its characters while failing
 * on nearly every Chinese one.
 */
const MAX_MARKUP_DAMAGE_SHARE = 0.1;

/**
 * The decoder for GBK text: GB18030 reads every GBK byte sequence as GBK does, and also the
 * four-byte codes of characters GBK lacks (•), which Node's own GBK decoder garbles.
 */
const GBK = 'gb18030';

export interface DecodeOptions {
	/** The charset the document declares (an HTML page's <meta charset>), used when the bytes are not valid UTF-8. */
	declared?: string | null;
	/** Markup (HTML): judge damaged UTF-8 against GBK by the non-ASCII characters only. */
	markup?: boolean;
}

/**
 * Decodes a document: UTF-16 with BOM, else UTF-8 (BOM stripped), else the declared charset when
 * there is one, else GBK; CRLF and CR become LF.
 * An incomplete UTF-8 character at the very end (a page cut off mid-character) is dropped, and
 * rare invalid bytes inside UTF-8 text become U+FFFD instead of switching the whole text to GBK.
 * Throws ImportError for binary files (NUL bytes or many control characters), and for a document
 * beyond MAX_DOCUMENT_BYTES or MAX_LINES.
 */
export function decodeDocument(bytes: Uint8Array, options: DecodeOptions = {}): string {
	checkDocumentSize(bytes);
	const text = normaliseLineEnds(decodeBytes(bytes, options));
	let lines = 1;
	for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
		if (++lines > MAX_LINES) throw limitError(`the document has more lines than that`, 'MAX_LINES', MAX_LINES, lines);
	}
	return text;
}

/** Refuses a document too large to read, before any of it is decoded or unpacked (every format). */
export function checkDocumentSize(bytes: Uint8Array): void {
	if (bytes.length > MAX_DOCUMENT_BYTES)
		throw limitError(
			`the document is ${bytes.length.toLocaleString('en')} bytes`,
			'MAX_DOCUMENT_BYTES',
			MAX_DOCUMENT_BYTES
		);
}

/**
 * The encoding a label names, as TextDecoder spells it (gb2312 → gbk), or null for a label it
 * does not know.
 */
export function encodingOf(label: string | null | undefined): string | null {
	if (!label) return null;
	try {
		return new TextDecoder(label.trim()).encoding;
	} catch {
		return null;
	}
}

function decodeBytes(bytes: Uint8Array, options: DecodeOptions): string {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le');
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be');
	const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
	rejectBinary(body);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(body);
	} catch {
		// Saved pages often keep a <meta charset> that no longer holds, so a declaration counts only when the bytes are not UTF-8.
		const declared = encodingOf(options.declared);
		if (declared && declared !== 'utf-8' && !declared.startsWith('utf-16'))
			return new TextDecoder(declared === 'gbk' ? GBK : declared).decode(body);
		return decodeDamagedOrGbk(body, options.markup ?? false);
	}
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
	const text = new TextDecoder(encoding).decode(bytes.subarray(2));
	if (hasBinaryChars(text)) throw binaryError();
	return text;
}

function decodeDamagedOrGbk(body: Uint8Array, markup: boolean): string {
	const whole = withoutIncompleteTail(body);
	const utf8 = new TextDecoder('utf-8').decode(whole);
	let damaged = 0;
	for (let i = utf8.indexOf('\uFFFD'); i !== -1; i = utf8.indexOf('\uFFFD', i + 1)) damaged++;
	if (!markup && damaged <= utf8.length * MAX_UTF8_DAMAGE_SHARE) return utf8;
	if (markup && damaged <= nonAscii(utf8) * MAX_MARKUP_DAMAGE_SHARE) return utf8;
	return new TextDecoder(GBK).decode(body);
}

function nonAscii(text: string): number {
	let count = 0;
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) count++;
	return count;
}

/** Drops a UTF-8 multi-byte sequence that the end of the file cuts short. */
function withoutIncompleteTail(bytes: Uint8Array): Uint8Array {
	for (let back = 1; back <= 3 && back <= bytes.length; back++) {
		const byte = bytes[bytes.length - back];
		if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
		const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
		return need > back ? bytes.subarray(0, bytes.length - back) : bytes;
	}
	return bytes;
}

function rejectBinary(bytes: Uint8Array): void {
	const sample = bytes.subarray(0, BINARY_SAMPLE_BYTES);
	let control = 0;
	for (const byte of sample) {
		if (byte === 0) throw binaryError();
		if (isControl(byte)) control++;
	}
	if (control > sample.length * MAX_CONTROL_SHARE) throw binaryError();
	if (bytes.length > sample.length && bytes.indexOf(0, sample.length) !== -1) throw binaryError();
}

function hasBinaryChars(text: string): boolean {
	const sample = text.slice(0, BINARY_SAMPLE_BYTES);
	let control = 0;
	for (let i = 0; i < sample.length; i++) {
		const code = sample.charCodeAt(i);
		if (code === 0) return true;
		if (isControl(code)) control++;
	}
	return control > sample.length * MAX_CONTROL_SHARE;
}

/** C0 controls other than tab, LF, FF and CR, plus DEL. */
function isControl(code: number): boolean {
	return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f;
}

function binaryError(): ImportError {
	return new ImportError(
		'the file looks like a binary file, not report text (不是文本文件); upload the page text, HTML or Excel export'
	);
}

function normaliseLineEnds(text: string): string {
	return text.replace(/\r\n?/g, '\n');
}
