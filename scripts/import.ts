/**
 * npm run import -- FILE... [--dry-run] [--json] [--org 杭州市/萧山区/新街街道] [--db PATH] [--format F] [--sheet S] [--replace-confirmed]
 * npm run import -- --template xlsx > 模板.xlsx
 *
 * Imports published progress reports (page text, HTML, Excel, CSV). Each file is its own
 * transaction: a bad file writes nothing and does not stop the others. Exit code 1 when any file
 * failed, 3 when none failed but a page was refused for its kind (a plan, a counts-only notice, an
 * investment summary, a narrative report), 2 on bad usage.
 */
import { fstatSync, ftruncateSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import { explainDatabaseError, openDatabase } from '../src/lib/server/db';
import { createLogger, logImport } from '../src/lib/server/log';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import {
	DOCUMENT_FORMATS,
	ImportError,
	importDocument,
	previewDocument,
	type DocumentFormat,
	type Preview
} from '../src/lib/server/import';
import { ImportRefusal } from '../src/lib/server/import/refusal';
import { buildTemplate } from '../src/lib/server/import/template';
import { STATUS_LABEL } from '../src/lib/domain/status';

const USAGE = `usage: npm run import -- FILE... [--dry-run] [--json] [--org 市/区/街道] [--db PATH] [--format F] [--sheet S]
       npm run import -- --template xlsx > 模板.xlsx
  --dry-run   read and check only; write nothing
  --json      with --dry-run: one JSON object per file (one per line)
  --org       the organization chain, top down, separated by /, when the page does not say it
  --db        database file (default: $DATABASE_PATH or data/jindu.db)
  --format    text | html | xlsx | csv, instead of telling the format by content and file name
  --sheet     the Excel sheet to read (default: the first)
  --replace-confirmed  the document's reading replaces statuses a person confirmed (kept by default)
  --template  xlsx: write an empty Excel template, with a sheet explaining it, to standard output`;

function fail(message: string): never {
	console.error(`${message}\n${USAGE}`);
	process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
	return parseArgs({
		allowPositionals: true,
		options: {
			'dry-run': { type: 'boolean', default: false },
			json: { type: 'boolean', default: false },
			org: { type: 'string' },
			db: { type: 'string' },
			format: { type: 'string' },
			sheet: { type: 'string' },
			'replace-confirmed': { type: 'boolean', default: false },
			template: { type: 'string' },
			help: { type: 'boolean', short: 'h', default: false }
		}
	});
}
try {
	args = parse();
} catch (error) {
	fail((error as Error).message);
}
if (args.values.help) {
	console.log(USAGE);
	process.exit(0);
}
if (args.values.template !== undefined) {
	if (args.values.template !== 'xlsx') fail(`--template: unknown template “${args.values.template}” (only xlsx)`);
	if (args.positionals.length > 0) fail('--template takes no files');
	if (process.stdout.isTTY)
		fail('--template writes a binary file: redirect it, e.g. npm run import -- --template xlsx > 模板.xlsx');
	writeBinaryToStdout(await buildTemplate());
	process.exit(0);
}
if (args.positionals.length === 0) fail('no file given');
if (args.values.json && !args.values['dry-run']) fail('--json goes with --dry-run');
const format = args.values.format as DocumentFormat | undefined;
if (format !== undefined && !DOCUMENT_FORMATS.includes(format))
	fail(`--format: unknown format “${format}” (${DOCUMENT_FORMATS.join(', ')})`);
const sheet = args.values.sheet;

const organization = args.values.org
	?.split('/')
	.map((s) => s.trim())
	.filter(Boolean);
const dryRun = args.values['dry-run'];
const dbFile = args.values.db || process.env.DATABASE_PATH || 'data/jindu.db';
const db = dryRun ? null : await openAndMigrate(dbFile);
// One structured line per import on standard error (LOG_FORMAT=json for JSON), beside the summary on standard output.
const log = createLogger({ out: process.stderr });
const who = userInfo().username;

let failures = 0;
let refusals = 0;
for (const file of args.positionals) {
	try {
		const bytes = await readFile(file);
		if (db) {
			const started = performance.now();
			const {
				draft,
				organization: chain,
				result
			} = await importDocument(db, bytes, {
				fileName: file,
				organization,
				format,
				sheet,
				// The audit row names the shell user; no account stands behind a command line.
				actor: { name: who, userId: null },
				replaceConfirmed: args.values['replace-confirmed']
			});
			const where = `${chain.join(' › ')} ${draft.period.year} ${draft.period.label}`;
			logImport(log, {
				who,
				file,
				sha256: createHash('sha256').update(bytes).digest('hex'),
				organization: chain,
				period: `${draft.period.year} ${draft.period.label}`,
				outcome: result.outcome,
				tasks: result.taskCount,
				ms: Math.round(performance.now() - started)
			});
			if (result.outcome === 'unchanged')
				console.log(`${file}: already imported (same content), nothing changed — ${where}`);
			else {
				console.log(
					`${file}: imported ${result.taskCount} tasks for ${where}` +
						(result.outcome === 'history' ? ' as history (a later report for this period is current)' : '') +
						(result.historyCount > 0 ? `, with ${result.historyCount} updates for earlier periods of the table` : '') +
						(result.replacedCount > 0 ? `; replaced ${result.replacedCount} earlier updates, kept as history` : '') +
						`; ${result.flagCount} quality flags`
				);
				if (result.keptConfirmedCount > 0)
					console.log(
						`${file}: kept ${result.keptConfirmedCount} statuses a person confirmed (the document's reading is history beside them; --replace-confirmed to take it)`
					);
			}
			for (const w of draft.warnings) console.warn(`${file}:${w.line ?? '-'}: warning: ${w.message}`);
		} else {
			const preview = await previewDocument(bytes, { fileName: file, organization, format, sheet });
			if (args.values.json) console.log(JSON.stringify(toJson(preview)));
			else printSummary(file, preview);
		}
	} catch (error) {
		if (error instanceof ImportRefusal) {
			refusals++;
			const { kind, reason: message, line, text } = error;
			if (args.values.json) console.log(JSON.stringify({ refused: { kind, message, line, text } }));
			else console.error(`${file}:${line}: refused (${kind}): ${message}`);
			continue;
		}
		failures++;
		if (db) log.warn({ who, file, error: error instanceof Error ? error.message : String(error) }, 'import failed');
		if (error instanceof ImportError)
			console.error(`${file}:${error.line ?? ''}${error.line ? ':' : ''} error: ${error.message}`);
		else if ((error as NodeJS.ErrnoException).code === 'ENOENT') console.error(`${file}: error: no such file`);
		else
			console.error(
				`${file}: error: ${explainDatabaseError(error, dbFile) ?? (error instanceof Error ? error.message : String(error))}`
			);
	}
}
await db?.destroy();
process.exit(failures > 0 ? 1 : refusals > 0 ? 3 : 0);

/** The database, migrated; a file that cannot be opened or migrated ends the run with one clear line (exit 1). */
async function openAndMigrate(file: string) {
	try {
		const opened = openDatabase(file);
		await migrateToLatest(opened);
		return opened;
	} catch (error) {
		const message = explainDatabaseError(error, file) ?? (error instanceof Error ? error.message : String(error));
		console.error(`error: ${message}`);
		process.exit(1);
	}
}

/**
 * The documented --dry-run --json shape: the draft without the reader's line numbers, plus the
 * organization. A task's fields are its latest period's; a wide table's earlier periods are its
 * `history` (empty for a single-period report).
 */
function toJson({ draft, organization }: Preview) {
	return {
		source: draft.source,
		organization,
		period: draft.period,
		categories: draft.categories.map((c) => ({
			name: c.name,
			tasks: c.tasks.map(({ line: _line, history, ...task }) => ({
				...task,
				targets: task.targets.map(({ value, unit, comparator }) => ({ value, unit, comparator })),
				notes: task.notes,
				history: (history ?? []).map(({ period, statusText, status, statusSource, percent, notes }) => ({
					period,
					statusText,
					status,
					statusSource,
					percent,
					notes
				}))
			}))
		})),
		flags: draft.flags.map(({ kind, tasks, detail }) => ({ kind, tasks, detail })),
		summary: draft.summary ?? null,
		warnings: draft.warnings
	};
}

function printSummary(file: string, { draft, organization, format }: Preview): void {
	const taskCount = draft.categories.reduce((n, c) => n + c.tasks.length, 0);
	const earlier = [
		...new Set(draft.categories.flatMap((c) => c.tasks.flatMap((t) => (t.history ?? []).map((h) => h.period.label))))
	];
	console.log(`${file} (${format})`);
	console.log(`  ${draft.source.title ?? '(no title)'}`);
	const org = organization.length > 0 ? organization.join(' › ') : '(not named on the page — writing needs --org)';
	console.log(`  organization: ${org}   period: ${draft.period.year} ${draft.period.label}`);
	if (draft.source.indexNo)
		console.log(
			`  索引号 ${draft.source.indexNo}   成文日期 ${draft.source.writtenOn ?? '-'}   发布日期 ${draft.source.publishedOn ?? '-'}`
		);
	console.log(
		`  ${draft.categories.length} categories, ${taskCount} tasks${earlier.length > 0 ? `; earlier periods in the table: ${earlier.join('、')}` : ''}`
	);
	for (const category of draft.categories) {
		console.log(`  ■ ${category.name ?? '(no category)'}`);
		for (const task of category.tasks) {
			const mark = task.statusSource === 'inferred' ? '*' : '';
			const targets = task.targets.map((t) => `${t.comparator}${t.value}${t.unit}`).join(' ');
			console.log(
				`    - ${task.name}  [${STATUS_LABEL.zh[task.status]}${mark}]${task.percent !== null ? `  ${task.percent}%` : ''}${targets ? `  targets: ${targets}` : ''}${task.themes.length ? `  themes: ${task.themes.join('、')}` : ''}`
			);
		}
	}
	for (const scope of draft.summary ?? []) {
		const counts = scope.counts.map((c) => `${c.phrase} ${c.count} (named ${c.named})`).join('; ');
		console.log(`  Σ ${scope.name ?? '(notice)'}${scope.total !== null ? ` of ${scope.total}` : ''}: ${counts}`);
	}
	for (const flag of draft.flags) console.log(`  ⚑ ${flag.kind}: ${flag.tasks.join(', ')} — ${flag.detail}`);
	for (const w of draft.warnings) console.log(`  ! line ${w.line ?? '-'}: ${w.message}`);
	console.log('  (dry run: nothing written; * = status inferred from text)');
}

/**
 * Writes bytes to standard output. `npm run` prints its "> jindu import" banner into a redirected
 * file before this process starts, which would make the first bytes of an .xlsx text: when
 * standard output is a regular file that npm has already written to, the file is rewritten from
 * its start.
 */
function writeBinaryToStdout(bytes: Uint8Array): void {
	const out = 1;
	const stat = fstatSync(out);
	const position = stat.isFile() && stat.size > 0 && process.env.npm_lifecycle_event ? 0 : null;
	for (let written = 0; written < bytes.length; ) {
		written += writeSync(out, bytes, written, bytes.length - written, position === null ? null : written);
	}
	if (position !== null) ftruncateSync(out, bytes.length);
}
