/**
 * What `/present` and `/present/presenter` load: the overview's data for the URL's filters, the
 * tasks whose status changed since the previous period, and the deck built from them.
 */
import { redirect } from '@sveltejs/kit';
import type { DB } from '../db';
import { settings } from '../app';
import { filtersAndScope, parseOr400, throw400 } from './request';
import { FilterError } from '../../filters';
import { loadOverviewData } from './overview-data';
import { loadChanges } from './changes';
import * as overview from '../queries/overview';
import * as changes from '../queries/changes';
import { countManyWays } from '../queries/measures';
import * as organizations from '../queries/organizations';
import { messages } from '../../i18n';
import { buildDeck, DEFAULT_DECK_OPTIONS, periodName, slideData } from '../../present/deck';
import { slideCategories } from '../../present/category-slides';
import { bodyHeight, categoryRows } from '../../present/layout';
import { NOTES_TOP_CHANGES, pairsToName, statusChangesOf } from '../../present/notes';
import { listFlaggedAttentionTasks, listSevereTasksByCategory } from '../queries/attention-lists';
import { FLAG_KINDS } from '../../domain/flags';
import { fromCompleteAttention } from '../../domain/attention';
import type { Filters } from '../../filters';
import type { Scope } from '../../types/scope';
import type { AttentionTask, OverviewData, StatusChanges } from '../../types/overview';
import { DEFAULT_PRESENT_PARAMS, legacySchemeLocation, parsePresentParams, presentHref } from '../../present/params';

/** Attention tasks listed on slides: ten slides of six. A province has thousands; the last slide says how many are left for the task table. */
const ATTENTION_MAX = 60;

/** Flagged tasks listed on the data-quality slides: two slides of six; the rest are counted. */
const FLAGGED_MAX = 2 * DEFAULT_DECK_OPTIONS.pageSize;

export async function loadPresentationPage(db: DB, url: URL, locals: App.Locals) {
	const lang = locals.lang;
	const moved = legacySchemeLocation(url);
	if (moved) redirect(308, moved);
	const present = await parseOr400(() => parsePresentParams(url.searchParams));
	const { filters, scope } = await filtersAndScope(db, url, locals);
	// Its counts by status, category, theme and child share one read where the rollups cannot answer them.
	countManyWays(scope);
	// A deck of an unknown 主题 would be empty slides in front of a meeting: say so instead.
	if (filters.theme && !(await organizations.listThemes(db)).some((th) => th.name === filters.theme)) {
		throw400(new FilterError('theme', 'unknownTheme', { value: filters.theme }));
	}
	const data = await loadOverviewData(db, filters, scope, {
		attentionLimit: ATTENTION_MAX,
		rule: settings().trafficLightRule
	});
	// A unit's attention list is seldom cut at ATTENTION_MAX: then it holds every task the slides list.
	const complete = data && data.attention.tasks.length < ATTENTION_MAX ? data.attention.tasks : null;
	const [flaggedTotal, categoryTasks, flaggedTasks] = data
		? await Promise.all([
				overview.countFlaggedTasks(db, scope, data.period.id, filters),
				loadCategoryTasks(db, filters, scope, data, complete),
				loadFlaggedTasks(db, filters, scope, data, complete)
			])
		: [0, {}, []];
	const statusChanges =
		data && data.previous
			? await loadStatusChanges(db, filters, scope, data, data.previous.id, [...data.attention.tasks, ...flaggedTasks])
			: NO_CHANGES;
	// The 变化情况 slide (src/lib/present/changes-slide.ts).
	const changeSummary = data ? await loadChanges(db, scope, filters) : null;
	const t = messages[lang];
	// Sample data is labelled on every slide that names the organization, and in the handout.
	const organization =
		scope.organizations.map((o) => (o.isSample ? `${o.name}（${t.sample}）` : o.name)).join(t.listSeparator) ||
		t.allOrganizations;
	// The meeting's date as the server's clock sees it (an intranet server keeps local time).
	const now = new Date();
	const date = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
	const deck = buildDeck(
		{
			lang,
			organization,
			date,
			overview: data,
			changes: statusChanges,
			flaggedTotal,
			categoryTasks,
			flaggedTasks,
			changeSummary
		},
		present.slides
	);
	return {
		filters,
		present,
		organization,
		periodLabel: data ? periodName(data.period, lang) : '',
		overview: data && slideData(data, deck),
		trafficLightRule: settings().trafficLightRule,
		deck,
		/** Windows showing the same deck (stage and presenter view) share this key, and only this one. */
		deckKey: presentHref('/present', { ...filters, lang: null }, { ...DEFAULT_PRESENT_PARAMS, slides: present.slides })
	};
}

const NO_CHANGES: StatusChanges = { counts: [], named: [], earlier: {} };

/**
 * Up to how many tasks a deck reads its changes as one list (a street's deck: one statement of 0.15 ms), beyond
 * which it counts them and reads by name only those its notes may name (three statements; a whole province's
 * 30 000 changes by name took 139–170 ms of its loader).
 */
const LIST_EVERY_CHANGE = 2000;

/**
 * The tasks whose status changed since the previous period, as the notes speak of them: all counted, by name only
 * those the notes may name (a province has 30 000 changes and names five of them), and the earlier status of each
 * task the attention and data-quality slides list.
 */
async function loadStatusChanges(
	db: DB,
	filters: Filters,
	scope: Scope,
	data: OverviewData,
	previousId: number,
	listed: AttentionTask[]
): Promise<StatusChanges> {
	// A unit's few dozen changes are one short list, cheaper read whole than counted and then named.
	const tasks = data.kpis.find((kpi) => kpi.key === 'tasks')?.count ?? 0;
	if (tasks <= LIST_EVERY_CHANGE)
		return statusChangesOf(await changes.listStatusChanges(db, scope, data.period.id, previousId, filters), listed);
	const counts = await changes.countStatusChanges(db, scope, data.period.id, previousId, filters);
	const keys = slideCategories(data);
	const [named, earlier] = await Promise.all([
		changes.listNamedStatusChanges(
			db,
			scope,
			data.period.id,
			previousId,
			filters,
			pairsToName(counts, keys),
			NOTES_TOP_CHANGES
		),
		changes.listEarlierUpdates(
			db,
			listed.map((task) => task.taskId),
			previousId
		)
	]);
	const changed = listed.flatMap((task) => {
		const before = earlier.get(task.taskId)?.status;
		return before && before !== task.status ? [[task.taskId, before] as const] : [];
	});
	return { counts, named, earlier: Object.fromEntries(changed) };
}

/** Statuses a category slide lists. */
const CATEGORY_LISTED = ['behind', 'not_started'] as const;

/**
 * The behind and not-started tasks of each category that gets a slide, most severe first, as many as its
 * slides can list: the overview's attention list is one list over all categories, and capped, so at city
 * scale a category slide found one of its 29 tasks in it. Taken from that list when it is `complete`.
 */
async function loadCategoryTasks(
	db: DB,
	filters: Filters,
	scope: Scope,
	data: OverviewData,
	complete: AttentionTask[] | null
): Promise<Record<string, AttentionTask[]>> {
	const status = (filters.status ?? CATEGORY_LISTED).filter((s) => (CATEGORY_LISTED as readonly string[]).includes(s));
	// Tasks without a category cannot be selected by the category filter: their slide keeps the attention list's.
	const keys = slideCategories(data).filter((key) => key !== '');
	if (status.length === 0) return Object.fromEntries(keys.map((key) => [key, []]));
	// As many as the slides of a category with a one-line heading (the most rows) can list.
	const limit = categoryRows(bodyHeight(1)) * DEFAULT_DECK_OPTIONS.categoryPages;
	if (complete)
		return Object.fromEntries(keys.map((key) => [key, fromCompleteAttention.ofCategory(complete, key, status, limit)]));
	const lists = await listSevereTasksByCategory(
		db,
		scope,
		data.period.id,
		{ ...filters, status },
		keys,
		limit,
		settings().trafficLightRule
	);
	return Object.fromEntries(lists);
}

/**
 * The most severe tasks with a data-quality flag, whatever their status: the attention list ranks the
 * flag-only tasks last, so at city scale its 60 rows held none of them and the data-quality slide listed
 * nothing. The filters' `flag` narrows them to one kind. Taken from the attention list when it is `complete`.
 */
async function loadFlaggedTasks(
	db: DB,
	filters: Filters,
	scope: Scope,
	data: OverviewData,
	complete: AttentionTask[] | null
): Promise<AttentionTask[]> {
	const kinds = filters.flag ? [filters.flag] : FLAG_KINDS;
	if (complete) return fromCompleteAttention.flagged(complete, kinds, FLAGGED_MAX);
	return listFlaggedAttentionTasks(db, scope, data.period.id, filters, kinds, FLAGGED_MAX, settings().trafficLightRule);
}
