import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, formatPlain } from './log';

/** A logger whose lines are collected in memory. */
function capture(format: string, level = 'info') {
	const lines: string[] = [];
	const out = new Writable({
		write(chunk, _encoding, done) {
			lines.push(...String(chunk).split('\n').filter(Boolean));
			done();
		}
	});
	return { log: createLogger({ format, level, out }), lines };
}

describe('formatPlain', () => {
	it.each([
		[
			{
				time: '2026-11-28T12:00:01.234Z',
				level: 30,
				msg: 'request',
				id: 'ab12',
				method: 'GET',
				path: '/tasks',
				status: 200,
				ms: 3.5
			},
			'12:00:01.234 INFO  request id=ab12 method=GET path=/tasks status=200 ms=3.5'
		],
		[
			{ time: '2026-11-28T12:00:01.234Z', level: 40, msg: 'slow', path: '/a b', org: '新街街道', quoted: 'say "x"' },
			'12:00:01.234 WARN  slow path="/a b" org=新街街道 quoted="say \\"x\\""'
		],
		[
			{ time: '2026-11-28T12:00:01.234Z', level: 30, msg: 'x', list: ['a', 1], none: undefined },
			'12:00:01.234 INFO  x list=["a",1]'
		]
	])('%j', (record, expected) => {
		expect(formatPlain(record)).toBe(`${expected}\n`);
	});

	it('puts an error stack after the line', () => {
		const line = formatPlain({
			time: '2026-11-28T12:00:01.234Z',
			level: 50,
			msg: 'boom',
			err: { stack: 'Error: boom\n    at x' }
		});
		expect(line).toBe('12:00:01.234 ERROR boom\nError: boom\n    at x\n');
	});
});

describe('createLogger', () => {
	it('writes JSON lines with LOG_FORMAT=json', () => {
		const { log, lines } = capture('json');
		log.info({ id: 'ab12', status: 404 }, 'request');
		expect(lines).toHaveLength(1);
		expect(JSON.parse(lines[0])).toMatchObject({ level: 30, msg: 'request', id: 'ab12', status: 404 });
	});

	it('writes plain lines otherwise, and leaves out levels below the one asked', () => {
		const { log, lines } = capture('plain', 'warn');
		log.info('hidden');
		log.warn({ file: 'a.txt' }, 'shown');
		expect(lines).toEqual([expect.stringMatching(/^\d\d:\d\d:\d\d\.\d{3} WARN {2}shown file=a\.txt$/)]);
	});
});
