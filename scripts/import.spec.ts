/**
 * The import CLI as an office runs it — compiled, as `npm run import` starts it (scripts/cli.js,
 * which compiles it first when stale): the --dry-run --json shape of a wide table, and the Excel
 * template written through `npm run` into a file (npm prints a banner into that file first).
 */
import { execFile, exec } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
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
