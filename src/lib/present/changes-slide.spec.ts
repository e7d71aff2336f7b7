import { describe, expect, it } from 'vitest';
import { changesSlides, CHANGES_SLIDE_TASKS } from './changes-slide';
import { emptyChangeCounts } from '../domain/changes';
import type { ChangesData } from '../types/changes';
import type { DeckInput } from './slides';

const period = { id: 2, year: 2024, quarter: 2, monthStart: null, monthEnd: 6, label: '二季度' };
const since = { id: 1, year: 2024, quarter: 1, monthStart: null, monthEnd: 3, label: '一季度' };
const task = (i: number) => ({
	taskId: i,
	name: `推进第${i}个老旧小区综合改造提升工程，完成雨污分流、管线下地、加装电梯等配套建设任务`.repeat(3),
	organization: '新街街道',
	category: '城市建设',
	status: 'behind' as const,
	periods: 5 - (i % 3)
});
const summary = (overrides: Partial<ChangesData> = {}): ChangesData => ({
	period,
	since,
	counts: { ...emptyChangeCounts(), recovered: 3, newly_behind: 12, unchanged: 140, unknown: 2 },
	byCategory: [],
	byCategoryMore: 0,
	byOrganization: [],
	longBehind: { min: 3, tasks: Array.from({ length: 8 }, (_, i) => task(i)), total: 57 },
	...overrides
});
const input = (lang: 'zh' | 'en', changeSummary: ChangesData | null | undefined): DeckInput => ({
	lang,
	organization: '新街街道',
	date: '2024-07-10',
	overview: null,
	changes: { counts: [], named: [], earlier: {} },
	flaggedTotal: 0,
	changeSummary
});

describe('changesSlides', () => {
	it('is one slide with the counts and the first tasks behind longest, none without a summary', () => {
		const [slide] = changesSlides(input('zh', summary()));
		expect(slide.title).toBe('变化情况');
		expect(slide.counts.newly_behind).toBe(12);
		expect(slide.longBehind.tasks).toHaveLength(CHANGES_SLIDE_TASKS);
		expect(slide.longBehind.total).toBe(57);
		expect(changesSlides(input('zh', null))).toEqual([]);
		expect(changesSlides(input('zh', undefined))).toEqual([]);
	});

	it.each(['zh', 'en'] as const)('keeps its %s notes a minute long, naming counts and the rest', (lang) => {
		const [slide] = changesSlides(input(lang, summary()));
		const notes = slide.notes.join('\n');
		expect(notes.length).toBeLessThanOrEqual(600);
		expect(notes).toContain('12');
		expect(notes).toContain('54');
		if (lang === 'en') expect(notes).not.toMatch(/[：。（）]/);
	});

	it('says so when the year has no earlier period, and is left out when it would say nothing else', () => {
		const [slide] = changesSlides(input('zh', summary({ since: null })));
		expect(slide.since).toBeNull();
		expect(slide.notes[0]).toContain('无法比较');
		const none = { min: 3, tasks: [], total: 0 };
		expect(changesSlides(input('zh', summary({ since: null, longBehind: none })))).toEqual([]);
		expect(changesSlides(input('zh', summary({ longBehind: none })))).toHaveLength(1);
	});
});
