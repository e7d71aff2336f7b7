// The ordered list of migrations. Listed statically (not read from disk) so the same list runs
// inside the built server, under Vite and vitest, and from the plain-Node CLI.
// @ts-check
import * as m0001 from './0001_organizations_and_plans.js';
import * as m0002 from './0002_periods_and_sources.js';
import * as m0003 from './0003_categories_tasks_targets.js';
import * as m0004 from './0004_updates.js';
import * as m0005 from './0005_themes.js';
import * as m0006 from './0006_quality_flags.js';
import * as m0008 from './0008_task_search.js';
import * as m0009 from './0009_sample_organizations.js';
import * as m0010 from './0010_status_rollups.js';
import * as m0011 from './0011_attention_index.js';
import * as m0012 from './0012_period_summaries.js';
import * as m0015 from './0015_completion_ratio.js';
import * as m0016 from './0016_planner_statistics.js';
import * as m0017 from './0017_category_keys.js';
import * as m0018 from './0018_accounts_and_audit.js';
import * as m0020 from './0020_imports_by_staff_and_confirmations.js';
import * as m0021 from './0021_change_rollups.js';
import * as m0022 from './0022_update_task_lookup.js';
import * as m0023 from './0023_period_read_indexes.js';
import * as m0024 from './0024_status_search_by_task.js';
import * as m0025 from './0025_two_character_search.js';
import * as m0026 from './0026_current_update_lookup.js';
import * as m0027 from './0027_category_key_lookup.js';
import * as m0028 from './0028_first_target_lookup.js';

/** @type {Record<string, import('kysely').Migration>} */
export const migrations = {
	'0001_organizations_and_plans': m0001,
	'0002_periods_and_sources': m0002,
	'0003_categories_tasks_targets': m0003,
	'0004_updates': m0004,
	'0005_themes': m0005,
	'0006_quality_flags': m0006,
	'0008_task_search': m0008,
	'0009_sample_organizations': m0009,
	'0010_status_rollups': m0010,
	'0011_attention_index': m0011,
	'0012_period_summaries': m0012,
	'0015_completion_ratio': m0015,
	'0016_planner_statistics': m0016,
	'0017_category_keys': m0017,
	'0018_accounts_and_audit': m0018,
	'0020_imports_by_staff_and_confirmations': m0020,
	'0021_change_rollups': m0021,
	'0022_update_task_lookup': m0022,
	'0023_period_read_indexes': m0023,
	'0024_status_search_by_task': m0024,
	'0025_two_character_search': m0025,
	'0026_current_update_lookup': m0026,
	'0027_category_key_lookup': m0027,
	'0028_first_target_lookup': m0028
};
