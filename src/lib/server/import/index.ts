/**
 * The import pipeline as the app and the CLI use it: read a document into a draft (pure), then
 * write it in one transaction. `previewDocument` stops before writing.
 */
import { createHash } from 'node:crypto';
import type { DB } from '../db';
import { writeReport, type ImportResult } from '../queries/imports';
import { resolveOrganization } from './organization';
import { flagSameAsPrevious } from './quality';
import { readReport } from './read-report';
import { decodeDocument } from './decode';
import type { ReportDraft } from './types';

export { ImportError } from './types';
export type { ReportDraft } from './types';

export interface ImportOptions {
	fileName?: string;
	/** Organization chain top down, overriding what the document says. */
	organization?: string[];
}

export interface Preview {
	draft: ReportDraft;
	organization: string[];
}

/** Reads a document without writing anything; throws ImportError for a document that cannot be imported. */
export function previewDocument(bytes: Uint8Array, options: ImportOptions = {}): Preview {
	const draft = readReport(bytes, { fileName: options.fileName });
	return { draft, organization: resolveOrganization(draft, options.organization) };
}

/** Reads and writes one document; all or nothing. */
export async function importDocument(
	db: DB,
	bytes: Uint8Array,
	options: ImportOptions = {}
): Promise<Preview & { result: ImportResult }> {
	const preview = previewDocument(bytes, options);
	const result = await writeReport(
		db,
		preview.draft,
		{
			bytes,
			text: decodeDocument(bytes),
			sha256: createHash('sha256').update(bytes).digest('hex'),
			fileName: options.fileName ?? null,
			format: 'text'
		},
		preview.organization,
		{ flagSameAsPrevious: (previous) => flagSameAsPrevious(preview.draft, previous) }
	);
	return { ...preview, result };
}
