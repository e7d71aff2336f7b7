/**
 * The shapes of the presentation deck: its options, its input and each kind of slide. deck.ts builds
 * them; the slide components show them.
 */
import type { Status } from '../domain/status';
import type { Lang } from '../i18n';
import type { AttentionTask, OverviewData, StatusChanges } from '../types/overview';
import type { SlideKind } from './params';
import type { ChangesSlide } from './changes-slide';
import type { ChangesData } from '../types/changes';

export interface DeckOptions {
	/** Tasks per "needs attention" or data-quality slide: each row has a fixed share of the slide, so a page never overflows. */
	pageSize: number;
	/** Task rows on a category slide; null: as many as its list holds under its heading (layout.ts). */
	categoryRows: number | null;
	/** Slides a category's tasks may fill (the first and its continuations); the rest are counted. */
	categoryPages: number;
	/** Themes on the theme slide (most tasks first); more bars than this are unreadable from the back of a room. */
	maxThemes: number;
}

export const DEFAULT_DECK_OPTIONS: DeckOptions = {
	pageSize: 6,
	categoryRows: null,
	categoryPages: 3,
	maxThemes: 12
};

/**
 * What the slides draw of the overview's data, as the page sends it: the deck itself carries the lists,
 * so the attention list and the category names stay on the server, and only the categories and themes
 * that have a slide keep their counts (a city's 201 categories were 78 KB of every whole-city deck).
 */
export type SlideData = Pick<
	OverviewData,
	'period' | 'periods' | 'kpis' | 'progress' | 'byPeriod' | 'byCategory' | 'byTheme'
>;

export interface DeckInput {
	lang: Lang;
	/** Who reports: the organizations of the scope, or "all organizations". */
	organization: string;
	/** The day of the meeting, YYYY-MM-DD. */
	date: string;
	/** The overview's data for the scope; null when the scope has no data. */
	overview: OverviewData | null;
	/** Tasks whose status changed since the previous period: counted, and named where the notes may name them. */
	changes: StatusChanges;
	/** Tasks with a data-quality flag in the period (the attention list may hold only the first of them). */
	flaggedTotal: number;
	/**
	 * Behind and not-started tasks of each category slide, by category key, most severe first, as many as
	 * its slides can list; without it a category lists what the attention list holds of it.
	 */
	categoryTasks?: Record<string, AttentionTask[]>;
	/** Tasks with a data-quality flag, most severe first, as many as its slides list; without it, the attention list's. */
	flaggedTasks?: AttentionTask[];
	/** What changed since the earlier period (the 变化情况 slide); absent or null: no such slide. */
	changeSummary?: ChangesData | null;
}

interface SlideBase {
	/** Stable and unique within the deck (`category-2`, `attention-1`), for keyed rendering. */
	key: string;
	kind: SlideKind;
	/** The slide's heading; also its name in the presenter view. */
	title: string;
	/** Speaker notes, one paragraph each. */
	notes: string[];
}

export interface TitleSlide extends SlideBase {
	kind: 'title';
	organization: string;
	plan: string;
	period: string;
	date: string;
}

export interface KpiSlide extends SlideBase {
	kind: 'kpi';
}

/**
 * A task as a category slide lists it. A city's deck carries up to 45 category slides full of tasks in the page's
 * data: the rest of an AttentionTask (its category, which is the slide's, its source, its dates, its flags) was
 * half of a province deck's 155 KB of data, which the browser evaluates before its first paint.
 */
export type CategorySlideTask = Pick<AttentionTask, 'taskId' | 'name' | 'organization' | 'status' | 'light' | 'gap'>;

export interface CategorySlide extends SlideBase {
	kind: 'categories';
	/** The category's key in the counts ('' for tasks without a category). */
	category: string;
	position: number;
	of: number;
	/** This slide among the category's (the first and its continuations), from 1. */
	page: number;
	pages: number;
	/** The rank of the slide's first task within the category, from 1. */
	from: number;
	total: number;
	/** Behind and not-started tasks, most severe first (src/lib/domain/attention.ts): what the slide shows of each. */
	tasks: CategorySlideTask[];
	/** On the last of the category's slides: its behind or not-started tasks that no slide lists. */
	more: number;
}

export interface ThemeSlide extends SlideBase {
	kind: 'themes';
	/** Theme names on the slide, most tasks first. */
	themes: string[];
	more: number;
}

export interface TrendSlide extends SlideBase {
	kind: 'trend';
	/** 序时进度 of the selected period, 0–1. */
	schedule: number;
	/** Mean completion of tasks with numeric targets in the selected period; null without such tasks. */
	meanRatio: number | null;
}

export interface TaskListSlide extends SlideBase {
	kind: 'attention' | 'quality';
	page: number;
	pages: number;
	total: number;
	tasks: AttentionTask[];
	/** On the last page: tasks of the total that no page lists (a meeting pages through ten slides, not a province's list). */
	more: number;
	/** Status in the previous period of tasks on this page whose status changed, by task id. */
	was: Record<number, Status>;
}

export type Slide = TitleSlide | KpiSlide | CategorySlide | ThemeSlide | TrendSlide | ChangesSlide | TaskListSlide;
