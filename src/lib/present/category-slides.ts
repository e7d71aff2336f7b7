/**
 * The category slides: one per category the overview's chart draws, each filled with the category's
 * most severe tasks (the attention order of src/lib/domain/attention.ts) as many as a slide holds
 * (layout.ts), the rest paged onto continuation slides up to `categoryPages`, and only what is left
 * after those counted — a meeting pages through a category's worst tasks, not a province's list.
 */
import { compareAttention } from '../domain/attention';
import { CATEGORY_CHART_LIMIT, rankCategories } from '../domain/category-ranking';
import { categoryKey } from '../domain/category-key';
import { tasksByStatus } from '../domain/measures';
import { STATUSES, STATUS_LABEL, type Status } from '../domain/status';
import { fill, messages, type Lang } from '../i18n';
import type { AttentionTask, OverviewData } from '../types/overview';
import { bodyHeight, categoryRows, headingLines } from './layout';
import { changesIn, nameList, summariseChanges } from './notes';
import type { CategorySlide, DeckInput, DeckOptions } from './slides';

/** The tasks a category slide lists: behind or not started (flag-only tasks have their own slide). */
const LISTED: Status[] = ['behind', 'not_started'];

/** Splits a list into pages of `size`; an empty list is one empty page. */
export function pages<T>(items: T[], size: number): T[][] {
	if (items.length === 0) return [[]];
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

export function mixText(counts: Record<Status, number>, lang: Lang): string {
	return STATUSES.filter((s) => counts[s] > 0)
		.map((s) => `${STATUS_LABEL[lang][s]} ${counts[s]}`)
		.join(messages[lang].listSeparator);
}

/** A category's listed tasks, most severe first: the loader's per-category list where it has one. */
function rankedTasks(input: DeckInput, data: OverviewData, category: string): AttentionTask[] {
	const own = input.categoryTasks?.[category];
	// Tasks carry their category as published; the counts, its key.
	const tasks = own ?? data.attention.tasks.filter((task) => categoryKey(task.category) === category);
	return tasks.filter((task) => LISTED.includes(task.status)).sort(compareAttention);
}

/**
 * The category keys that get a slide: the page's order (most tasks first) and its bars; the rest are the
 * chart's 其他, not a slide each. The loader reads each one's tasks and changes by these.
 */
export function slideCategories(data: Pick<OverviewData, 'byCategory'>): string[] {
	return rankCategories(data.byCategory).slice(0, CATEGORY_CHART_LIMIT);
}

export function categorySlides(input: DeckInput, data: OverviewData, opts: DeckOptions): CategorySlide[] {
	const { lang } = input;
	const t = messages[lang];
	const keys = slideCategories(data);
	return keys.flatMap((category, i) => {
		const counts = tasksByStatus(data.byCategory.filter((r) => (r.category ?? '') === category));
		const total = STATUSES.reduce((n, s) => n + counts[s], 0);
		const tasks = rankedTasks(input, data, category);
		const title = category || t.uncategorised;
		// The continuation's heading is the longer: every slide of the category gets the rows that fit under it.
		const size = opts.categoryRows ?? categoryRows(bodyHeight(headingLines(fill(t.continued, { title }))));
		const chunks = pages(tasks, size).slice(0, opts.categoryPages);
		const shown = chunks.reduce((n, chunk) => n + chunk.length, 0);
		// From the counts, not the lists: the list the loader fetched may be capped.
		const more = Math.max(0, counts.behind + counts.not_started - shown);
		const firstNotes = categoryNotes(lang, counts, total, tasks, changesIn(input.changes, category));
		return chunks.map((chunk, p) => ({
			key: p === 0 ? `category-${i + 1}` : `category-${i + 1}-${p + 1}`,
			kind: 'categories' as const,
			title: p === 0 ? title : fill(t.continued, { title }),
			category,
			position: i + 1,
			of: keys.length,
			page: p + 1,
			pages: chunks.length,
			from: p * size + 1,
			total,
			tasks: chunk.map(({ taskId, name, organization, status, light, gap }) => ({
				taskId,
				name,
				organization,
				status,
				light,
				gap
			})),
			more: p === chunks.length - 1 ? more : 0,
			notes:
				p === 0
					? firstNotes
					: [
							fill(t.notesCategoryPage, {
								from: p * size + 1,
								to: p * size + chunk.length,
								names: nameList(
									chunk.map((task) => task.name),
									lang
								)
							})
						]
		}));
	});
}

/** The first slide's notes: the mix, the worst tasks by name, the changes since the previous period. */
function categoryNotes(
	lang: Lang,
	counts: Record<Status, number>,
	total: number,
	tasks: AttentionTask[],
	changes: ReturnType<typeof changesIn>
): string[] {
	const t = messages[lang];
	const notes = [fill(t.notesCategory, { total, mix: mixText(counts, lang) })];
	const names = (status: Status) => tasks.filter((task) => task.status === status).map((task) => task.name);
	if (counts.behind) notes.push(fill(t.notesBehindNames, { names: nameList(names('behind'), lang, counts.behind) }));
	if (counts.not_started)
		notes.push(fill(t.notesNotStartedNames, { names: nameList(names('not_started'), lang, counts.not_started) }));
	if (!counts.behind && !counts.not_started) notes.push(t.noBehindInCategory);
	notes.push(...summariseChanges(changes, lang));
	return notes;
}
