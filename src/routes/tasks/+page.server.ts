import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/app';
import { parseTaskView } from '$lib/server/task-view';
import * as organizations from '$lib/server/queries/organizations';
import * as overview from '$lib/server/queries/overview';
import * as tasks from '$lib/server/queries/tasks';
import { hasMatch, matchSnippet, parseSearch } from '$lib/domain/search';
import { pageWindow } from '$lib/table-params';

export const load: PageServerLoad = async ({ url }) => {
	const db = getDb();
	const { filters, scope, table } = await parseTaskView(db, url);
	const search = parseSearch(filters.q);
	const [organizationTree, years, themes] = await Promise.all([
		organizations.listOrganizationTree(db, scope.organizations.map((o) => o.id)),
		organizations.listYears(db, scope),
		organizations.listThemes(db)
	]);
	const base = { filters, table, scope, organizationTree, years, themes, search };
	if (!scope.period) return { ...base, period: null };

	const period = scope.period;
	const [periods, categories, owners, total] = await Promise.all([
		overview.listPeriodsWithData(db, scope, period.year),
		organizations.listCategoryNames(db, scope, period.id),
		tasks.listOwners(db, scope, period.id),
		tasks.countTasks(db, scope, period.id, filters)
	]);
	const window = pageWindow(total, table.page, table.size);
	const rows = await tasks.listTasks(db, scope, period.id, filters, table, { limit: table.size, offset: window.offset });
	return {
		...base,
		period,
		periods,
		categories,
		owners,
		total,
		window,
		rows: rows.map(({ content, leader: _leader, ...row }) => {
			// Say why a row matched where a term is not in what the table shows: the content, or another period's text.
			const hidden = search.terms.filter((term) => !hasMatch(row.name, [term]) && !hasMatch(row.statusText, [term]));
			const inContent = hidden.filter((term) => hasMatch(content, [term]));
			return {
				...row,
				contentSnippet: inContent.length > 0 ? matchSnippet(content, inContent) : null,
				matchedElsewhere: hidden.length > inContent.length
			};
		}),
		multipleOrganizations: scope.organizationIds === null || scope.organizationIds.length > 1
	};
};
