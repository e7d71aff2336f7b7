/**
 * What a set of URL filters selects, as the server resolves it and the pages receive it. Shared by the
 * server (src/lib/server/queries/scope.ts resolves it) and the browser (pages show names and periods).
 */
import type { Filters } from '../filters';
import type { StoredPeriod } from '../domain/period';

export interface ScopeOrganization {
	id: number;
	name: string;
	parentName: string | null;
	/** Sample data (示例数据): pages label it. */
	isSample: boolean;
}

export interface ScopePeriod extends StoredPeriod {
	id: number;
	label: string;
}

export interface Scope {
	/** The organizations the filter named (empty when it named none: all organizations). */
	organizations: ScopeOrganization[];
	/** Those organizations and all their descendants; null means every organization. */
	organizationIds: number[] | null;
	/**
	 * Organizations left out of an all-organizations view: sample data (示例数据) when real
	 * reports exist, so a fresh install opens on real data and roll-ups are never mixed with
	 * made-up numbers. Naming a sample organization in `org` still shows it.
	 */
	excludedOrganizationIds?: number[];
	/** The selected period; null when nothing in scope has data. */
	period: ScopePeriod | null;
	/**
	 * The earlier period of the same year a change view compares `period` with (`since`, else the one before
	 * with data); null when there is none. Absent on scopes built by hand: no earlier status, every change unknown.
	 */
	since?: ScopePeriod | null;
}

/** The task-level filters that narrow a scope. */
export type TaskFilters = Pick<
	Filters,
	'category' | 'theme' | 'status' | 'source' | 'flag' | 'owner' | 'attention' | 'change' | 'streak'
>;
