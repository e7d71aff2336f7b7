/**
 * The import CLI as an office runs it — compiled, as `npm run import` starts it (scripts/cli.js,
 * which compiles it first when stale): the --dry-run --json shape of a wide table, a page that
 * names no organization, and the Excel template written through `npm run` into a file (npm
 * prints a banner into that file first).
 */
import { execFile, exec } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/lib/server/db';
import { wideCsv } from '../src/lib/server/import/fixtures/wide-table';
import { TEMPLATE_COLUMNS, TEMPLATE_LAYOUT, TEMPLATE_SHEET } from '../src/lib/server/import/template';

const run = promisify(execFile);
const shell = promisify(exec);
const dir = mkdtempSync(path.join(tmpdir(), 'jindu-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
	return run(process.execPath, ['scripts/cli.js', 'import', ...args], { encoding: 'utf8' });
}

describe('npm run import', () => {
	it('prints a wide table as its latest period, each task with notes and its earlier periods as history', async () => {
		const file = path.join(dir, 'wide.csv');
		writeFileSync(file, wideCsv());
		const { stdout } = await cli('--dry-run', '--json', file);
		const json = JSON.parse(stdout);
		expect(json.period).toEqual({ year: 2023, quarter: null, months: [1, 11], label: '1-11月' });
		const task = json.categories[0].tasks[1];
		expect(task).toMatchObject({
			name: '完成老旧小区改造2个',
			statusText: '1个小区完工，另1个进度滞后。',
			status: 'behind',
			statusSource: 'reported',
			actual: 1,
			notes: '受雨季影响工期延误，下一步加派施工力量。'
		});
		expect(task.history).toEqual([
			{
				period: { year: 2023, quarter: null, months: [1, 10], label: '1-10月' },
				statusText: '1个小区已开工。',
				status: 'on_track',
				statusSource: 'inferred',
				percent: null,
				notes: null
			}
		]);
		expect(task).not.toHaveProperty('line');
	});

	it('gives a single-period report an empty history, and reads a file by the --format given', async () => {
		const file = path.join(dir, 'report.data');
		writeFileSync(file, readFileSync('src/lib/server/import/fixtures/keqiao-2023-q1.html'));
		const { stdout } = await cli('--dry-run', '--json', '--format', 'html', file);
		const json = JSON.parse(stdout);
		expect(json.categories[0].tasks.map((t: { history: unknown[] }) => t.history)).toEqual([[], [], []]);
		await expect(cli('--dry-run', '--format', 'pdf', file)).rejects.toMatchObject({
			code: 2,
			stderr: expect.stringContaining('--format: unknown format “pdf”')
		});
	});

	it('prints a refused page as {refused: {kind, message, line, text}} and exits with 3', async () => {
		const file = 'src/lib/server/import/fixtures/real/jinzhai-county-2025-h1-supervision.txt';
		const failed = await cli('--dry-run', '--json', file).then(
			() => null,
			(error: { code: number; stdout: string; stderr: string }) => error
		);
		expect(failed?.code).toBe(3);
		const { refused } = JSON.parse(failed!.stdout);
		expect(refused).toMatchObject({ kind: 'counts_only', line: 3 });
		expect(refused.message).toMatch(/only counts per status/);
		expect(refused.text).toContain('欠进度的有17个');
		expect(failed!.stderr).toBe('');
	});

	it('exits with 1, not 3, when one file failed and another was refused; writes nothing for either', async () => {
		const bad = path.join(dir, 'empty.txt');
		writeFileSync(bad, '');
		const db = path.join(dir, 'refused.db');
		const plan = 'src/lib/server/import/fixtures/real/caidian-district-2023-target-responsibility-division.txt';
		await expect(cli('--db', db, plan, bad)).rejects.toMatchObject({
			code: 1,
			stderr: expect.stringMatching(/caidian[^\n]*:2: refused \(plan\)[\s\S]*empty\.txt: error/)
		});
		const written = openDatabase(db);
		expect(await written.selectFrom('sources').select('id').execute()).toEqual([]);
		await written.destroy();
	});

	it('prints a notice with its summary', async () => {
		const file = 'src/lib/server/import/fixtures/real/xuancheng-city-2020-jan-nov-targets.txt';
		const { stdout } = await cli('--dry-run', '--json', '--org', '宣城市', file);
		const json = JSON.parse(stdout);
		expect(json.summary[1]).toMatchObject({ name: '量化指标任务进展情况', total: 55 });
		expect(json.flags.map((f: { kind: string }) => f.kind)).toContain('summary_mismatch');
	});

	it('reads a page that names no government in a dry run, with a warning, and asks for --org to write it', async () => {
		const file = 'src/lib/server/import/fixtures/real/xianning-city-2021-h1-key-work.txt';
		const { stdout } = await cli('--dry-run', '--json', file);
		const json = JSON.parse(stdout);
		expect(json.organization).toEqual([]);
		expect(json.categories.flatMap((c: { tasks: unknown[] }) => c.tasks)).toHaveLength(12);
		expect(json.warnings.some((w: { message: string }) => w.message.includes('--org'))).toBe(true);
		const db = path.join(dir, 'org.db');
		await expect(cli('--db', db, file)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('--org') });
		const { stdout: written } = await cli('--db', db, '--org', '咸宁市', file);
		expect(written).toContain('imported 12 tasks for 咸宁市 2021 上半年');
	});

	it('writes its audit row as the shell user, and keeps a status a person confirmed unless told to replace it', async () => {
		const db = path.join(dir, 'audit.db');
		const seed = 'data/reports/xinjie-2024-q2.txt';
		await cli('--db', db, seed);
		const later = path.join(dir, 'later.txt');
		writeFileSync(later, readFileSync(seed, 'utf8').replace('发布日期:2024-07-08', '发布日期:2024-07-20'));
		const opened = openDatabase(db);
		try {
			const [audit] = await opened.selectFrom('audit_events').selectAll().execute();
			expect(audit).toMatchObject({ kind: 'import', actor: userInfo().username, actor_user_id: null });
			const source = await opened.selectFrom('sources').select('imported_by').executeTakeFirstOrThrow();
			expect(source.imported_by).toBe(userInfo().username);
			// A person's confirmation, as the web writes it: a confirmed current update superseding the reading.
			const update = await opened.selectFrom('updates').selectAll().limit(1).executeTakeFirstOrThrow();
			await opened
				.updateTable('updates')
				.set({ superseded_at: '2024-08-01T00:00:00.000Z' })
				.where('id', '=', update.id)
				.execute();
			const { id: _id, ...rest } = update;
			await opened
				.insertInto('updates')
				.values({ ...rest, status: 'behind', status_source: 'confirmed', confirmed_by: 'li' })
				.execute();
		} finally {
			await opened.destroy();
		}
		const { stdout: kept } = await cli('--db', db, later);
		expect(kept).toContain('kept 1 statuses a person confirmed');
		const latest = path.join(dir, 'latest.txt');
		writeFileSync(latest, readFileSync(seed, 'utf8').replace('发布日期:2024-07-08', '发布日期:2024-07-21'));
		const { stdout: replaced } = await cli('--db', db, '--replace-confirmed', latest);
		expect(replaced).toContain('imported 12 tasks');
		expect(replaced).not.toContain('a person confirmed');
		const after = openDatabase(db);
		try {
			const confirmed = await after
				.selectFrom('updates')
				.select('id')
				.where('status_source', '=', 'confirmed')
				.where('superseded_at', 'is', null)
				.execute();
			expect(confirmed).toEqual([]);
		} finally {
			await after.destroy();
		}
	});

	it('writes the Excel template through npm run into a file that Excel can open', async () => {
		const file = path.join(dir, '模板.xlsx');
		await shell(`npm run import -- --template xlsx > "${file}"`, { encoding: 'utf8' });
		const bytes = readFileSync(file);
		expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
		const sheet = workbook.getWorksheet(TEMPLATE_SHEET)!;
		expect(TEMPLATE_COLUMNS.map((_, i) => sheet.getCell(TEMPLATE_LAYOUT.headerRow, i + 1).value)).toEqual([
			...TEMPLATE_COLUMNS
		]);
	});
});
