/**
 * The presentation deck built from the overview's numbers: which slides, in which order, what
 * each one lists, and the speaker notes that go with it. Pure: the loader calls it with the
 * data of the same queries as the overview, the tests with hand-made rows.
 */
import { FLAG_KINDS, FLAG_LABEL, type FlagKind } from '../domain/flags';
import type { Kpi, KpiKey } from '../domain/kpi';
import { elapsedFraction, periodName } from '../domain/period';
import { emptyStatusCounts, scheduleGap, tasksByStatus } from '../domain/measures';
import { STATUSES, STATUS_LABEL, type Status } from '../domain/status';
import { rankThemes } from '../domain/theme-ranking';
import { fill, messages } from '../i18n';
import type { OverviewData } from '../types/overview';
import type { AttentionTask } from '../types/overview';
import { categorySlides, mixText, pages } from './category-slides';
import { withoutRepeats } from './dedupe';
import { aside, fitNotes, nameList, sentence, summariseChanges } from './notes';
import { SLIDE_KINDS, type SlideKind } from './params';
import { changesSlides } from './changes-slide';
import {
	DEFAULT_DECK_OPTIONS,
	type DeckInput,
	type DeckOptions,
	type KpiSlide,
	type Slide,
	type SlideData,
	type TaskListSlide,
	type ThemeSlide,
	type TitleSlide,
	type TrendSlide
} from './slides';

export { DEFAULT_DECK_OPTIONS } from './slides';
export { pages } from './category-slides';
export type * from './slides';

const percent = (share: number) => `${Math.round(share * 100)}%`;

export { periodName };

function kpiCount(kpis: Kpi[], key: KpiKey): Kpi {
	return kpis.find((k) => k.key === key) ?? { key, count: 0, share: 0, inferred: 0, change: null };
}

/** The slide data of a built deck: `data`'s counts of the categories and themes its slides show. */
export function slideData(data: OverviewData, deck: Slide[]): SlideData {
	const categories = new Set(deck.flatMap((s) => (s.kind === 'categories' ? [s.category] : [])));
	const themes = new Set(deck.flatMap((s) => (s.kind === 'themes' ? s.themes : [])));
	const { period, periods, kpis, progress, byPeriod } = data;
	return {
		period,
		periods,
		kpis,
		progress,
		byPeriod,
		byCategory: data.byCategory.filter((r) => categories.has(r.category ?? '')),
		byTheme: data.byTheme.filter((r) => themes.has(r.theme))
	};
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
	// A run of slides that repeats another run's tasks is left out (dedupe.ts).
	const deck = withoutRepeats(slides);
	// An agenda that selects nothing here (say, only the quality slide of a report without flags) still says where we are.
	if (deck.length === 0) deck.push(titleSlide(input));
	return deck.map((slide) => ({
		...slide,
		notes: fitNotes(slide.kind === 'title' ? titleNotes(input, deck.length) : slide.notes, input.lang)
	}));
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
			const flagged = input.flaggedTasks ?? data.attention.tasks.filter((task) => task.flags.length > 0);
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
		// The largest changes by name and counts for the rest: a city has thousands of changes.
		notes.push(...(input.changes.counts.length ? summariseChanges(input.changes, lang) : [t.notesNoTaskChanged]));
	}
	return { key: 'kpi', kind: 'kpi', title: t.slideKpi, notes };
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
	// The overview's order (theme-ranking.ts): most tasks first, ties by name.
	const ranked = rankThemes(data.byTheme).map((name) => [name, byTheme.get(name)!] as const);
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
				list: nameList(
					attention.map(([, th]) =>
						aside(
							lang,
							th.label,
							mixText({ ...emptyStatusCounts(), behind: th.counts.behind, not_started: th.counts.not_started }, lang)
						)
					),
					lang
				)
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
	const { earlier } = input.changes;
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
		if (i === chunks.length - 1 && total > tasks.length)
			notes.push(sentence(lang, fill(t.moreNotListed, { n: total - tasks.length })));
		for (const task of chunk) {
			const parts = [STATUS_LABEL[lang][task.status], ...task.flags.map((flag) => FLAG_LABEL[lang][flag])];
			const before = earlier[task.taskId];
			if (before) parts.push(fill(t.wasStatus, { status: STATUS_LABEL[lang][before] }));
			notes.push(fill(t.notesTaskLine, { name: task.name, parts: parts.join(t.listSeparator) }));
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
				chunk.filter((task) => task.taskId in earlier).map((task) => [task.taskId, earlier[task.taskId]])
			),
			notes
		};
	});
}
