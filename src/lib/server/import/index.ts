/**
 * The import pipeline as the app and the CLI use it: read a document of any format into a draft
 * (pure), then write it in one transaction. `previewDocument` stops before writing. Both are
 * async because Excel workbooks are read asynchronously.
 */
import { createHash } from 'node:crypto';
import { checkpoint, type DB } from '../db';
import { writeReport, type Actor, type ImportResult } from '../queries/imports';
import { requireOrganization, resolveOrganization } from './organization';
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

/** What only a write needs: who imports (for the audit row) and which confirmed statuses the new reading replaces. */
export interface WriteChoices {
	actor?: Actor;
	replaceConfirmed?: boolean | readonly number[];
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

/**
 * The preview names the organization, or warns that none was found: a dry run still reads and
 * shows everything, while writing needs one (--org).
 */
function toPreview({ draft, format }: SourceReading, options: ImportOptions): Preview {
	const organization = resolveOrganization(draft, options.organization);
	if (organization.length === 0) {
		draft.warnings.push({
			line: null,
			message:
				'未能从标题、正文或发布机构确定所属单位（办公室、督查室代表其政府但未写明名称）；写入数据库需用 --org 指定'
		});
	}
	return { draft, organization, format };
}

/** Reads and writes one document; all or nothing. */
export async function importDocument(
	db: DB,
	bytes: Uint8Array,
	options: ImportOptions & WriteChoices = {}
): Promise<Preview & { result: ImportResult }> {
	const reading = await readSource(bytes, options);
	const preview = toPreview(reading, options);
	requireOrganization(preview.organization);
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
		preview.organization,
		{ actor: options.actor, replaceConfirmed: options.replaceConfirmed }
	);
	// Into the database file at once: a copy of the file alone (or a backup) then has the import. The
	// import is committed (in the log) before this: a checkpoint that fails (a full disk) must not
	// report it as failed; SQLite checkpoints again later.
	if (result.outcome !== 'unchanged') await checkpoint(db).catch(() => undefined);
	return { ...preview, result };
}
