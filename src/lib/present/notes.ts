/**
 * Speaker notes a presenter can say in about a minute: a slide's notes are whole sentences, at most
 * NOTES_LIMIT characters in all, and when something is left out a last sentence says how much — a
 * city's notes once listed every changed task (58 000 characters) and printed pages ended mid-sentence.
 */
import { STATUS_LABEL, type Status } from '../domain/status';
import { fill, messages, type Lang } from '../i18n';
import type { StatusChange, StatusChangeCount, StatusChanges, StatusPairToName } from '../types/overview';
import { CHANGE_DIRECTION, changeKind } from '../domain/changes';

/** Characters of notes per slide, paragraphs counted with one line break between them. */
export const NOTES_LIMIT = 600;

/** Changes a summary names; the rest are counted. */
export const NOTES_TOP_CHANGES = 5;

/** Names a list in the notes quotes before it counts the rest. */
export const NOTES_NAMES = 5;

/**
 * How bad each status is, for the size of a change: a task that went from completed to behind moved
 * further than one that went from on track to ahead. Not started sits below behind, as in the
 * attention tiers (src/lib/domain/attention.ts); unknown between the two kinds.
 */
const SEVERITY: Record<Status, number> = {
	completed: 0,
	ahead: 1,
	on_track: 2,
	unknown: 3,
	not_started: 4,
	behind: 5
};

/** Positive when a change made things worse, negative when better; its size is the change's size. */
export function changeSeverity(change: Pick<StatusChange, 'from' | 'to'>): number {
	return SEVERITY[change.to] - SEVERITY[change.from];
}

/** Changes by size, largest first; of equal size the worse first, then in the order given (report order). */
export function rankChanges<T extends Pick<StatusChange, 'from' | 'to'>>(changes: T[]): T[] {
	return changes
		.map((change, i) => ({ change, i, s: changeSeverity(change) }))
		.sort((a, b) => Math.abs(b.s) - Math.abs(a.s) || b.s - a.s || a.i - b.i)
		.map(({ change }) => change);
}

/** Sum of the paragraphs' lengths with a line break between each two: what the notes pane shows. */
export function notesLength(paragraphs: string[]): number {
	return paragraphs.reduce((n, p) => n + p.length, 0) + Math.max(0, paragraphs.length - 1);
}

/** The text as a full sentence: with its closing stop ("。" or "."), added where it has none. */
export function sentence(lang: Lang, text: string): string {
	return /[。．.！!？?]$/.test(text) ? text : `${text}${lang === 'zh' ? '。' : '.'}`;
}

/** "text（aside）" in Chinese, "text (aside)" in English. */
export function aside(lang: Lang, text: string, note: string): string {
	return lang === 'zh' ? `${text}（${note}）` : `${text} (${note})`;
}

/**
 * The changes of a scope from the list of every one (a unit's, a few dozen): counted from it, all named, and
 * the earlier status of each listed task among them.
 */
export function statusChangesOf(changes: StatusChange[], listed: readonly { taskId: number }[] = []): StatusChanges {
	const counts = new Map<string, StatusChangeCount>();
	for (const c of changes) {
		const id = `${c.key}\u0000${c.from}>${c.to}`;
		const row = counts.get(id) ?? { key: c.key, from: c.from, to: c.to, count: 0 };
		row.count++;
		counts.set(id, row);
	}
	const was = new Map(changes.map((c) => [c.taskId, c.from]));
	const earlier = listed.flatMap((task) =>
		was.has(task.taskId) ? [[task.taskId, was.get(task.taskId)!] as const] : []
	);
	return { counts: [...counts.values()], named: changes, earlier: Object.fromEntries(earlier) };
}

/** The changes of one category (by key), to summarise on its slide. */
export function changesIn(changes: Pick<StatusChanges, 'counts' | 'named'>, key: string) {
	return { counts: changes.counts.filter((c) => c.key === key), named: changes.named.filter((c) => c.key === key) };
}

/**
 * The pairs of statuses whose changes a summary of `counts` ranks first (rankChanges), as many ranks as hold
 * `limit` changes: a rank is a size and a direction of change, and within a rank the report order decides.
 */
function firstRanks(counts: StatusChangeCount[], limit: number): Set<string> {
	const bySize = new Map<string, { from: Status; to: Status; severity: number; count: number }>();
	for (const c of counts) {
		const id = `${c.from}>${c.to}`;
		const pair = bySize.get(id) ?? { from: c.from, to: c.to, severity: changeSeverity(c), count: 0 };
		pair.count += c.count;
		bySize.set(id, pair);
	}
	const pairs = [...bySize.entries()].sort(
		([, a], [, b]) => Math.abs(b.severity) - Math.abs(a.severity) || b.severity - a.severity
	);
	const out = new Set<string>();
	let held = 0;
	for (const [i, [id, pair]] of pairs.entries()) {
		const rankBefore = i > 0 ? pairs[i - 1][1].severity : null;
		if (held >= limit && pair.severity !== rankBefore) break;
		out.add(id);
		held += pair.count;
	}
	return out;
}

/**
 * Which changes a deck's notes may name: those of the first ranks of the whole scope (in every category) and of
 * each category of `keys` (the category slides'), each rank whole, as many as hold NOTES_TOP_CHANGES changes.
 * Fetched by name, the first NOTES_TOP_CHANGES of each category and pair in report order are a superset of
 * what summariseChanges names: its top changes are the first of their ranks in report order.
 */
export function pairsToName(
	counts: StatusChangeCount[],
	keys: string[],
	limit = NOTES_TOP_CHANGES
): StatusPairToName[] {
	const out = new Map<string, StatusPairToName>();
	const pairOf = (id: string) => {
		const [from, to] = id.split('>') as [Status, Status];
		return { from, to };
	};
	for (const id of firstRanks(counts, limit)) out.set(id, { ...pairOf(id), keys: null });
	for (const key of keys)
		for (const id of firstRanks(
			counts.filter((c) => c.key === key),
			limit
		)) {
			const pair = out.get(id) ?? { ...pairOf(id), keys: [] };
			if (pair.keys !== null && !pair.keys.includes(key)) pair.keys.push(key);
			out.set(id, pair);
		}
	return [...out.values()];
}

/**
 * The largest changes by name (at most NOTES_TOP_CHANGES, and only as many as fit in `budget` characters) and
 * one sentence counting the rest, worse and better. `named` holds at least the changes of the first ranks
 * (pairsToName), `counts` every change. No changes: no paragraphs.
 */
export function summariseChanges(
	changes: { counts: StatusChangeCount[]; named: StatusChange[] },
	lang: Lang,
	budget = NOTES_LIMIT / 2
): string[] {
	const t = messages[lang];
	const ranked = rankChanges(changes.named);
	const named: string[] = [];
	for (const change of ranked.slice(0, NOTES_TOP_CHANGES)) {
		const text = aside(lang, change.name, `${STATUS_LABEL[lang][change.from]} → ${STATUS_LABEL[lang][change.to]}`);
		const list = [...named, text].join(t.listSeparator);
		if (fill(t.notesTopChanges, { n: named.length + 1, list }).length > budget) break;
		named.push(text);
	}
	const out = named.length ? [fill(t.notesTopChanges, { n: named.length, list: named.join(t.listSeparator) })] : [];
	// Worse and better as the 变化情况 slide counts them (domain/changes.ts): a task that started, behind,
	// went up; one to or from 无法判断 is neither. The rest: every change counted, less those named.
	const tally = { worse: 0, better: 0, neither: 0 };
	for (const c of changes.counts) tally[CHANGE_DIRECTION[changeKind(c.from, c.to)]] += c.count;
	for (const c of ranked.slice(0, named.length)) tally[CHANGE_DIRECTION[changeKind(c.from, c.to)]]--;
	const rest = tally.worse + tally.better + tally.neither;
	if (rest > 0) {
		const counts = [
			tally.worse ? fill(t.notesChangesWorse, { n: tally.worse }) : '',
			tally.better ? fill(t.notesChangesBetter, { n: tally.better }) : '',
			tally.neither ? fill(t.notesChangesUnknown, { n: tally.neither }) : ''
		].filter(Boolean);
		out.push(fill(t.notesOtherChanges, { n: rest, counts: counts.join(t.listSeparator) }));
	}
	return out;
}

/**
 * The first NOTES_NAMES of `total` names and how many in all: "甲、乙、丙等 12 项"; `total` may be more
 * than the names known (a capped list); without any name, the count alone.
 */
export function nameList(names: string[], lang: Lang, total = names.length): string {
	const t = messages[lang];
	const shown = names.slice(0, NOTES_NAMES).join(t.listSeparator);
	if (!shown) return fill(t.notesTaskCount, { n: total });
	return total > Math.min(names.length, NOTES_NAMES) ? fill(t.notesNamesAndMore, { names: shown, n: total }) : shown;
}

/**
 * The paragraphs that fit in `limit` characters, in order; when some do not, they are left out whole and
 * a last sentence says how many, so nothing is cut mid-sentence or dropped without a word.
 */
export function fitNotes(paragraphs: string[], lang: Lang, limit = NOTES_LIMIT): string[] {
	if (notesLength(paragraphs) <= limit) return paragraphs;
	const t = messages[lang];
	const kept: string[] = [];
	for (let i = 0; i < paragraphs.length; i++) {
		const omitted = fill(t.notesLimitOmitted, { n: paragraphs.length - kept.length - 1 });
		if (notesLength([...kept, paragraphs[i], omitted]) > limit) continue;
		kept.push(paragraphs[i]);
	}
	return [...kept, fill(t.notesLimitOmitted, { n: paragraphs.length - kept.length })];
}
