/**
 * A fixed, seeded list of distinct URLs over one database, as many users would open them: overviews
 * with various filters, task lists (filters, sorts, pages, searches), task pages opened from a list,
 * slides, and a few CSV exports. The same database and seed give the same list, so two runs load the
 * same pages; the URLs are distinct so the page cache cannot answer them all.
 */
import Database from 'better-sqlite3';

export type UrlKind = 'overview' | 'tasks' | 'task' | 'present' | 'export';

export interface BenchUrl {
	kind: UrlKind;
	path: string;
}

/** mulberry32: a small seeded generator, so the list is the same in every run. */
export function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const STATUSES = ['completed', 'ahead', 'on_track', 'behind', 'not_started', 'unknown'];
const SORTS = ['seq', 'org', 'category', 'task', 'theme', 'owner', 'status', 'flags'];
const SEARCHES = ['数字化改造', '老旧小区', '消防', '项目', '乡村振兴', '产业园', '养老服务', '招商引资'];

interface Vocabulary {
	organizations: number[];
	leaves: number[];
	periods: { year: number; quarter: number | null; month_end: number; month_start: number | null }[];
	categories: string[];
	themes: string[];
	taskIds: number[];
}

function vocabulary(file: string): Vocabulary {
	const db = new Database(file, { readonly: true });
	const column = <T>(sql: string) => db.prepare(sql).pluck().all() as T[];
	const vocabulary: Vocabulary = {
		organizations: column<number>('select id from organizations where is_sample = 0 order by id'),
		leaves: column<number>(
			'select id from organizations o where is_sample = 0 and not exists (select 1 from organizations c where c.parent_id = o.id) order by id'
		),
		periods: db
			.prepare('select year, quarter, month_end, month_start from periods order by year, month_end')
			.all() as Vocabulary['periods'],
		categories: column<string>(
			'select name from categories where name is not null group by name order by count(*) desc limit 40'
		),
		themes: column<string>('select name from themes order by name'),
		taskIds: column<number>('select id from tasks order by id')
	};
	db.close();
	return vocabulary;
}

/** The load's shares of each kind of URL. */
export const LOAD_MIX: Record<UrlKind, number> = { overview: 0.3, tasks: 0.3, task: 0.25, present: 0.12, export: 0.03 };

/** `count` distinct URLs of the given mix (shares of kinds, summing to 1), from a seeded generator. */
export function benchUrls(file: string, count: number, seed: number, mix = LOAD_MIX): BenchUrl[] {
	const v = vocabulary(file);
	const next = random(seed);
	const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)];
	const maybe = (share: number) => next() < share;
	const period = () => {
		const p = pick(v.periods);
		return p.quarter !== null
			? `year=${p.year}&quarter=${p.quarter}`
			: `year=${p.year}&months=${p.month_start ?? 1}-${p.month_end}`;
	};
	/** The filters every page shares; each present with some chance. */
	const filters = (orgShare: number): string[] => [
		...(maybe(orgShare) ? [`org=${pick(v.organizations)}`] : []),
		...(maybe(0.3) ? [period()] : []),
		...(maybe(0.2) && v.categories.length ? [`category=${encodeURIComponent(pick(v.categories))}`] : []),
		...(maybe(0.15) && v.themes.length ? [`theme=${encodeURIComponent(pick(v.themes))}`] : []),
		...(maybe(0.25) ? [`status=${pick(STATUSES)}`] : []),
		...(maybe(0.1) ? ['lang=en'] : [])
	];
	const query = (params: string[]) => (params.length ? `?${params.join('&')}` : '');
	const make: Record<UrlKind, () => string> = {
		overview: () => `/${query(filters(0.8))}`,
		tasks: () =>
			`/tasks${query([
				...filters(0.6),
				...(maybe(0.3) ? [`q=${encodeURIComponent(pick(SEARCHES))}`] : []),
				...(maybe(0.4) ? [`sort=${pick(SORTS)}`, `dir=${maybe(0.5) ? 'asc' : 'desc'}`] : []),
				...(maybe(0.4) ? [`page=${1 + Math.floor(next() * 5)}`] : [])
			])}`,
		// A task opened from a list: the list's filters come along for previous / next.
		task: () => `/tasks/${pick(v.taskIds)}${query(maybe(0.5) ? filters(0.5) : [])}`,
		present: () => `/present${query(filters(0.8))}`,
		// Exports of one unit's tasks mostly; now and then a whole scope.
		export: () => `/tasks/export.csv${query(maybe(0.8) ? [`org=${pick(v.leaves)}`] : filters(0.3))}`
	};
	const kinds = Object.entries(mix) as [UrlKind, number][];
	const seen = new Set<string>();
	const urls: BenchUrl[] = [];
	for (let attempts = 0; urls.length < count && attempts < count * 20; attempts++) {
		let r = next();
		const kind = kinds.find(([, share]) => (r -= share) < 0)?.[0] ?? 'overview';
		const path = make[kind]();
		if (seen.has(path)) continue;
		seen.add(path);
		urls.push({ kind, path });
	}
	return urls;
}
