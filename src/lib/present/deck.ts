/**
 * The presentation deck built from the overview's numbers: which slides, in which order, what
 * each one lists, and the speaker notes that go with it. Pure: the loader calls it with the
 * data of the same queries as the overview, the tests with hand-made rows.
 */
import { CATEGORY_CHART_LIMIT, rankCategories } from '../domain/category-ranking';
import { categoryKey } from '../domain/category-key';
import { FLAG_KINDS, FLAG_LABEL, type FlagKind } from '../domain/flags';
import type { Kpi, KpiKey } from '../domain/kpi';
import { elapsedFraction, periodName } from '../domain/period';
import { emptyStatusCounts, scheduleGap, tasksByStatus } from '../domain/measures';
import { STATUSES, STATUS_LABEL, type Status } from '../domain/status';
import { fill, messages, type Lang } from '../i18n';
import type { OverviewData } from '../types/overview';
import type { AttentionTask, StatusChange } from '../types/overview';
import { SLIDE_KINDS, type SlideKind } from './params';
import { changesSlides } from './changes-slide';
import {
	DEFAULT_DECK_OPTIONS,
	type CategorySlide,
	type DeckInput,
	type DeckOptions,
	type KpiSlide,
	type Slide,
	type TaskListSlide,
	type ThemeSlide,
	type TitleSlide,
	type TrendSlide
} from './slides';

export { DEFAULT_DECK_OPTIONS } from './slides';
export type * from './slides';

/** Splits a list into pages of `size`; an empty list is one empty page. */
export function pages<T>(items: T[], size: number): T[][] {
	if (items.length === 0) return [[]];
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

export { periodName };

function kpiCount(kpis: Kpi[], key: KpiKey): Kpi {
	return kpis.find((k) => k.key === key) ?? { key, count: 0, share: 0, inferred: 0, change: null };
}

function mixText(counts: Record<Status, number>, lang: Lang): string {
	return STATUSES.filter((s) => counts[s] > 0)
		.map((s) => `${STATUS_LABEL[lang][s]} ${counts[s]}`)
		.join(messages[lang].listSeparator);
}

/** "text（aside）" in Chinese, "text (aside)" in English. */
function aside(lang: Lang, text: string, note: string): string {
	return lang === 'zh' ? `${text}（${note}）` : `${text} (${note})`;
}

function changeText(change: StatusChange, lang: Lang): string {
	return aside(lang, change.name, `${STATUS_LABEL[lang][change.from]} → ${STATUS_LABEL[lang][change.to]}`);
}

/** One title slide, KPIs, a slide per category, themes, trend, attention pages, data-quality pages — or the agenda given. */
export function buildDeck(input: DeckInput, agenda: SlideKind[] | null, options: Partial<DeckOptions> = {}): Slide[] {
	const opts = { ...DEFAULT_DECK_OPTIONS, ...options };
	const slides: Slide[] = [];
	const seen = new Map<string, number>();
	for (const kind of agenda ?? SLIDE_KINDS) {
		for (const slide of slidesOf(kind, input, opts)) {
			// A kind may be on the agenda twice; its slides still need keys of their own.
			const n = seen.get(slide.key) ?? 0;
			seen.set(slide.key, n + 1);
			slides.push(n === 0 ? slide : { ...slide, key: `${slide.key}~${n + 1}` });
		}
	}
	// An agenda that selects nothing here (say, only the quality slide of a report without flags) still says where we are.
	if (slides.length === 0) slides.push(titleSlide(input));
	return slides.map((slide) =>
		slide.kind === 'title' ? { ...slide, notes: titleNotes(input, slides.length) } : slide
	);
}

function slidesOf(kind: SlideKind, input: DeckInput, opts: DeckOptions): Slide[] {
	const data = input.overview;
	if (kind === 'title') return [titleSlide(input)];
	if (!data) return [];
	switch (kind) {
		case 'kpi':
			return [kpiSlide(input, data)];
		case 'categories':
			return categorySlides(input, data, opts);
		case 'themes':
			return themeSlides(input, data, opts);
		case 'trend':
			return [trendSlide(input, data)];
		case 'changes':
			return changesSlides(input);
		case 'attention':
			return taskListSlides(input, data.attention.tasks, data.attention.total, 'attention', opts);
		case 'quality': {
			const flagged = data.attention.tasks.filter((task) => task.flags.length > 0);
			const total = Math.max(input.flaggedTotal, flagged.length);
			return total === 0 ? [] : taskListSlides(input, flagged, total, 'quality', opts);
		}
	}
}

function titleSlide(input: DeckInput): TitleSlide {
	const t = messages[input.lang];
	const period = input.overview ? periodName(input.overview.period, input.lang) : t.presentNoData;
	const year = input.overview?.period.year;
	return {
		key: 'title',
		kind: 'title',
		title: input.organization,
		organization: input.organization,
		plan: year ? fill(t.presentPlan, { year }) : t.appTagline,
		period,
		date: fill(t.presentDate, { date: input.date }),
		notes: []
	};
}

function titleNotes(input: DeckInput, slideCount: number): string[] {
	const t = messages[input.lang];
	if (!input.overview) return [t.presentNoData];
	const tasks = kpiCount(input.overview.kpis, 'tasks').count;
	return [
		fill(t.notesTitle, {
			org: input.organization,
			period: periodName(input.overview.period, input.lang),
			tasks,
			slides: slideCount
		})
	];
}

function kpiSlide(input: DeckInput, data: OverviewData): KpiSlide {
	const { lang } = input;
	const t = messages[lang];
	const k = (key: KpiKey) => kpiCount(data.kpis, key);
	const notes = [
		fill(t.notesKpi, {
			total: k('tasks').count,
			completed: k('completed').count,
			onTrack: k('on_track').count,
			ahead: k('on_track').ahead ?? 0,
			behind: k('behind').count,
			notStarted: k('not_started').count,
			unknown: k('unknown').count
		})
	];
	const inferred = k('tasks').inferred;
	if (inferred > 0) notes.push(fill(t.notesInferred, { n: inferred }));
	if (!data.previous) {
		notes.push(t.notesNoPrevious);
	} else {
		const previous = periodName(data.previous, lang);
		const LABEL: Record<KpiKey, string> = {
			tasks: t.kpiTasks,
			completed: t.kpiCompleted,
			on_track: t.kpiOnTrack,
			behind: t.kpiBehind,
			not_started: t.kpiNotStarted,
			unknown: t.kpiUnknown
		};
		const changed = data.kpis.filter((kpi) => kpi.change);
		const changes = changed
			.map((kpi) => `${LABEL[kpi.key]} ${kpi.change! > 0 ? '+' : '−'}${Math.abs(kpi.change!)}`)
			.join(t.listSeparator);
		notes.push(
			changed.length ? fill(t.notesVsPrevious, { previous, changes }) : fill(t.notesNoCountChange, { previous })
		);
		notes.push(
			input.changes.length
				? fill(t.notesChangedTasks, { list: input.changes.map((c) => changeText(c, lang)).join(t.listSeparator) })
				: t.notesNoTaskChanged
		);
	}
	return { key: 'kpi', kind: 'kpi', title: t.slideKpi, notes };
}

function categorySlides(input: DeckInput, data: OverviewData, opts: DeckOptions): CategorySlide[] {
	const { lang } = input;
	const t = messages[lang];
	// The page's order (most tasks first) and its bars: the rest are the chart's 其他, not a slide each.
	const keys = rankCategories(data.byCategory).slice(0, CATEGORY_CHART_LIMIT);
	return keys.map((category, i) => {
		const counts = tasksByStatus(data.byCategory.filter((r) => (r.category ?? '') === category));
		const total = STATUSES.reduce((n, s) => n + counts[s], 0);
		// Tasks carry their category as published; the counts, its key.
		const mine = data.attention.tasks.filter((task) => categoryKey(task.category) === category);
		const behindAll = mine.filter((task) => task.status === 'behind');
		const notStartedAll = mine.filter((task) => task.status === 'not_started');
		const behind = behindAll.slice(0, opts.categoryNames);
		const notStarted = notStartedAll.slice(0, opts.categoryNames - behind.length);
		const names = (tasks: AttentionTask[]) => tasks.map((task) => task.name).join(t.listSeparator);
		const notes = [fill(t.notesCategory, { total, mix: mixText(counts, lang) })];
		if (behindAll.length) notes.push(fill(t.notesBehindNames, { names: names(behindAll) }));
		if (notStartedAll.length) notes.push(fill(t.notesNotStartedNames, { names: names(notStartedAll) }));
		if (!behindAll.length && !notStartedAll.length) notes.push(t.noBehindInCategory);
		const changes = input.changes.filter((c) => categoryKey(c.category) === category);
		if (changes.length)
			notes.push(fill(t.notesChangedTasks, { list: changes.map((c) => changeText(c, lang)).join(t.listSeparator) }));
		return {
			key: `category-${i + 1}`,
			kind: 'categories' as const,
			title: category || t.uncategorised,
			category,
			position: i + 1,
			of: keys.length,
			total,
			behind,
			notStarted,
			// From the counts, not the lists: the attention list the loader fetched may be capped.
			more: counts.behind + counts.not_started - behind.length - notStarted.length,
			notes
		};
	});
}

function themeSlides(input: DeckInput, data: OverviewData, opts: DeckOptions): ThemeSlide[] {
	const { lang } = input;
	const t = messages[lang];
	const byTheme = new Map<string, { label: string; counts: Record<Status, number>; total: number }>();
	for (const name of new Set(data.byTheme.map((r) => r.theme))) {
		const rows = data.byTheme.filter((r) => r.theme === name);
		const counts = tasksByStatus(rows);
		byTheme.set(name, {
			label: (lang === 'en' && rows[0].themeEn) || name,
			counts,
			total: STATUSES.reduce((n, s) => n + counts[s], 0)
		});
	}
	if (byTheme.size === 0) return [];
	const ranked = [...byTheme.entries()].sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0], 'zh'));
	const shown = ranked.slice(0, opts.maxThemes);
	const notes = [
		fill(t.notesThemes, {
			list: shown
				.slice(0, 5)
				.map(([, th]) => `${th.label} ${th.total}`)
				.join(t.listSeparator)
		})
	];
	const attention = ranked.filter(([, th]) => th.counts.behind + th.counts.not_started > 0);
	if (attention.length) {
		notes.push(
			fill(t.notesThemesAttention, {
				list: attention
					.map(([, th]) =>
						aside(
							lang,
							th.label,
							mixText({ ...emptyStatusCounts(), behind: th.counts.behind, not_started: th.counts.not_started }, lang)
						)
					)
					.join(t.listSeparator)
			})
		);
	}
	return [
		{
			key: 'themes',
			kind: 'themes',
			title: t.byTheme,
			themes: shown.map(([name]) => name),
			more: ranked.length - shown.length,
			notes
		}
	];
}

function trendSlide(input: DeckInput, data: OverviewData): TrendSlide {
	const { lang } = input;
	const t = messages[lang];
	const period = data.period;
	const schedule = elapsedFraction(period);
	const progress = data.progress.find((p) => p.periodId === period.id) ?? null;
	const notes = [fill(t.notesSchedule, { period: periodName(period, lang), schedule: percent(schedule) })];
	if (progress) {
		const points = scheduleGap(progress.meanRatio, schedule);
		notes.push(
			fill(t.notesMeanRatio, {
				n: progress.taskCount,
				ratio: percent(progress.meanRatio),
				points: points > 0 ? `+${points}` : String(points)
			})
		);
	} else {
		notes.push(t.noMeanCompletion);
	}
	if (data.periods.length > 1) {
		const shares = data.periods.map((p) => {
			const counts = tasksByStatus(data.byPeriod.filter((r) => r.periodId === p.id));
			const total = STATUSES.reduce((n, s) => n + counts[s], 0);
			return `${periodName(p, lang)} ${total ? percent(counts.completed / total) : '—'}`;
		});
		notes.push(fill(t.notesCompletedShare, { list: shares.join(t.listSeparator) }));
	} else {
		notes.push(t.singlePeriod);
	}
	return { key: 'trend', kind: 'trend', title: t.slideTrend, schedule, meanRatio: progress?.meanRatio ?? null, notes };
}

function taskListSlides(
	input: DeckInput,
	tasks: AttentionTask[],
	total: number,
	kind: 'attention' | 'quality',
	opts: DeckOptions
): TaskListSlide[] {
	const { lang } = input;
	const t = messages[lang];
	const was = new Map(input.changes.map((c) => [c.taskId, c.from]));
	const chunks = pages(tasks, opts.pageSize);
	return chunks.map((chunk, i) => {
		const from = i * opts.pageSize + 1;
		const notes: string[] = [];
		if (kind === 'attention') {
			notes.push(chunk.length ? fill(t.notesAttention, { total, from, to: from + chunk.length - 1 }) : t.noAttention);
		} else {
			const kinds = FLAG_KINDS.map(
				(flag: FlagKind) => [flag, tasks.filter((task) => task.flags.includes(flag)).length] as const
			)
				.filter(([, n]) => n > 0)
				.map(([flag, n]) => `${FLAG_LABEL[lang][flag]} ${n}`)
				.join(t.listSeparator);
			notes.push(fill(t.notesQuality, { n: total, kinds }));
		}
		if (i === chunks.length - 1 && total > tasks.length) notes.push(fill(t.moreNotListed, { n: total - tasks.length }));
		for (const task of chunk) {
			const parts = [STATUS_LABEL[lang][task.status], ...task.flags.map((flag) => FLAG_LABEL[lang][flag])];
			const before = was.get(task.taskId);
			if (before) parts.push(fill(t.wasStatus, { status: STATUS_LABEL[lang][before] }));
			notes.push(`${task.name}${lang === 'zh' ? '：' : ': '}${parts.join(t.listSeparator)}`);
		}
		return {
			key: `${kind}-${i + 1}`,
			kind,
			title: kind === 'attention' ? t.needsAttention : t.flags,
			page: i + 1,
			pages: chunks.length,
			total,
			tasks: chunk,
			more: i === chunks.length - 1 ? total - tasks.length : 0,
			was: Object.fromEntries(
				chunk.filter((task) => was.has(task.taskId)).map((task) => [task.taskId, was.get(task.taskId)!])
			),
			notes
		};
	});
}
