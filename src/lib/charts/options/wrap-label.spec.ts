import { describe, expect, it } from 'vitest';
import { charWidth, wrapLines } from './wrap-label';

const width = (line: string) => [...line].reduce((w, c) => w + charWidth(c), 0);

describe('wrapLines', () => {
	it.each([
		['a label that fits stays one line', '扎实办好民生实事', 10, ['扎实办好民生实事']],
		['nothing', '', 10, ['']],
		[
			'breaks between words, never inside one',
			'坚持以人为本，补齐民生短板，不断提高群众满意率',
			9,
			['坚持以人为本，', '补齐民生短板，', '不断提高群众满意率']
		],
		[
			'Latin words break at spaces',
			'Grassroots governance and public safety',
			12,
			['Grassroots governance', 'and public safety']
		],
		['short clauses share a line', '一、稳增长，促发展，惠民生', 12, ['一、稳增长，促发展，', '惠民生']],
		['a clause too long for a line breaks between its words', '坚持农业农村优先发展', 6, ['坚持农业农村', '优先发展']]
	])('%s', (_, text, max, lines) => {
		expect(wrapLines(text, max)).toEqual(lines);
	});

	it('leaves no line of one orphaned character and keeps every character, in order', () => {
		const labels = [
			'坚持以人为本，补齐民生短板，不断提高群众满意率',
			'坚持农业农村优先发展，推进共同富裕，建设宜居宜业和美乡村',
			'坚持党建引领，推进共建共治，筑牢平安稳定底线',
			'推进城市有机更新'
		];
		for (const label of labels) {
			for (const max of [6, 8, 10, 13, 21]) {
				const lines = wrapLines(label, max);
				expect(lines.join(''), `${label} at ${max}`).toBe(label);
				if (lines.length > 1)
					expect(
						lines.every((line) => [...line].length > 1),
						`${label} at ${max}: ${lines}`
					).toBe(true);
				// Only a closing punctuation mark may pass the width.
				for (const line of lines) expect(width(line.replace(/[，。、]$/, '')), `${line}`).toBeLessThanOrEqual(max);
			}
		}
	});

	it('cuts a word wider than the line, and no other', () => {
		const lines = wrapLines('Supercalifragilistic 5G', 4);
		expect(lines.join('').replaceAll(' ', '')).toBe('Supercalifragilistic5G');
		expect(lines.length).toBeGreaterThan(2);
		expect(lines.every((line) => width(line) <= 4)).toBe(true);
		expect(wrapLines('数字 化', 4)).toEqual(['数字 化']);
	});
});
