import { describe, expect, it } from 'vitest';
import { assignThemes, parseThemeRules, THEME_RULES } from './themes';

const RULES = parseThemeRules({
	fallback: { name: '其他', nameEn: 'Other' },
	themes: [
		{ name: '教育', nameEn: 'Education', keywords: ['学校', '教育'] },
		{ name: '数字化', nameEn: 'Digital', keywords: ['数字化'] }
	]
});

describe('assignThemes', () => {
	it.each([
		['新建学校，推进教育数字化', ['教育', '数字化']],
		['实施数字化改造', ['数字化']],
		['完善集镇长效管理机制', ['其他']],
		['', ['其他']]
	])('%s → %j', (text, themes) => {
		expect(assignThemes(text, RULES)).toEqual(themes);
	});

	it('covers the themes leadership asks for in the bundled rules', () => {
		expect(THEME_RULES.themes.map((t) => t.name)).toEqual(
			expect.arrayContaining([
				'数字化',
				'招商引资',
				'产业发展',
				'城市建设',
				'生态环境',
				'教育',
				'文化',
				'民生',
				'平安治理',
				'基层治理',
				'营商环境',
				'交通'
			])
		);
		expect(THEME_RULES.fallback.name).toBe('其他');
	});
});

describe('parseThemeRules', () => {
	it.each([
		['no themes list', {}, /"themes" must be a list/],
		['no fallback', { themes: [] }, /"fallback"/],
		[
			'a theme without keywords',
			{ fallback: { name: '其他', nameEn: 'Other' }, themes: [{ name: '教育', nameEn: 'Education' }] },
			/themes\[0\] \(教育\): "keywords"/
		],
		[
			'an empty keyword',
			{ fallback: { name: '其他', nameEn: 'Other' }, themes: [{ name: '教育', nameEn: 'E', keywords: [''] }] },
			/keywords/
		],
		[
			'a theme listed twice',
			{
				fallback: { name: '其他', nameEn: 'Other' },
				themes: [
					{ name: '教育', nameEn: 'E', keywords: ['学校'] },
					{ name: '教育', nameEn: 'E', keywords: ['教师'] }
				]
			},
			/themes\[1\]: theme 教育 is listed twice/
		]
	])('rejects %s, naming the field', (_, value, message) => {
		expect(() => parseThemeRules(value)).toThrow(message);
	});
});
