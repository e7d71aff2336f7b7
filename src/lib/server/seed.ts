/**
 * The embedded default data: on an empty database, import every bundled report in
 * `data/reports/`, so `npm start` shows real reports on first run.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DB } from './db';
import { importDocument } from './import';
import type { ImportResult } from './queries/imports';
import { countSources } from './queries/plans';

const REPORT_FILE = /\.(txt|html?|csv|xlsx)$/i;

/**
 * `manifest.json` beside the reports may name a report's organization chain where its page
 * does not (绍兴市's page is signed only by 市政府办公室): { "file.txt": ["浙江省", "绍兴市"] }.
 */
async function readManifest(dir: string): Promise<Record<string, string[]>> {
	try {
		return JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
		throw new Error(`${path.join(dir, 'manifest.json')}: ${(error as Error).message}`);
	}
}

export interface SeedReport {
	file: string;
	result?: ImportResult;
	error?: string;
}

/** Imports the bundled reports when the database has no source yet; returns what happened to each file. */
export async function seedIfEmpty(db: DB, dir: string): Promise<SeedReport[]> {
	if ((await countSources(db)) > 0) return [];
	const manifest = await readManifest(dir);
	const files = (await readdir(dir)).filter((f) => REPORT_FILE.test(f)).sort();
	const reports: SeedReport[] = [];
	for (const file of files) {
		try {
			const bytes = await readFile(path.join(dir, file));
			const { result } = await importDocument(db, bytes, { fileName: file, organization: manifest[file] });
			reports.push({ file, result });
		} catch (error) {
			// One unreadable bundled report must not keep the others (or the app) from starting.
			reports.push({ file, error: error instanceof Error ? error.message : String(error) });
		}
	}
	return reports;
}
