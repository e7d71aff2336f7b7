import { describe, expect, it } from 'vitest';
import {
	ChromiumMissingError,
	findChromium,
	footerTemplate,
	oneAtATime,
	PrintsBusyError,
	parsePdfArgs,
	PdfArgsError,
	selfBase
} from './pdf';

describe('parsePdfArgs', () => {
	it.each([
		[['--out', 'a.pdf', '/report'], { out: 'a.pdf', path: '/report', base: null }],
		[
			['--out=汇报.pdf', '/report?org=新街街道&year=2024&quarter=2'],
			{ out: '汇报.pdf', path: '/report?org=新街街道&year=2024&quarter=2', base: null }
		],
		[
			['/report?year=2024', '--base', 'http://127.0.0.1:3000/', '--out', 'x.pdf'],
			{ out: 'x.pdf', path: '/report?year=2024', base: 'http://127.0.0.1:3000' }
		]
	])('%j', (argv, expected) => {
		expect(parsePdfArgs(argv)).toEqual(expected);
	});

	it.each([
		[['/report'], /--out is missing/],
		[['--out'], /--out needs a value/],
		[['--out', '--base', 'http://x', '/report'], /--out needs a value/],
		[['--out', 'a.pdf'], /one handout path \(got 0\)/],
		[['--out', 'a.pdf', '/report', '/report'], /one handout path \(got 2\)/],
		[['--out', 'a.pdf', '/tasks?year=2024'], /must start with \/report \(got \/tasks/],
		[['--out', 'a.pdf', '--base', 'localhost:3000', '/report'], /--base must be/],
		[['--out', 'a.pdf', '--pages', '3', '/report'], /unknown option --pages/]
	])('%j is refused', (argv, message) => {
		expect(() => parsePdfArgs(argv)).toThrow(PdfArgsError);
		expect(() => parsePdfArgs(argv)).toThrow(message);
		expect(() => parsePdfArgs(argv)).toThrow(/usage: npm run pdf/);
	});
});

describe('findChromium', () => {
	const only = (present: string[]) => (path: string) => present.includes(path);

	it('takes the first installed browser, or CHROMIUM_PATH when set', () => {
		expect(findChromium({}, only(['/usr/bin/chromium-browser', '/usr/bin/google-chrome']))).toBe(
			'/usr/bin/chromium-browser'
		);
		expect(findChromium({ CHROMIUM_PATH: '/opt/c/chrome' }, only(['/opt/c/chrome', '/usr/bin/chromium']))).toBe(
			'/opt/c/chrome'
		);
	});

	it('says where it looked and how to install one when none is there', () => {
		expect(() => findChromium({}, only([]))).toThrow(ChromiumMissingError);
		expect(() => findChromium({}, only([]))).toThrow(/looked for \/usr\/bin\/chromium, .*apt-get install chromium/);
		// A CHROMIUM_PATH that is missing is not silently replaced by another browser.
		expect(() => findChromium({ CHROMIUM_PATH: '/nope' }, only(['/usr/bin/chromium']))).toThrow(/looked for \/nope\)/);
	});
});

describe('footerTemplate', () => {
	it('puts Chromium’s page number fields where the words say, and escapes the scope', () => {
		const html = footerTemplate('<b>新街街道</b> · 2024年二季度', '第 {page} 页 / 共 {pages} 页');
		expect(html).toContain('&lt;b&gt;新街街道&lt;/b&gt; · 2024年二季度');
		expect(html).toContain('第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页');
		expect(html).not.toContain('<b>');
	});
});

describe('selfBase', () => {
	it.each([
		[{ PDF_BASE_URL: 'http://10.0.0.5:8080/' }, 'http://10.0.0.5:8080'],
		[{ PORT: '3000' }, 'http://127.0.0.1:3000'],
		[{ PORT: '3000', HOST: '0.0.0.0' }, 'http://127.0.0.1:3000'],
		[{ PORT: '3000', HOST: '192.168.1.9' }, 'http://192.168.1.9:3000'],
		[{ PORT: '3000', HOST: '::1' }, 'http://[::1]:3000'],
		[{}, 'https://jindu.example.gov.cn']
	])('%j → %s', (env, expected) => {
		expect(selfBase(env, 'https://jindu.example.gov.cn')).toBe(expected);
	});
});

describe('oneAtATime', () => {
	it('refuses a task beyond its limit of waiting and running ones, and takes one again when a place is free', async () => {
		const queue = oneAtATime(2);
		let release = () => {};
		const first = queue(() => new Promise<string>((r) => (release = () => r('first'))));
		const second = queue(async () => 'second');
		await expect(queue(async () => 'third')).rejects.toBeInstanceOf(PrintsBusyError);
		expect(queue.pending()).toBe(2);
		release();
		await expect(first).resolves.toBe('first');
		await expect(second).resolves.toBe('second');
		await expect(queue(async () => 'fourth')).resolves.toBe('fourth');
	});

	it('starts each task when the one before has settled, failed or not, and counts what waits', async () => {
		const queue = oneAtATime();
		const events: string[] = [];
		let running = 0;
		const task =
			(name: string, fail = false) =>
			async () => {
				running += 1;
				events.push(`start ${name} (${running} running)`);
				await new Promise((r) => setTimeout(r, 10));
				running -= 1;
				events.push(`end ${name}`);
				if (fail) throw new Error(name);
				return name;
			};
		const a = queue(task('a'));
		const b = queue(task('b', true));
		const c = queue(task('c'));
		expect(queue.pending()).toBe(3);
		await expect(a).resolves.toBe('a');
		await expect(b).rejects.toThrow('b');
		await expect(c).resolves.toBe('c');
		expect(events).toEqual([
			'start a (1 running)',
			'end a',
			'start b (1 running)',
			'end b',
			'start c (1 running)',
			'end c'
		]);
		expect(queue.pending()).toBe(0);
	});
});
