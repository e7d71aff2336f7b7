// Categories count under a key that ignores punctuation width and spaces (ASCII vs full-width commas); duplicates within a plan merge; bundled themes get their English names.
// @ts-check
import { sql } from 'kysely';

/**
 * Offices type the same category heading with ',' or '，', with or without spaces, so the same category of
 * two organizations (or of one plan's two reports) counted as two. This adds `categories.name_key` — the
 * normalised form the counts, the rollups and the `category` filter use — and keeps `name` as published,
 * for display. Within one plan, categories whose keys agree become one (the first in report order keeps its
 * id and its tasks gain the others'); task ids do not change, so the search index and the period summaries
 * (which name no category) stay as they are. The rollups' category rows are rebuilt under the keys.
 * The key rule is frozen here; src/lib/domain/category-key.ts is the app's copy (a test compares them).
 */

/** @type {Record<string, string>} */
const FULL_WIDTH = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？' };
const WORD_CHAR = /[A-Za-z0-9]/;

/** @param {string | null} name */
export function categoryKey(name) {
	if (name === null) return '';
	return name
		.normalize('NFKC')
		.replace(/[,;:()!?]/g, (c) => FULL_WIDTH[c])
		.trim()
		.replace(/\s+/g, (space, offset, text) =>
			WORD_CHAR.test(text[offset - 1] ?? '') && WORD_CHAR.test(text[offset + space.length] ?? '') ? ' ' : ''
		);
}

/** data/themes.json's English names when this migration was written; only empty ones are filled. */
const THEME_NAMES_EN = {
	数字化: 'Digital',
	招商引资: 'Investment promotion',
	产业发展: 'Industry',
	城市建设: 'Urban development',
	生态环境: 'Environment',
	教育: 'Education',
	文化: 'Culture',
	民生: 'Livelihood',
	平安治理: 'Public safety',
	基层治理: 'Grassroots governance',
	营商环境: 'Business environment',
	交通: 'Transport',
	其他: 'Other'
};

/**
 * One transaction (kysely runs SQLite migrations without one): a failure half-way leaves the database as
 * it was, and the thousands of small updates of a province commit once.
 *
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
	await db.transaction().execute(keyCategories);
}

/** @param {import('kysely').Kysely<any>} db */
async function keyCategories(db) {
	await sql`alter table categories add column name_key text not null default ''`.execute(db);
	const { rows } = await sql`select id, plan_id, name, position from categories order by plan_id, position`.execute(db);
	/** @type {Map<string, number>} the first category of each plan × key */
	const keeper = new Map();
	for (const row of /** @type {{ id: number, plan_id: number, name: string | null }[]} */ (rows)) {
		const key = categoryKey(row.name);
		const first = keeper.get(`${row.plan_id}\u0000${key}`);
		if (first === undefined) {
			keeper.set(`${row.plan_id}\u0000${key}`, row.id);
			await sql`update categories set name_key = ${key} where id = ${row.id}`.execute(db);
		} else {
			await sql`update tasks set category_id = ${first} where category_id = ${row.id}`.execute(db);
			await sql`delete from categories where id = ${row.id}`.execute(db);
		}
	}
	await sql`create unique index categories_plan_key on categories (plan_id, name_key)`.execute(db);

	await rebuildCategoryRollups(db);
	for (const [name, nameEn] of Object.entries(THEME_NAMES_EN)) {
		await sql`update themes set name_en = ${nameEn} where name = ${name} and ifnull(name_en, '') = ''`.execute(db);
	}
	// Pages cached under the old figures must not be served again.
	await sql`update data_version set version = version + 1 where id = 1`.execute(db);
}

/**
 * The rollups' category rows as 0015 built them, keyed by name_key instead of the published name. Exported
 * for the tests that rebuild the rollups after editing rows behind the write path's back (0015, then this).
 *
 * @param {import('kysely').Kysely<any>} db
 */
export async function rebuildCategoryRollups(db) {
	await sql`delete from status_rollups where dimension = 'category'`.execute(db);
	await sql`insert into status_rollups
		with recursive ancestors (organization_id, ancestor_id) as (
			select id, id from organizations
			union all
			select a.organization_id, o.parent_id from ancestors a join organizations o on o.id = a.ancestor_id where o.parent_id is not null
		),
		facts as (
			select p.organization_id, u.period_id, u.status, u.status_source, c.name_key, c.position,
				exists (select 1 from quality_flags f where f.update_id = u.id) as flagged,
				coalesce(u.percent / 100.0, case when tg.comparator <> '<=' then u.actual_value / nullif(tg.value, 0) end) as ratio
			from updates u
			join tasks t on t.id = u.task_id
			join categories c on c.id = t.category_id
			join plans p on p.id = t.plan_id
			left join targets tg on tg.task_id = t.id and tg.position = 1
			where u.superseded_at is null
		)
		select a.ancestor_id, f.period_id, 'category', f.name_key, min(f.position), f.status, f.status_source,
			count(*), sum(f.flagged), ifnull(sum(f.ratio), 0), count(f.ratio)
		from facts f join ancestors a on a.organization_id = f.organization_id
		group by a.ancestor_id, f.period_id, f.name_key, f.status, f.status_source`.execute(db);
}
