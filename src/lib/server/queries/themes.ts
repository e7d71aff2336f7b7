/**
 * The themes (主题) table as pages read it: a few dozen rows that only an import changes, kept per data version
 * when the scope asking is read at one (scope-memo.ts).
 */
import type { DB } from '../db';
import { memoOnData } from './scope-memo';

export interface ThemeRow {
	id: number;
	name: string;
	nameEn: string | null;
}

/** Every theme with its id and both names, in the table's order. */
export function listThemeRows(db: DB, scope: object): Promise<readonly ThemeRow[]> {
	return themeRows(scope, '', () => db.selectFrom('themes').select(['id', 'name', 'name_en as nameEn']).execute());
}

const themeRows = memoOnData<ThemeRow[]>(1);

/**
 * Every theme by id with both names and its rank in name order (SQLite's, the binary order of the text): what a
 * task row's theme ids are named and ordered by. Read afresh each time (a few dozen rows), so it holds every
 * theme the rows read before it name.
 */
export async function themesInNameOrder(
	db: DB
): Promise<Map<number, { name: string; nameEn: string | null; rank: number }>> {
	const rows = await db.selectFrom('themes').select(['id', 'name', 'name_en as nameEn']).orderBy('name').execute();
	return new Map(rows.map((r, rank) => [r.id, { name: r.name, nameEn: r.nameEn, rank }]));
}
