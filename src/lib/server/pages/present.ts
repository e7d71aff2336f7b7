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
import * as organizations from '../queries/organizations';
import { messages } from '../../i18n';
import { buildDeck, periodName } from '../../present/deck';
import { DEFAULT_PRESENT_PARAMS, legacySchemeLocation, parsePresentParams, presentHref } from '../../present/params';

/** Attention tasks listed on slides: ten slides of six. A province has thousands; the last slide says how many are left for the task table. */
const ATTENTION_MAX = 60;

export async function loadPresentationPage(db: DB, url: URL, locals: App.Locals) {
	const lang = locals.lang;
	const moved = legacySchemeLocation(url);
	if (moved) redirect(308, moved);
	const present = await parseOr400(() => parsePresentParams(url.searchParams));
	const { filters, scope } = await filtersAndScope(db, url);
	// A deck of an unknown 主题 would be empty slides in front of a meeting: say so instead.
	if (filters.theme && !(await organizations.listThemes(db)).some((th) => th.name === filters.theme)) {
		throw400(new FilterError('theme', 'unknownTheme', { value: filters.theme }));
	}
	const data = await loadOverviewData(db, filters, scope, {
		attentionLimit: ATTENTION_MAX,
		rule: settings().trafficLightRule
	});
	const [changes, flaggedTotal] = data
		? await Promise.all([
				data.previous ? overview.listStatusChanges(db, scope, data.period.id, data.previous.id, filters) : [],
				overview.countFlaggedTasks(db, scope, data.period.id, filters)
			])
		: [[], 0];
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
	return {
		filters,
		present,
		organization,
		periodLabel: data ? periodName(data.period, lang) : '',
		overview: data,
		trafficLightRule: settings().trafficLightRule,
		deck: buildDeck({ lang, organization, date, overview: data, changes, flaggedTotal, changeSummary }, present.slides),
		/** Windows showing the same deck (stage and presenter view) share this key, and only this one. */
		deckKey: presentHref('/present', { ...filters, lang: null }, { ...DEFAULT_PRESENT_PARAMS, slides: present.slides })
	};
}
