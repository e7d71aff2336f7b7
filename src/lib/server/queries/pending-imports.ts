/**
 * Uploads between their preview and their confirm (table pending_imports, migration 0020): kept
 * in the database under random ids and the uploader's account, never under the file's name, and
 * dropped when they expire or are confirmed.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { PENDING_IMPORT_MINUTES } from '../import/upload-limits';

type Db = Kysely<Database>;

export interface PendingFile {
	id: string;
	position: number;
	fileName: string;
	bytes: Uint8Array;
}

const randomId = () => randomBytes(18).toString('base64url');

/** Keeps one upload's files for the account; returns the batch id the preview page is addressed by. */
export async function savePendingImports(
	db: Db,
	userId: number,
	files: { name: string; bytes: Uint8Array }[],
	now = new Date()
): Promise<string> {
	const batch = randomId();
	const expires = new Date(now.getTime() + PENDING_IMPORT_MINUTES * 60_000).toISOString();
	await db.deleteFrom('pending_imports').where('expires_at', '<', now.toISOString()).execute();
	await db
		.insertInto('pending_imports')
		.values(
			files.map((file, position) => ({
				id: randomId(),
				batch,
				position,
				user_id: userId,
				file_name: file.name,
				bytes: file.bytes,
				expires_at: expires
			}))
		)
		.execute();
	return batch;
}

/** The batch's files still waiting, in upload order; only the uploader's, only unexpired ones. */
export async function listPendingImports(
	db: Db,
	batch: string,
	userId: number,
	now = new Date()
): Promise<PendingFile[]> {
	return db
		.selectFrom('pending_imports')
		.select(['id', 'position', 'file_name as fileName', 'bytes'])
		.where('batch', '=', batch)
		.where('user_id', '=', userId)
		.where('expires_at', '>=', now.toISOString())
		.orderBy('position')
		.execute();
}

/** Drops one waiting file of the account (after its confirm, or when discarded). */
export async function deletePendingImport(db: Db, id: string, userId: number): Promise<void> {
	await db.deleteFrom('pending_imports').where('id', '=', id).where('user_id', '=', userId).execute();
}
