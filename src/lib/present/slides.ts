/**
 * The shapes of the presentation deck: its options, its input and each kind of slide. deck.ts builds
 * them; the slide components show them.
 */
import type { Status } from '../domain/status';
import type { Lang } from '../i18n';
import type { AttentionTask, OverviewData, StatusChange } from '../types/overview';
import type { SlideKind } from './params';
import type { ChangesSlide } from './changes-slide';
import type { ChangesData } from '../types/changes';

export interface DeckOptions {
	/** Tasks per "needs attention" or data-quality slide: each row has a fixed share of the slide, so a page never overflows. */
	pageSize: number;
	/** Behind / not-started names on a category slide; the rest are counted and found under "needs attention". */
	categoryNames: number;
	/** Themes on the theme slide (most tasks first); more bars than this are unreadable from the back of a room. */
	maxThemes: number;
}

export const DEFAULT_DECK_OPTIONS: DeckOptions = { pageSize: 6, categoryNames: 6, maxThemes: 12 };

export interface DeckInput {
	lang: Lang;
	/** Who reports: the organizations of the scope, or "all organizations". */
	organization: string;
	/** The day of the meeting, YYYY-MM-DD. */
	date: string;
	/** The overview's data for the scope; null when the scope has no data. */
	overview: OverviewData | null;
	/** Tasks whose status changed since the previous period. */
	changes: StatusChange[];
	/** Tasks with a data-quality flag in the period (the attention list may hold only the first of them). */
	flaggedTotal: number;
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

export interface CategorySlide extends SlideBase {
	kind: 'categories';
	/** The category's key in the counts ('' for tasks without a category). */
	category: string;
	position: number;
	of: number;
	total: number;
	behind: AttentionTask[];
	notStarted: AttentionTask[];
	/** Behind or not-started tasks of this category not named on the slide. */
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
