/**
 * Everything `/report` (the printed handout) loads: the overview's figures for the URL's filters
 * (the same loader pieces as `/` and `/present`, so paper and screen agree), the data-as-of stamp and
 * the scope's tasks in category and report order, rendered to HTML here (Handout.svelte) so the page
 * carries no script: nothing of it reaches the overview's bundle, and it prints as soon as it loads.
 */
import { render } from 'svelte/server';
import type { DB } from '../db';
import { settings } from '../app';
import { filtersAndScope } from './request';
import { loadOverviewData } from './overview-data';
import { loadChanges } from './changes';
import * as comparison from '../queries/comparison';
import * as tasks from '../queries/tasks';
import { countManyWays } from '../queries/measures';
import { messages } from '../../i18n';
import { periodName } from '../../domain/period';
import { REPORT_TASK_LIMIT } from '../../report/sections';
import type { Handout, ReportTask } from '../../types/report';
import type { TaskRow } from '../../types/tasks';
import HandoutView from '../report/Handout.svelte';

/** The attention list on paper: one page's worth; the rest is in the task table. */
const ATTENTION_LIMIT = 20;

function reportTask(row: TaskRow): ReportTask {
	return {
		taskId: row.taskId,
		seq: row.seqNo ?? String(row.position),
		name: row.name,
		organization: row.organization,
		category: row.category,
		owner: row.owner,
		status: row.status,
		statusSource: row.statusSource,
		gap: row.gap
	};
}

/** The handout's content for the URL's filters, in the reader's language. */
export async function loadHandout(db: DB, url: URL, locals: App.Locals): Promise<Handout> {
	const { filters, scope } = await filtersAndScope(db, url, locals);
	// Its counts by status, category, theme and child share one read where the rollups cannot answer them.
	countManyWays(scope);
	const t = messages[locals.lang];
	// Sample data is labelled wherever the organization is named, as on the slides.
	const scopeName =
		scope.organizations.map((o) => (o.isSample ? `${o.name}（${t.sample}）` : o.name)).join(t.listSeparator) ||
		t.allOrganizations;
	// The day the handout is made, as the server's clock sees it (an intranet server keeps local time).
	const now = new Date();
	const madeOn = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
	const data = await loadOverviewData(db, filters, scope, {
		attentionLimit: ATTENTION_LIMIT,
		rule: settings().trafficLightRule
	});
	const changeData = data ? await loadChanges(db, scope, filters) : null;
	const changes = changeData ? { data: changeData, filters } : null;
	const base = { scopeName, namesOrganizations: scope.organizations.length > 0, madeOn, changes };
	if (!data) return { ...base, report: null };

	const periodId = data.period.id;
	const [dataAsOf, rows, total] = await Promise.all([
		comparison.getDataAsOf(db, scope, periodId),
		tasks.listTasks(
			db,
			scope,
			periodId,
			filters,
			{ sort: 'category', dir: 'asc' },
			{ limit: REPORT_TASK_LIMIT, offset: 0 }
		),
		tasks.countTasks(db, scope, periodId, filters)
	]);
	const periodLabel = periodName(data.period, locals.lang);
	return { ...base, report: { ...data, periodLabel, dataAsOf, tasks: { rows: rows.map(reportTask), total } } };
}

export async function loadReportPage(db: DB, url: URL, locals: App.Locals) {
	const handout = await loadHandout(db, url, locals);
	const { head, body } = render(HandoutView, { props: { handout, lang: locals.lang } });
	return {
		footerScope: handout.report ? `${handout.scopeName} · ${handout.report.periodLabel}` : handout.scopeName,
		handout: { head, body }
	};
}
