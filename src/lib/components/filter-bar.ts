/**
 * The choices a page's FilterBar offers, from what its loader returned: every page with a filter bar loads
 * the same organization tree, years and themes, and — where the scope has data — the periods. Categories the
 * category picker fetches itself (pages/categories.ts).
 */
import type { OrganizationOption } from '../types/organizations';
import type { ScopePeriod } from '../types/scope';

export type FilterBarData = {
	organizationTree: OrganizationOption[];
	years: number[];
	themes: { name: string; nameEn: string | null }[];
} & ({ period: null } | { period: ScopePeriod; periods: ScopePeriod[] });

/** FilterBar's choice props; without data in scope only the organization, year and theme choices. */
export function filterBarChoices(data: FilterBarData) {
	return {
		organizations: data.organizationTree,
		years: data.years,
		periods: data.period ? data.periods : [],
		selectedPeriodId: data.period?.id ?? null,
		themes: data.themes
	};
}
