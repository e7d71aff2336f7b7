/**
 * The app's logger: pino, one line per event. `LOG_FORMAT=json` writes pino's own JSON lines
 * (for a log collector); otherwise each line is turned into plain text by `formatPlain`, so a
 * person reading a terminal or journalctl sees `12:00:01.234 INFO request GET /tasks 200 …`
 * without pino-pretty (not a dependency) and without a worker thread. `LOG_LEVEL` picks the
 * least severe level written (info by default; debug, warn, error, silent).
 */
import cluster from 'node:cluster';
import pino, { type DestinationStream, type Logger } from 'pino';

const LEVEL_NAMES: Record<number, string> = {
	10: 'TRACE',
	20: 'DEBUG',
	30: 'INFO',
	40: 'WARN',
	50: 'ERROR',
	60: 'FATAL'
};

/** A field value as it reads in plain text: bare when it is a simple word, JSON-quoted otherwise. */
function plainValue(value: unknown): string {
	if (typeof value === 'string' && /^[^\s"=\\]+$/u.test(value)) return value;
	return JSON.stringify(value) ?? String(value);
}

/**
 * One pino JSON record as one plain line: time of day, level, message, then `key=value` fields
 * in the order they were logged. An error's stack follows on its own lines (only errors have one).
 */
export function formatPlain(record: Record<string, unknown>): string {
	const { time, level, msg, err, ...fields } = record;
	const clock = typeof time === 'string' ? time.slice(11, 23) : new Date(Number(time)).toISOString().slice(11, 23);
	const parts = [clock, (LEVEL_NAMES[Number(level)] ?? String(level)).padEnd(5), String(msg ?? '')];
	for (const [key, value] of Object.entries(fields)) if (value !== undefined) parts.push(`${key}=${plainValue(value)}`);
	const stack = (err as { stack?: string } | undefined)?.stack;
	return parts.join(' ') + (stack ? `\n${stack}` : '') + '\n';
}

/** A pino destination that writes `formatPlain` lines to a stream (stdout for the server, stderr for the CLI). */
function plainDestination(out: NodeJS.WritableStream): DestinationStream {
	return { write: (line: string) => out.write(formatPlain(JSON.parse(line))) };
}

export interface LoggerOptions {
	/** `json` for pino's JSON lines; anything else plain text. Default: $LOG_FORMAT. */
	format?: string;
	/** Default: $LOG_LEVEL or info. */
	level?: string;
	/** Where lines go; default standard output. */
	out?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
	const format = options.format ?? process.env.LOG_FORMAT;
	const settings = {
		level: options.level ?? (process.env.LOG_LEVEL || 'info'),
		// Which of `npm start`'s workers (scripts/serve.js) wrote the line; nothing in a single process.
		base: cluster.worker ? { worker: cluster.worker.id } : null,
		timestamp: pino.stdTimeFunctions.isoTime,
		serializers: { err: pino.stdSerializers.err }
	};
	if (format === 'json') return pino(settings, options.out ? (options.out as DestinationStream) : pino.destination(1));
	return pino(settings, plainDestination(options.out ?? process.stdout));
}

/** The server's logger (standard output). */
export const log = createLogger();

/** What one import's log line says (the CLI's, the server's seeding, any later importer). */
export interface ImportFacts {
	/** The OS user of the CLI, `seed` for the bundled reports at start, a user name for a web import. */
	who: string;
	file: string | null;
	sha256: string;
	organization: string[];
	/** e.g. `2024 上半年`. */
	period: string;
	outcome: string;
	tasks: number;
	ms: number;
}

export function logImport(logger: Logger, facts: ImportFacts): void {
	logger.info({ ...facts, organization: facts.organization.join('/') }, 'import');
}
