/**
 * Six offices import at once into one database: six CLI processes started together on the same
 * file. Each write transaction begins IMMEDIATE, so a process that finds the database busy waits
 * (busy_timeout) instead of failing with "database is locked".
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/lib/server/db';
import { migrateToLatest } from '../src/lib/server/db/migrate';

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'jindu-concurrent-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SEED = readFileSync('data/reports/xinjie-2024-q2.txt', 'utf8');
/** Six different documents: the seed as published by six streets. */
const STREETS = ['新街', '东街', '南街', '西街', '北街', '中街'];

describe('npm run import, six at once', () => {
	it('writes every document and fails none', { timeout: 120_000 }, async () => {
		const file = path.join(dir, 'jindu.db');
		const db = openDatabase(file);
		await migrateToLatest(db);
		await db.destroy();
		const documents = STREETS.map((street) => {
			const document = path.join(dir, `${street}.txt`);
			writeFileSync(
				document,
				SEED.replace('新街街道办事处', `${street}街道办事处`).replace('发布机构 新街街道', `发布机构 ${street}街道`)
			);
			return document;
		});

		const results = await Promise.allSettled(
			documents.map((document) =>
				run(process.execPath, ['--import', 'tsx', 'scripts/import.ts', '--db', file, document], { encoding: 'utf8' })
			)
		);

		expect(
			results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))
		).toEqual([]);
		const check = openDatabase(file);
		const sources = await check.selectFrom('sources').select('id').execute();
		const current = await check.selectFrom('updates').select('id').where('superseded_at', 'is', null).execute();
		await check.destroy();
		expect(sources).toHaveLength(6);
		expect(current).toHaveLength(6 * 12);
	});
});
