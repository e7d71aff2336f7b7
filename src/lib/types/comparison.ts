/**
 * What the overview shows to compare organizations: the scope's direct children counted side by side,
 * the chain back up to 全部单位, children × categories (or themes) for the heatmap, and how fresh the
 * data is. Declared here so browser code can use the shapes without reaching into $lib/server.
 */

/** An organization as a link target: its id travels in `org`, its name is shown. */
export interface OrganizationRef {
	id: number;
	name: string;
}

/** Current updates of one organization's subtree in one period, by what the ranking shows. */
export interface ChildTotals {
	tasks: number;
	completed: number;
	behind: number;
	notStarted: number;
	/** Sum and number of completion ratios (mean gap to 序时进度 is their mean against the period). */
	ratioSum: number;
	ratioCount: number;
}

/** One direct child of the scope with its counts in the selected and the previous period. */
export interface ChildCounts extends OrganizationRef {
	/** Whether it has organizations below it (its row drills further). */
	hasChildren: boolean;
	/** False when nothing in its subtree has reported for the selected period, whatever the filters. */
	reported: boolean;
	current: ChildTotals;
	/** Null when there is no previous period in the year. */
	previous: ChildTotals | null;
}

/** Tasks and behind tasks of one child under one column key of the heatmap. */
export interface HeatmapCell {
	childId: number;
	/** A category name or a theme name; OTHER_KEY for the columns beyond the largest. */
	key: string;
	tasks: number;
	behind: number;
}

/** Column key of the bucket that holds every category (or theme) beyond the largest. */
export const OTHER_KEY = '\u0000other';

/** Children × the largest categories or themes, the rest in one bucket. */
export interface HeatmapData {
	/** The largest keys by task count in scope, largest first; `label` is what a reader sees. */
	keys: { key: string; label: string; labelEn: string | null }[];
	/** How many keys the OTHER_KEY bucket holds (0: none, no such column). */
	otherCount: number;
	cells: HeatmapCell[];
}

/** How fresh the scope's data is, for the selected period. */
export interface DataAsOf {
	/** The latest 发布日期 the reports of the period state (as written, YYYY-MM-DD); null if none states one. */
	publishedOn: string | null;
	/** When the latest of those reports was imported (ISO). */
	importedAt: string | null;
	/** How many reports (sources) the period has in scope. */
	reports: number;
}

/** Everything the comparison views need, or null when the scope is one organization. */
export interface ComparisonData {
	/** The organization whose children are compared (null: the top level of every organization). */
	parent: OrganizationRef | null;
	children: ChildCounts[];
	byCategory: HeatmapData;
	byTheme: HeatmapData;
}
