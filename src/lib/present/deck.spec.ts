import { describe, expect, it } from 'vitest';
import { computeKpis } from '../domain/kpi';
import { CATEGORY_CHART_LIMIT, rankCategories } from '../domain/category-ranking';
import type { Status } from '../domain/status';
import type { FlagKind } from '../domain/flags';
import type { OverviewData } from '../types/overview';
import type { AttentionTask, StatusChanges } from '../types/overview';
import {
	buildDeck,
	pages,
	slideData,
	type CategorySlide,
	type DeckInput,
	type TaskListSlide,
	type ThemeSlide,
	type TrendSlide
} from './deck';
import type { SlideKind } from './params';

const Q1 = { id: 1, year: 2024, quarter: 1, monthStart: null, monthEnd: 3, label: '一季度' };
const Q2 = { id: 2, year: 2024, quarter: 2, monthStart: null, monthEnd: 6, label: '二季度' };

/** A task row of the attention list: name, category, status, flags. */
function task(taskId: number, category: string | null, status: Status, flags: FlagKind[] = []): AttentionTask {
	return {
		taskId,
		name: `任务${taskId}`,
		category,
		organization: '新街街道',
		status,
		statusSource: 'inferred',
		flags,
		periodTarget: null,
		ratio: null,
		gap: null,
		light: null
	};
}

/**
 * Two categories: 甲 with 2 behind, 1 not started, 1 completed; 乙 with 1 on track and 1 flagged unknown.
 * Q1 had one fewer behind task.
 */
function overview(overrides: Partial<OverviewData> = {}): OverviewData {
	const tasks = [
		task(1, '甲', 'behind'),
		task(2, '甲', 'behind', ['duplicate_text']),
		task(3, '甲', 'not_started'),
		task(6, '乙', 'unknown', ['target_not_reported'])
	];
	const byCategory = [
		{ category: '甲', position: 1, status: 'completed' as const, statusSource: 'inferred' as const, taskCount: 1 },
		{ category: '甲', position: 1, status: 'behind' as const, statusSource: 'inferred' as const, taskCount: 2 },
		{ category: '甲', position: 1, status: 'not_started' as const, statusSource: 'inferred' as const, taskCount: 1 },
		{ category: '乙', position: 2, status: 'on_track' as const, statusSource: 'reported' as const, taskCount: 1 },
		{ category: '乙', position: 2, status: 'unknown' as const, statusSource: 'inferred' as const, taskCount: 1 }
	];
	const byPeriod = [
		...byCategory.map(({ status, statusSource, taskCount }) => ({ periodId: 2, status, statusSource, taskCount })),
		{ periodId: 1, status: 'on_track' as const, statusSource: 'reported' as const, taskCount: 4 },
		{ periodId: 1, status: 'behind' as const, statusSource: 'reported' as const, taskCount: 1 },
		{ periodId: 1, status: 'completed' as const, statusSource: 'reported' as const, taskCount: 1 }
	];
	return {
		period: Q2,
		periods: [Q1, Q2],
		categoryCount: 2,
		kpis: computeKpis(byPeriod, 2, 1),
		previous: Q1,
		byPeriod,
		byCategory,
		byTheme: [
			{ theme: '教育', themeEn: 'Education', status: 'behind', statusSource: 'inferred', taskCount: 1 },
			{ theme: '数字化', themeEn: 'Digital', status: 'completed', statusSource: 'inferred', taskCount: 1 },
			{ theme: '数字化', themeEn: 'Digital', status: 'on_track', statusSource: 'reported', taskCount: 1 }
		],
		progress: [{ periodId: 2, taskCount: 2, meanRatio: 0.376 }],
		attention: { total: tasks.length, tasks },
		...overrides
	};
}

const changes: StatusChanges = {
	counts: [{ key: '甲', from: 'on_track', to: 'behind', count: 1 }],
	named: [{ taskId: 2, name: '任务2', key: '甲', from: 'on_track', to: 'behind' }],
	earlier: { 2: 'on_track' }
};

function input(overrides: Partial<DeckInput> = {}): DeckInput {
	return {
		lang: 'zh',
		organization: '新街街道',
		date: '2024-07-10',
		overview: overview(),
		changes,
		flaggedTotal: 2,
		...overrides
	};
}

const kinds = (agenda: SlideKind[] | null, from = input(), pageSize = 6) =>
	buildDeck(from, agenda, { pageSize }).map((s) => s.kind);

describe('buildDeck: which slides, in which order', () => {
	const cases: [string, SlideKind[] | null, DeckInput, number, SlideKind[]][] = [
		[
			'the default agenda',
			null,
			input(),
			6,
			['title', 'kpi', 'categories', 'categories', 'themes', 'trend', 'attention', 'quality']
		],
		[
			'attention paged by 3',
			null,
			input(),
			3,
			['title', 'kpi', 'categories', 'categories', 'themes', 'trend', 'attention', 'attention', 'quality']
		],
		[
			'an agenda from the URL',
			['kpi', 'categories', 'attention'],
			input(),
			6,
			['kpi', 'categories', 'categories', 'attention']
		],
		['the order given', ['attention', 'kpi'], input(), 6, ['attention', 'kpi']],
		['a kind twice', ['kpi', 'trend', 'kpi'], input(), 6, ['kpi', 'trend', 'kpi']],
		[
			'no quality slide without flags',
			null,
			input({ overview: overview({ attention: { total: 1, tasks: [task(1, '甲', 'behind')] } }), flaggedTotal: 0 }),
			6,
			['title', 'kpi', 'categories', 'categories', 'themes', 'trend', 'attention']
		],
		[
			'no theme slide without themes',
			['themes', 'trend'],
			input({ overview: overview({ byTheme: [] }) }),
			6,
			['trend']
		],
		[
			'one attention slide when nothing needs attention',
			['attention'],
			input({ overview: overview({ attention: { total: 0, tasks: [] } }) }),
			6,
			['attention']
		],
		['no data: the title slide only', null, input({ overview: null }), 6, ['title']],
		[
			'an agenda that selects nothing falls back to the title',
			['quality'],
			input({ overview: overview({ attention: { total: 0, tasks: [] } }), flaggedTotal: 0 }),
			6,
			['title']
		]
	];
	it.each(cases)('%s', (_name, agenda, from, pageSize, expected) => {
		expect(kinds(agenda, from, pageSize)).toEqual(expected);
	});

	it('gives every slide a unique key, also for a kind on the agenda twice', () => {
		const keys = buildDeck(input(), ['kpi', 'categories', 'kpi', 'categories']).map((s) => s.key);
		expect(new Set(keys).size).toBe(keys.length);
	});
});

describe('buildDeck: what the slides show', () => {
	it('titles the deck with organization, plan, period and date', () => {
		const [title] = buildDeck(input(), ['title']);
		expect(title).toMatchObject({
			kind: 'title',
			organization: '新街街道',
			plan: '2024年《政府工作报告》重点任务执行情况',
			period: '2024年二季度',
			date: '汇报日期 2024-07-10'
		});
		expect(title.notes).toEqual(['新街街道2024年二季度重点任务执行情况，共 6 项任务，本次汇报 1 页。']);
	});

	it('lists the behind and not-started tasks of each category, most severe first, paged onto continuation slides', () => {
		const [a1, a2, b] = buildDeck(input(), ['categories'], { categoryRows: 2 }) as CategorySlide[];
		expect(a1).toMatchObject({
			key: 'category-1',
			title: '甲',
			position: 1,
			of: 2,
			total: 4,
			page: 1,
			pages: 2,
			more: 0
		});
		expect(a1.tasks.map((t) => t.taskId)).toEqual([1, 2]);
		expect(a2).toMatchObject({ key: 'category-1-2', title: '甲（续）', page: 2, pages: 2, from: 3, more: 0 });
		expect(a2.tasks.map((t) => t.taskId)).toEqual([3]);
		expect(b).toMatchObject({ title: '乙', total: 2, tasks: [], page: 1, pages: 1, more: 0 });
	});

	it('gives each listed task only what the slide shows: its category, source, dates and flags stay out of the page data', () => {
		const [a1] = buildDeck(input(), ['categories'], { categoryRows: 2 }) as CategorySlide[];
		const first = overview().attention.tasks.find((t) => t.taskId === a1.tasks[0].taskId)!;
		expect(a1.tasks[0]).toEqual({
			taskId: first.taskId,
			name: first.name,
			organization: first.organization,
			status: first.status,
			light: first.light,
			gap: first.gap
		});
	});

	it('ranks a category’s tasks by the attention order: red before yellow, the larger gap first, behind before not started', () => {
		const ranked = [
			{ ...task(11, '甲', 'not_started'), light: 'red' as const, gap: -5 },
			{ ...task(12, '甲', 'behind'), light: null, gap: null },
			{ ...task(13, '甲', 'behind'), light: 'yellow' as const, gap: -8 },
			{ ...task(14, '甲', 'behind'), light: 'red' as const, gap: -30 }
		];
		const [a] = buildDeck(input({ categoryTasks: { 甲: ranked } }), ['categories']) as CategorySlide[];
		expect(a.tasks.map((t) => t.taskId)).toEqual([14, 11, 13, 12]);
	});

	it('stops after categoryPages slides and counts the rest from the counts', () => {
		const many = Array.from({ length: 3 }, (_, i) => task(20 + i, '甲', 'behind'));
		const data = overview({ attention: { total: 3, tasks: many } });
		const slides = buildDeck(input({ overview: data }), ['categories'], { categoryRows: 1, categoryPages: 2 });
		const a = slides.filter((s) => (s as CategorySlide).category === '甲') as CategorySlide[];
		expect(a.map((s) => s.tasks[0].taskId)).toEqual([20, 21]);
		// 甲 counts 2 behind and 1 not started: 3, of which two are listed.
		expect(a.map((s) => s.more)).toEqual([0, 1]);
	});

	it('orders category slides as the page orders its bars: most tasks first, the 其他 bucket not a slide', () => {
		const row = (category: string, position: number, taskCount: number) =>
			({ category, position, status: 'behind', statusSource: 'reported', taskCount }) as const;
		// 20 categories in report order, the later ones larger; a task published with ASCII commas.
		const byCategory = Array.from({ length: 20 }, (_, i) => row(`类别，${i + 1}`, i + 1, i + 1));
		const tasks = [task(7, '类别,20', 'behind')];
		const data = overview({ byCategory, attention: { total: 1, tasks } });
		const slides = buildDeck(input({ overview: data }), ['categories']) as CategorySlide[];
		expect(slides.map((s) => s.category)).toEqual(rankCategories(byCategory).slice(0, CATEGORY_CHART_LIMIT));
		expect(slides.map((s) => s.total)).toEqual([20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6]);
		expect(slides[0].tasks.map((t) => t.name)).toEqual(['任务7']);
	});

	it('sends the page the counts of the categories and themes that have a slide, and nothing else', () => {
		const row = (category: string, position: number, taskCount: number) =>
			({ category, position, status: 'behind', statusSource: 'reported', taskCount }) as const;
		const byCategory = Array.from({ length: 20 }, (_, i) => row(`类别${i + 1}`, i + 1, i + 1));
		const data = overview({ byCategory });
		const deck = buildDeck(input({ overview: data }), null, { maxThemes: 1 });
		const sent = slideData(data, deck);
		const slid = deck.filter((s): s is CategorySlide => s.kind === 'categories').map((s) => s.category);
		expect(new Set(sent.byCategory.map((r) => r.category))).toEqual(new Set(slid));
		expect(slid).toHaveLength(CATEGORY_CHART_LIMIT);
		// Each slide's chart reads the same rows as from the whole data.
		for (const category of slid)
			expect(sent.byCategory.filter((r) => r.category === category)).toEqual(
				byCategory.filter((r) => r.category === category)
			);
		const themes = deck.flatMap((s) => (s.kind === 'themes' ? s.themes : []));
		expect(themes).toHaveLength(1);
		expect(sent.byTheme).toEqual(data.byTheme.filter((r) => themes.includes(r.theme)));
		expect(Object.keys(sent).sort()).toEqual([
			'byCategory',
			'byPeriod',
			'byTheme',
			'kpis',
			'period',
			'periods',
			'progress'
		]);
	});

	it('counts left-out names from the counts, so a capped attention list does not hide them', () => {
		const capped = input({ overview: overview({ attention: { total: 4, tasks: [task(1, '甲', 'behind')] } }) });
		const [a] = buildDeck(capped, ['categories']) as CategorySlide[];
		expect(a.tasks).toHaveLength(1);
		expect(a.more).toBe(2);
	});

	it('ranks themes by task count and keeps at most maxThemes', () => {
		const [slide] = buildDeck(input(), ['themes'], { maxThemes: 1 }) as ThemeSlide[];
		expect(slide.themes).toEqual(['数字化']);
		expect(slide.more).toBe(1);
	});

	it('puts 序时进度 and the mean completion of the period on the trend slide', () => {
		const [slide] = buildDeck(input(), ['trend']) as TrendSlide[];
		expect(slide.schedule).toBe(0.5);
		expect(slide.meanRatio).toBe(0.376);
		expect(slide.notes).toEqual([
			'2024年二季度的序时进度为 50%。',
			'有数值目标的 2 项任务平均完成 38%，与序时进度相差 -12.4 个百分点。',
			'各期已完成占比：2024年一季度 17%、2024年二季度 17%。'
		]);
	});

	it('pages the attention list without losing or repeating a task, never more than a page per slide', () => {
		for (const size of [1, 2, 3, 4, 5, 6]) {
			const slides = buildDeck(input(), ['attention'], { pageSize: size }) as TaskListSlide[];
			expect(slides.every((s) => s.tasks.length <= size)).toBe(true);
			expect(slides.flatMap((s) => s.tasks.map((t) => t.taskId))).toEqual([1, 2, 3, 6]);
			expect(slides.map((s) => `${s.page}/${s.pages}`)).toEqual(slides.map((_, i) => `${i + 1}/${slides.length}`));
		}
	});

	it('says how many a capped list leaves out, on the last page only', () => {
		const capped = input({
			overview: overview({ attention: { total: 40, tasks: overview().attention.tasks } }),
			flaggedTotal: 9
		});
		const attention = buildDeck(capped, ['attention'], { pageSize: 3 }) as TaskListSlide[];
		expect(attention.map((s) => s.more)).toEqual([0, 36]);
		expect(attention[1].notes).toContain('另有 36 项未列出，见任务列表。');
		const [quality] = buildDeck(capped, ['quality']) as TaskListSlide[];
		expect(quality).toMatchObject({ total: 9, more: 7 });
	});

	it('leaves out the data-quality slides when they would repeat the attention slides', () => {
		const flagged = overview().attention.tasks.map((t) => ({ ...t, flags: ['duplicate_text' as const] }));
		const all = input({ overview: overview({ attention: { total: 4, tasks: flagged } }), flaggedTotal: 4 });
		const kinds = buildDeck(all, null).map((s) => s.kind);
		expect(kinds).toContain('attention');
		expect(kinds).not.toContain('quality');
		// One flagged task fewer: the two lists differ, both are shown.
		expect(buildDeck(input(), null).map((s) => s.kind)).toContain('quality');
	});

	it('lists the loader’s flagged tasks on the data-quality slide when it has them', () => {
		const flaggedTasks = [
			task(40, '乙', 'completed', ['same_as_previous']),
			task(41, '甲', 'on_track', ['empty_status'])
		];
		const [slide] = buildDeck(input({ flaggedTasks, flaggedTotal: 30 }), ['quality']) as TaskListSlide[];
		expect(slide.tasks.map((t) => t.taskId)).toEqual([40, 41]);
		expect(slide).toMatchObject({ total: 30, more: 28 });
	});

	it('lists only flagged tasks on the data-quality slide', () => {
		const [slide] = buildDeck(input(), ['quality']) as TaskListSlide[];
		expect(slide.tasks.map((t) => t.taskId)).toEqual([2, 6]);
		expect(slide.notes[0]).toBe('2 项任务有数据质量提示：与其他任务同期文字相同 1、目标未见报告 1。');
	});
});

describe('speaker notes', () => {
	it('KPI notes: counts, inferred share, change against the previous period, and which tasks changed', () => {
		const [slide] = buildDeck(input(), ['kpi']);
		expect(slide.notes).toEqual([
			'共 6 项任务：已完成 1 项，达到或超过进度 1 项（其中超进度 0 项），欠进度 2 项，未启动 1 项，无法判断 1 项。',
			'其中 5 项的状态由完成情况文字推断，未经人工确认。',
			'与2024年一季度相比：达到或超过进度 −3、欠进度 +1、未启动 +1、无法判断 +1。',
			'变化最大的 1 项：任务2（达进度 → 欠进度）。'
		]);
	});

	it('says so when there is no previous period', () => {
		const [slide] = buildDeck(
			input({
				overview: overview({ previous: null, kpis: computeKpis(overview().byPeriod, 2, null) }),
				changes: { counts: [], named: [], earlier: {} }
			}),
			['kpi']
		);
		expect(slide.notes.at(-1)).toBe('本年度没有更早的报告期可以比较。');
	});

	it('names behind tasks on their category slide and the previous status on the attention slide', () => {
		const [a] = buildDeck(input(), ['categories']);
		expect(a.notes).toEqual([
			'本类别共 4 项：已完成 1、欠进度 2、未启动 1。',
			'欠进度：任务1、任务2。',
			'未启动：任务3。',
			'变化最大的 1 项：任务2（达进度 → 欠进度）。'
		]);
		const [attention] = buildDeck(input(), ['attention']);
		expect(attention.notes).toContain('任务2：欠进度、与其他任务同期文字相同、上期：达进度。');
	});

	it('speaks English when asked, task names untranslated', () => {
		const deck = buildDeck(input({ lang: 'en' }), ['title', 'kpi', 'themes']);
		expect(deck[0].notes).toEqual(['新街街道, 2024 Q2: 6 tasks; 3 slides.']);
		expect(deck[1].notes.at(-1)).toBe('The 1 largest changes: 任务2 (On track → Behind).');
		expect(deck[2].notes[0]).toBe('Themes with the most tasks: Digital 2, Education 1.');
	});
});

describe('pages', () => {
	const cases: [number[], number, number[][]][] = [
		[[], 3, [[]]],
		[[1, 2], 3, [[1, 2]]],
		[[1, 2, 3], 3, [[1, 2, 3]]],
		[[1, 2, 3, 4], 3, [[1, 2, 3], [4]]],
		[[1, 2, 3, 4, 5, 6, 7], 2, [[1, 2], [3, 4], [5, 6], [7]]]
	];
	it.each(cases)('%j by %i', (items, size, expected) => {
		expect(pages(items, size)).toEqual(expected);
	});
});
