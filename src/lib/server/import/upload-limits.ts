/**
 * What `/import` accepts in one upload, beside the readers' own limits (limits.ts): a few report
 * files of the formats the CLI reads. A file over these is refused before anything reads it, with
 * a message naming the limit (the README's limits table lists the same constants).
 */
import { MAX_DOCUMENT_BYTES } from './limits';

/** Files in one upload: a district's streets for one quarter, say. */
export const MAX_UPLOAD_FILES = 20;
/**
 * All files of one upload together. The server's BODY_SIZE_LIMIT (scripts/server-env.js) sits just
 * above it, so a larger form is answered by adapter-node before any of it is kept.
 */
export const MAX_UPLOAD_TOTAL_BYTES = 16 * 1024 * 1024;
/**
 * One uploaded file's size: report pages and workbooks are kilobytes to a few megabytes. The
 * reader itself takes up to MAX_DOCUMENT_BYTES; the web form stays below it (and BODY_SIZE_LIMIT).
 */
export const MAX_UPLOAD_FILE_BYTES = Math.min(8 * 1024 * 1024, MAX_DOCUMENT_BYTES);
/** File name endings the CLI reads (its format detection also reads the content). */
export const UPLOAD_EXTENSIONS = ['.txt', '.html', '.htm', '.xlsx', '.csv'] as const;
/** How long an upload waits for its confirm before it is dropped. */
export const PENDING_IMPORT_MINUTES = 60;

export interface UploadedFile {
	name: string;
	size: number;
}

export type UploadIssue =
	| { kind: 'none' }
	| { kind: 'count'; limit: number }
	| { kind: 'total'; limit: number }
	| { kind: 'size'; file: string; limit: number }
	| { kind: 'type'; file: string; allowed: string };

/** What is wrong with an upload (empty when nothing): every file is checked, so the page names them all. */
export function checkUpload(files: UploadedFile[]): UploadIssue[] {
	if (files.length === 0) return [{ kind: 'none' }];
	if (files.length > MAX_UPLOAD_FILES) return [{ kind: 'count', limit: MAX_UPLOAD_FILES }];
	if (files.reduce((n, f) => n + f.size, 0) > MAX_UPLOAD_TOTAL_BYTES)
		return [{ kind: 'total', limit: MAX_UPLOAD_TOTAL_BYTES }];
	return files.flatMap((file): UploadIssue[] => {
		const lower = file.name.toLowerCase();
		if (!UPLOAD_EXTENSIONS.some((ending) => lower.endsWith(ending)))
			return [{ kind: 'type', file: file.name, allowed: UPLOAD_EXTENSIONS.join(' ') }];
		if (file.size > MAX_UPLOAD_FILE_BYTES) return [{ kind: 'size', file: file.name, limit: MAX_UPLOAD_FILE_BYTES }];
		return [];
	});
}
