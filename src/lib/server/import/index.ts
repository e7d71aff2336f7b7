/**
 * The import pipeline as the app and the CLI use it: read a document of any format into a draft
 * (pure), then write it in one transaction. `previewDocument` stops before writing. Both are
 * async because Excel workbooks are read asynchronously.
 */
import { createHash } from 'node:crypto';
import type { DB } from '../db';
import { writeReport, type ImportResult } from '../queries/imports';
import { resolveOrganization } from './organization';
import { readSource, type DocumentFormat, type SourceReading } from './read-report';
import type { ReportDraft } from './types';

export { ImportError } from './types';
export type { ReportDraft } from './types';
export { DOCUMENT_FORMATS, type DocumentFormat } from './read-report';

export interface ImportOptions {
	fileName?: string;
	/** Organization chain top down, overriding what the document says. */
	organization?: string[];
	/** The document's format, overriding detection by content and file name. */
	format?: DocumentFormat;
	/** An Excel workbook's sheet; the first by default. */
	sheet?: string;
}

export interface Preview {
	draft: ReportDraft;
	organization: string[];
	/** The format the document was read as. */
	format: DocumentFormat;
}

/** Reads a document without writing anything; rejects with ImportError for a document that cannot be imported. */
export async function previewDocument(bytes: Uint8Array, options: ImportOptions = {}): Promise<Preview> {
	return toPreview(await readSource(bytes, options), options);
}

function toPreview({ draft, format }: SourceReading, options: ImportOptions): Preview {
	return { draft, organization: resolveOrganization(draft, options.organization), format };
}

/** Reads and writes one document; all or nothing. */
export async function importDocument(
	db: DB,
	bytes: Uint8Array,
	options: ImportOptions = {}
): Promise<Preview & { result: ImportResult }> {
	const reading = await readSource(bytes, options);
	const preview = toPreview(reading, options);
	const result = await writeReport(
		db,
		preview.draft,
		{
			bytes,
			text: reading.text,
			sha256: createHash('sha256').update(bytes).digest('hex'),
			fileName: options.fileName ?? null,
			format: reading.format
		},
		preview.organization
	);
	return { ...preview, result };
}
