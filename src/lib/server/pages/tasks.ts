/**
 * Everything `/tasks` loads, as one function of a database and a URL: the route calls it, and
 * the benchmark (bench/run.ts) measures exactly what the route runs.
 */
import type { DB } from '../db';
import { parseTaskView } from './request';
import { readableTree } from '../auth/reading';
import * as organizations from '../queries/organizations';
import * as overview from '../queries/overview';
import * as tasks from '../queries/tasks';
import { hasMatch, matchSnippet, parseSearch } from '../../domain/search';

export async function loadTaskPage(db: DB, url: URL, locals: App.Locals) {
	const { filters, scope, table } = await parseTaskView(db, url, locals);
	const search = parseSearch(filters.q);
	const [organizationTree, years, themes] = await Promise.all([
		organizations.listOrganizationTree(db, scope).then((tree) => readableTree(tree, locals.readable)),
		organizations.listYears(db, scope),
		organizations.listThemesInScope(db, scope)
	]);
	const base = { filters, table, scope, organizationTree, years, themes, search };
	if (!scope.period) return { ...base, period: null };

	const period = scope.period;
	const [periods, owners, { total, window, rows }] = await Promise.all([
		overview.listPeriodsWithData(db, scope, period.year),
		// Owner suggestions for one organization or a few; a province's would be thousands.
		scope.organizationIds !== null && scope.organizationIds.length <= 50
			? tasks.listOwners(db, scope, period.id)
			: Promise.resolve([] as string[]),
		tasks.listTaskPage(db, scope, period.id, filters, table, table)
	]);
	return {
		...base,
		period,
		periods,
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
}
