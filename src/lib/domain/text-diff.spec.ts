import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffStatusTexts, splitPhrases, type DiffPart } from './text-diff';

/** Status texts as the bundled real reports print them: one cell a line, the long lines with phrases. */
function statusTexts(file: string): string[] {
	return readFileSync(`data/reports/${file}`, 'utf8')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line.length > 30 && /[，,。；]/.test(line));
}
const XINJIE = statusTexts('xinjie-2024-q2.txt');
const XIAOSHAN = statusTexts('xiaoshan-2020-h1.txt');
const PATROL = XINJIE.find((t) => t.startsWith('开展常态化平安巡查'))!;
const FUNDS = XIAOSHAN.find((t) => t.startsWith('已上线15条政策'))!;

const marked = (parts: DiffPart[], change: DiffPart['change']) =>
	parts.filter((p) => p.change === change).map((p) => p.text);
const text = (parts: DiffPart[], keep: DiffPart['change']) =>
	parts
		.filter((p) => p.change === 'same' || p.change === keep)
		.map((p) => p.text)
		.join('');

describe('splitPhrases', () => {
	it.each([
		['开展巡查，完成布点。', ['开展巡查，', '完成布点。']],
		['完成投资1.25亿元,惠及企业1,344家;', ['完成投资1.25亿元,', '惠及企业1,344家;']],
		['一、二、三', ['一、', '二、', '三']],
		['无标点', ['无标点']],
		['', []]
	])('%s', (input, expected) => {
		expect(splitPhrases(input)).toEqual(expected);
		expect(splitPhrases(input).join('')).toBe(input);
	});
});

describe('diffStatusTexts on real status texts', () => {
	it('marks a sentence added in front of a real text, and nothing else', () => {
		const before = `一季度开展冬季防火专项检查，完成微型消防站布点。${PATROL}`;
		const parts = diffStatusTexts(before, PATROL);
		expect(marked(parts, 'removed')).toEqual(['一季度开展冬季防火专项检查，完成微型消防站布点。']);
		expect(marked(parts, 'added')).toEqual([]);
	});

	it('marks the changed figure of a long phrase, not the whole phrase', () => {
		const after = FUNDS.replace('1.25亿元', '2.5亿元');
		const parts = diffStatusTexts(FUNDS, after);
		expect(marked(parts, 'removed').join('')).toContain('1.25');
		expect(marked(parts, 'added').join('')).toContain('2.5');
		expect(marked(parts, 'removed').join('')).not.toContain('累积兑现资金');
		expect(text(parts, 'same').length).toBeGreaterThan(FUNDS.length / 2);
	});

	it('marks a replaced short phrase whole', () => {
		const phrase = splitPhrases(PATROL)[1];
		const after = PATROL.replace(phrase, '开展夜间巡逻,');
		const parts = diffStatusTexts(PATROL, after);
		expect(marked(parts, 'removed')).toEqual([phrase]);
		expect(marked(parts, 'added')).toEqual(['开展夜间巡逻,']);
	});

	it('gives back both texts of every pair of neighbouring real status texts, by phrase', () => {
		const texts = [...XINJIE, ...XIAOSHAN, ...statusTexts('keqiao-2023-q1.txt')];
		expect(texts.length).toBeGreaterThan(20);
		for (let i = 1; i < texts.length; i++) {
			const parts = diffStatusTexts(texts[i - 1], texts[i]);
			expect(text(parts, 'removed')).toBe(texts[i - 1]);
			expect(text(parts, 'added')).toBe(texts[i]);
		}
	});

	it('marks nothing for the same text', () => {
		expect(diffStatusTexts(PATROL, PATROL)).toEqual([{ text: PATROL, change: 'same' }]);
	});
});
