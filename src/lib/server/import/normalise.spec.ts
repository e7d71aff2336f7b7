import { describe, expect, it } from 'vitest';
import { matchForm, matchFormMapped, publishedSpan, trimWhere } from './normalise';

describe('matchForm', () => {
	it.each([
		['97個項目達序時或超序時進度', '97个项目达序时或超序时进度'],
		['工程進度嚴重滯後', '工程进度严重滞后'],
		['序(xù)時進度', '序时进度'],
		['序（xù）時（shí）', '序时'],
		['滯(zhì) 後', '滞后'],
		['任务 名称', '任务名称'],
		['任务\n名称', '任务名称'],
		['完成率４５％，达到序时进度', '完成率45%,达到序时进度'],
		['ＡＢＣ１２３：', 'ABC123:'],
		['完成 40%', '完成 40%'],
		['宫颈癌(HPV)疫苗', '宫颈癌(HPV)疫苗'],
		['新建(改建)道路', '新建(改建)道路'],
		['Phase (a) done', 'Phase (a) done'],
		['为爲為', '为为为'],
		['已完成年度任务', '已完成年度任务'],
		['', '']
	])('%s → %s', (text, form) => {
		expect(matchForm(text)).toBe(form);
	});
});

describe('matchFormMapped', () => {
	it.each([
		['項目進度滯後。', '滞后', '滯後'],
		['序(xù)時推進', '序时推进', '序(xù)時推進'],
		['任务 名称', '务名', '务 名'],
		['完成率４５％', '45%', '４５％'],
		['进度滞后', '滞后', '滞后']
	])('maps %s back to the published text', (text, phrase, published) => {
		const mapped = matchFormMapped(text);
		const start = mapped.form.indexOf(phrase);
		expect(start).toBeGreaterThanOrEqual(0);
		expect(publishedSpan(text, mapped, start, start + phrase.length)).toBe(published);
	});

	it('keeps one origin per character of the form', () => {
		const text = '宿豫區 100項(xiàng)民生實事，ＡＢ';
		const mapped = matchFormMapped(text);
		expect(mapped.origin).toHaveLength(mapped.form.length);
		expect(mapped.origin).toEqual([...mapped.origin!].sort((a, b) => a - b));
	});
});

describe('matchForm on a long run of spaces (a cell pasted over and over)', () => {
	it.each([
		['甲' + '\t'.repeat(30_000) + 'a', '甲' + '\t'.repeat(30_000) + 'a'],
		['甲' + ' '.repeat(30_000) + '乙', '甲乙'],
		['a' + ' '.repeat(30_000) + '乙', 'a' + ' '.repeat(30_000) + '乙']
	])(
		'takes time in proportion to its length (%#)',
		(text, form) => {
			expect(matchForm(text)).toBe(form);
		},
		2_000
	);
});

describe('trimWhere: trailing (and leading) characters cut by a scan', () => {
	const punctuation = (c: string) => '。；;，,'.includes(c);
	it.each([
		['完成目标。；', '完成目标'],
		['完成，目标，', '完成，目标'],
		['，，，', ''],
		['', ''],
		['完成', '完成']
	])('%s → %s', (text, trimmed) => {
		expect(trimWhere(text, punctuation)).toBe(trimmed);
	});

	it('cuts both sides when asked, and keeps what is inside', () => {
		const separator = (c: string) => c === '|' || /\s/.test(c);
		expect(trimWhere('| |  任务 | 进展 |\t|', separator, 'both')).toBe('任务 | 进展');
		expect(trimWhere('| |  任务 | 进展 |\t|', separator)).toBe('| |  任务 | 进展');
	});

	it('reads a run of 100 000 of them whole (a pasted cell), leaving the text before it', () => {
		expect(trimWhere(`目标${'，'.repeat(100_000)}`, punctuation)).toBe('目标');
		expect(trimWhere(`${'，'.repeat(100_000)}x`, punctuation)).toBe(`${'，'.repeat(100_000)}x`);
	});
});
