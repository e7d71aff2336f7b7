/**
 * Table types for kysely, one interface per table of migrations/. Columns with defaults or
 * autoincrement are `Generated`, so inserts may leave them out.
 */
import type { ColumnType, Generated } from 'kysely';
import type { Comparator } from '../import/types';
import type { FlagKind } from '../../domain/flags';
import type { Status, StatusSource } from '../../domain/status';
import type { AuditKind, Role } from '../../types/auth';

type CreatedAt = ColumnType<string, string | undefined, never>;

export interface OrganizationTable {
	id: Generated<number>;
	name: string;
	parent_id: number | null;
	created_at: CreatedAt;
	/** 1 for sample data (示例数据): labelled wherever shown, removed by `npm run sample:remove`. */
	is_sample: Generated<0 | 1>;
}

export interface PlanTable {
	id: Generated<number>;
	organization_id: number;
	year: number;
	title: string | null;
}

export interface PeriodTable {
	id: Generated<number>;
	year: number;
	month_end: number;
	month_start: number | null;
	quarter: number | null;
	label: string;
}

export interface SourceTable {
	id: Generated<number>;
	sha256: string;
	file_name: string | null;
	format: string;
	body: Uint8Array;
	text: string;
	title: string | null;
	index_no: string | null;
	publisher: string | null;
	written_on: string | null;
	published_on: string | null;
	subject: string | null;
	url: string | null;
	plan_id: number;
	period_id: number;
	/** JSON array of ImportWarning. */
	warnings: Generated<string>;
	imported_at: CreatedAt;
	/** The account's name, or the shell user for the CLI (migration 0020); null for imports before it. */
	imported_by: string | null;
	imported_by_user_id: number | null;
}

export interface CategoryTable {
	id: Generated<number>;
	plan_id: number;
	/** As published, for display. */
	name: string | null;
	/** What the category counts under (src/lib/domain/category-key.ts): '' for none. */
	name_key: string;
	position: number;
}

export interface TaskTable {
	id: Generated<number>;
	plan_id: number;
	category_id: number;
	position: number;
	seq_no: string | null;
	name: string;
	content: string | null;
	owner: string | null;
	leader: string | null;
}

export interface TargetTable {
	id: Generated<number>;
	task_id: number;
	position: number;
	value: number;
	unit: string;
	comparator: Comparator;
	text: string;
}

export interface UpdateTable {
	id: Generated<number>;
	task_id: number;
	period_id: number;
	source_id: number | null;
	status_text: string | null;
	status: Status;
	status_source: StatusSource;
	/** JSON array of the phrases that decided the status. */
	evidence: Generated<string>;
	percent: number | null;
	actual_value: number | null;
	period_target: string | null;
	notes: string | null;
	created_at: CreatedAt;
	superseded_at: string | null;
	/** A 'confirmed' update's person (migration 0020): name, account and why; created_at is when. */
	confirmed_by: string | null;
	confirmed_by_user_id: number | null;
	reason: string | null;
	/**
	 * Kept by triggers (migration 0021) on current updates: the task's previous reported period of the
	 * year and its status there (null: none), and its periods in a row behind or not started (behindStreak).
	 */
	earlier_period_id: Generated<number | null>;
	earlier_status: Generated<Status | null>;
	behind_run: Generated<number>;
}

export interface ThemeTable {
	id: Generated<number>;
	name: string;
	name_en: string | null;
}

export interface TaskThemeTable {
	task_id: number;
	theme_id: number;
	assigned_by: Generated<'rule' | 'person'>;
}

export interface QualityFlagTable {
	id: Generated<number>;
	update_id: number;
	kind: FlagKind;
	related_task_id: number | null;
	detail: string;
}

/** A notice's stated count for one status group (达到序时进度44项); see migration 0012. */
export interface PeriodSummaryTable {
	id: Generated<number>;
	source_id: number;
	scope_position: number;
	scope: string | null;
	scope_total: number | null;
	position: number;
	status: Status;
	phrase: string;
	count: number;
	/** How many items the notice names under the group. */
	named: number;
	line: number | null;
}

/** Pre-aggregated counts per organization (and ancestor) × period × dimension; see migration 0010. */
export interface StatusRollupTable {
	organization_id: number;
	period_id: number;
	dimension: 'status' | 'category' | 'theme';
	/** '' for the status dimension; the category name ('' for none); the theme id as text. */
	dimension_key: string;
	dimension_order: number;
	status: Status;
	status_source: StatusSource;
	task_count: number;
	flagged_count: number;
	ratio_sum: number;
	ratio_count: number;
}

/** Current updates counted by earlier and current status (migration 0021; queries/change-rollups.ts). */
export interface ChangeRollupTable {
	organization_id: number;
	period_id: number;
	dimension: 'all' | 'category';
	/** '' for 'all'; the category's name key ('' for none). */
	dimension_key: string;
	dimension_order: number;
	/** The task's previous reported period of the year; 0: none. */
	earlier_period_id: number;
	/** Its status there; '' when none. */
	earlier_status: Status | '';
	status: Status;
	/** The update's behind_run. */
	behind_run: number;
	task_count: number;
}

export interface DataVersionTable {
	id: number;
	version: number;
}

export interface UserTable {
	id: Generated<number>;
	/** The login name, unique. */
	name: string;
	display_name: string | null;
	/** 'local' for accounts with a password here; room for an external identity provider. */
	provider: Generated<string>;
	subject: string | null;
	/** scrypt, with its salt and parameters (src/lib/server/auth); null for accounts of a provider. */
	password_hash: string | null;
	created_at: CreatedAt;
	disabled_at: string | null;
}

export interface UserGrantTable {
	id: Generated<number>;
	user_id: number;
	role: Role;
	/** The grant covers this organization and its whole subtree. */
	organization_id: number;
}

export interface SessionTable {
	/** SHA-256 (hex) of the cookie's random token: the token itself is never stored. */
	token_hash: string;
	user_id: number;
	created_at: CreatedAt;
	expires_at: string;
}

export interface LoginAttemptTable {
	id: Generated<number>;
	name: string;
	address: string;
	at: CreatedAt;
	succeeded: 0 | 1;
}

export interface AuditEventTable {
	id: Generated<number>;
	at: CreatedAt;
	/** The account's name, or the shell user for the CLI. */
	actor: string;
	actor_user_id: number | null;
	kind: AuditKind;
	organization_id: number | null;
	/** What was written, in words a reader of /audit understands (a file name, a task, an account). */
	subject: string;
	/** JSON, or null when there was nothing before (or after). */
	before: string | null;
	after: string | null;
	reason: string | null;
}

/** An upload between its preview and its confirm (migration 0020). */
export interface PendingImportTable {
	/** Random; the page's address names the batch, never the file. */
	id: string;
	batch: string;
	position: number;
	user_id: number;
	/** As uploaded, for display only. */
	file_name: string;
	bytes: Uint8Array;
	created_at: CreatedAt;
	expires_at: string;
}

export interface Database {
	organizations: OrganizationTable;
	plans: PlanTable;
	periods: PeriodTable;
	sources: SourceTable;
	categories: CategoryTable;
	tasks: TaskTable;
	targets: TargetTable;
	updates: UpdateTable;
	themes: ThemeTable;
	task_themes: TaskThemeTable;
	quality_flags: QualityFlagTable;
	period_summaries: PeriodSummaryTable;
	status_rollups: StatusRollupTable;
	change_rollups: ChangeRollupTable;
	data_version: DataVersionTable;
	users: UserTable;
	user_grants: UserGrantTable;
	sessions: SessionTable;
	login_attempts: LoginAttemptTable;
	audit_events: AuditEventTable;
	pending_imports: PendingImportTable;
}
